use super::{check, check_err};

#[test]
fn prints_arithmetic() {
    check("print(1 + 2)\nprint(7 // 2, -7 // 2, 7 % -3, 2 ** 10, 2 ** -1, 7 / 2)\n", "3\n3 -4 -2 1024 0.5 3.5\n");
}

#[test]
fn fib_recursive() {
    check("def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\nprint(fib(20))\n", "6765\n");
}
