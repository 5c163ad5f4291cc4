//! Compile errors: CPython's messages, with a span on the right line. The subset's unsupported
//! constructs fail with a message naming them.

fn error_of(source: &str) -> (String, u32) {
    match gilvm_compiler::compile_source(source, "t.py") {
        Ok(_) => panic!("expected a compile error for {source:?}"),
        Err(e) => {
            let line = gilvm_syntax::LineIndex::new(source).line(e.span.start);
            (e.message, line)
        }
    }
}

#[track_caller]
fn check(source: &str, message: &str, line: u32) {
    let (m, l) = error_of(source);
    assert_eq!((m.as_str(), l), (message, line), "source: {source:?}");
}

#[test]
fn misplaced_statements() {
    check("x = 1\nreturn x\n", "'return' outside function", 2);
    check("class A:\n    return 1\n", "'return' outside function", 2);
    check("break\n", "'break' outside loop", 1);
    check(
        "while x:\n    def f():\n        break\n",
        "'break' outside loop",
        3,
    );
    check("continue\n", "'continue' not properly in loop", 1);
    check(
        "for x in y:\n    pass\nelse:\n    continue\n",
        "'continue' not properly in loop",
        4,
    );
    check(
        "def f():\n    from math import *\n",
        "import * only allowed at module level",
        2,
    );
}

#[test]
fn global_and_nonlocal() {
    check(
        "def f():\n    x = 1\n    global x\n",
        "name 'x' is assigned to before global declaration",
        3,
    );
    check(
        "def f():\n    print(x)\n    global x\n",
        "name 'x' is used prior to global declaration",
        3,
    );
    check(
        "def f(x):\n    global x\n",
        "name 'x' is parameter and global",
        2,
    );
    check(
        "def f(x):\n    nonlocal x\n",
        "name 'x' is parameter and nonlocal",
        2,
    );
    check(
        "def f():\n    print(x)\n    nonlocal x\n",
        "name 'x' is used prior to nonlocal declaration",
        3,
    );
    check(
        "nonlocal x\n",
        "nonlocal declaration not allowed at module level",
        1,
    );
    check(
        "def f():\n    nonlocal x\n",
        "no binding for nonlocal 'x' found",
        2,
    );
    check(
        "x = 1\ndef f():\n    nonlocal x\n",
        "no binding for nonlocal 'x' found",
        3,
    );
    check(
        "def f():\n    x = 1\n    class A:\n        def g():\n            nonlocal y\n",
        "no binding for nonlocal 'y' found",
        5,
    );
    check(
        "def f():\n    global x\n    nonlocal x\n",
        "name 'x' is nonlocal and global",
        3,
    );
}

#[test]
fn bad_definitions_and_calls() {
    check(
        "def f(a, a):\n    pass\n",
        "duplicate argument 'a' in function definition",
        1,
    );
    check("f(a=1, a=2)\n", "keyword argument repeated: a", 1);
    check(
        "[(x := 1) for x in r]\n",
        "assignment expression cannot rebind comprehension iteration variable 'x'",
        1,
    );
    check(
        "class A:\n    [(y := 1) for x in r]\n",
        "assignment expression within a comprehension cannot be used in a class body",
        2,
    );
}

#[test]
fn unsupported_constructs_are_named() {
    // Generators, generator expressions and `async def` compile (issue 5).
    for ok in [
        "def g():\n    yield 1\n",
        "def g():\n    x = yield\n",
        "def g():\n    yield from h()\n",
        "async def f():\n    await g()\n",
        "s = sum(x for x in y)\n",
        "async def g():\n    yield 1\n",
        "async def f():\n    return [await x for x in y]\n",
        "async def f():\n    async for x in y:\n        pass\n",
        "def f():\n    return (await x for x in y)\n",
    ] {
        assert!(gilvm_compiler::compile_source(ok, "t.py").is_ok(), "{ok:?}");
    }
    check(
        "def f():\n    await g()\n",
        "'await' outside async function",
        2,
    );
    check("await g()\n", "'await' outside function", 1);
    check("yield 1\n", "'yield' outside function", 1);
    check(
        "def f():\n    async with a:\n        pass\n",
        "'async with' outside async function",
        2,
    );
    check(
        "def f():\n    async for x in y:\n        pass\n",
        "'async for' outside async function",
        2,
    );
    check(
        "def f():\n    return [x async for x in y]\n",
        "asynchronous comprehension outside of an asynchronous function",
        2,
    );
    check(
        "async def f():\n    yield 1\n    return 2\n",
        "'return' with value in async generator",
        3,
    );
    check(
        "async def f():\n    yield from g()\n",
        "'yield from' inside async function",
        2,
    );
    check(
        "class A(*bases):\n    pass\n",
        "starred base classes are not supported",
        1,
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    // Runs on a test thread (2 MiB stack): the nesting limit must fit in it, even in debug.
    let ok = format!("x = y{}\n", ".a".repeat(199));
    assert!(gilvm_compiler::compile_source(&ok, "t.py").is_ok());
    let deep = format!("x = y{}\n", ".a".repeat(5000));
    check(&deep, "expression too deeply nested", 1);
    // Long left-nested operator chains are walked iteratively and have no limit.
    let long = format!("x = 1{}\n", " + 1".repeat(5000));
    let code = gilvm_compiler::compile_source(&long, "t.py").unwrap();
    assert_eq!(code.code.len(), 5000 * 2 + 4);
}

#[test]
fn long_elif_chain_compiles_without_recursion() {
    // An elif chain is an If nested in `orelse` per branch; the symbol table and the compiler
    // walk it with loops, so its length is unbounded even on a 2 MiB test thread.
    let n = 20_000;
    let mut src = String::from("def f(x):\n    if x == 0:\n        y = 0\n");
    for i in 1..n {
        src.push_str(&format!("    elif x == {i}:\n        y = {i}\n"));
    }
    src.push_str("    else:\n        y = -1\n    return y\n");
    let module = gilvm_compiler::compile_source(&src, "t.py").expect("compiles");
    let Some(gilvm_compiler::Const::Code(f)) = module.consts.first() else {
        panic!("no function code object");
    };
    // Every branch jumps past the rest of the chain to the shared end (the `return y`).
    let jumps = f
        .code
        .iter()
        .filter(|op| matches!(op, gilvm_compiler::Op::Jump(_)))
        .count();
    assert_eq!(
        jumps, n,
        "one Jump per `if`/`elif` body (each is followed by an else part)"
    );
}
