use super::*;
use crate::ast::{Constant, ExprKind, FStringPart};

fn lines(s: &str) -> String {
    s.lines()
        .map(|l| l.trim_end())
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[test]
fn power_binds_tighter_than_unary_minus() {
    assert_eq!(
        expr_dump("-2**2"),
        lines("UnaryOp USub\n  BinOp **\n    Constant 2\n    Constant 2")
    );
    assert_eq!(
        expr_dump("2**-1"),
        lines("BinOp **\n  Constant 2\n  UnaryOp USub\n    Constant 1")
    );
    assert_eq!(
        expr_dump("a**b**c"),
        lines("BinOp **\n  Name a\n  BinOp **\n    Name b\n    Name c")
    );
    assert_eq!(
        expr_dump("2**-x**3"),
        lines(
            "BinOp **\n  Constant 2\n  UnaryOp USub\n    BinOp **\n      Name x\n      Constant 3"
        )
    );
}

#[test]
fn not_is_below_comparison() {
    assert_eq!(
        expr_dump("not a == b"),
        lines("UnaryOp Not\n  Compare ==\n    Name a\n    Name b")
    );
    assert_eq!(
        expr_dump("not a and b"),
        lines("BoolOp And\n  UnaryOp Not\n    Name a\n  Name b")
    );
    assert_eq!(
        expr_dump("a or b and c"),
        lines("BoolOp Or\n  Name a\n  BoolOp And\n    Name b\n    Name c")
    );
}

#[test]
fn conditional_expressions_nest_to_the_right() {
    let d = expr_dump("a if b else c if d else e");
    let want = "IfExp\n  test:\n    Name b\n  body:\n    Name a\n  orelse:\n    IfExp\n      test:\n        Name d\n      body:\n        Name c\n      orelse:\n        Name e\n";
    assert_eq!(d, want);
}

#[test]
fn lambda_inside_conditional() {
    let d = expr_dump("(lambda: 1) if t else lambda: 2");
    assert!(
        d.starts_with("IfExp\n  test:\n    Name t\n  body:\n    Lambda"),
        "{d}"
    );
    assert!(
        d.contains("orelse:\n    Lambda\n      body:\n        Constant 2"),
        "{d}"
    );
    // A lambda body takes the whole conditional.
    let d = expr_dump("lambda: a if b else c");
    assert!(d.starts_with("Lambda\n  body:\n    IfExp"), "{d}");
}

#[test]
fn chained_comparisons() {
    let e = expr("a < b <= c != d in e not in f is g is not h");
    let ExprKind::Compare {
        ops, comparators, ..
    } = &e.kind
    else {
        panic!("{e:?}")
    };
    let syms: Vec<&str> = ops.iter().map(|o| o.symbol()).collect();
    assert_eq!(syms, ["<", "<=", "!=", "in", "not in", "is", "is not"]);
    assert_eq!(comparators.len(), 7);
}

#[test]
fn binary_precedence_levels() {
    assert_eq!(
        expr_dump("a | b ^ c & d << e + f * g"),
        lines(
            "BinOp |\n  Name a\n  BinOp ^\n    Name b\n    BinOp &\n      Name c\n      BinOp <<\n        Name d\n        BinOp +\n          Name e\n          BinOp *\n            Name f\n            Name g"
        )
    );
    // Left associativity.
    assert_eq!(
        expr_dump("a - b - c"),
        lines("BinOp -\n  BinOp -\n    Name a\n    Name b\n  Name c")
    );
    assert_eq!(expr_dump("a // b % c @ d").lines().next(), Some("BinOp @"));
    // Unary binds tighter than binary, looser than attribute access and calls.
    assert_eq!(
        expr_dump("-a.b(1) * ~c"),
        lines("BinOp *\n  UnaryOp USub\n    Call\n      Attribute .b\n        Name a\n      arg:\n        Constant 1\n  UnaryOp Invert\n    Name c")
    );
}

#[test]
fn await_binds_tighter_than_power() {
    assert_eq!(
        expr_dump("await a ** 2"),
        lines("BinOp **\n  Await\n    Name a\n  Constant 2")
    );
}

#[test]
fn subscripts_and_slices() {
    let d = expr_dump("a[1:2, ::3, 4:, :]");
    assert!(d.contains("index:\n    Tuple\n      Slice"), "{d}");
    let e = expr("a[::]");
    let ExprKind::Subscript { index, .. } = &e.kind else {
        panic!()
    };
    assert!(matches!(
        index.kind,
        ExprKind::Slice {
            lower: None,
            upper: None,
            step: None
        }
    ));
    let e = expr("a[1, 2]");
    let ExprKind::Subscript { index, .. } = &e.kind else {
        panic!()
    };
    assert!(matches!(&index.kind, ExprKind::Tuple(v) if v.len() == 2));
}

#[test]
fn calls_with_all_argument_kinds() {
    let e = expr("f(a, *b, c=1, **d)");
    let ExprKind::Call { args, keywords, .. } = &e.kind else {
        panic!()
    };
    assert_eq!(args.len(), 2);
    assert!(matches!(args[1].kind, ExprKind::Starred(_)));
    assert_eq!(keywords[0].arg.as_deref(), Some("c"));
    assert_eq!(keywords[1].arg, None);
    let e = expr("sum(x for x in y)");
    let ExprKind::Call { args, .. } = &e.kind else {
        panic!()
    };
    assert!(matches!(args[0].kind, ExprKind::GeneratorExp { .. }));
}

#[test]
fn displays_and_comprehensions() {
    assert!(matches!(expr("{}").kind, ExprKind::Dict { .. }));
    assert!(matches!(expr("{1}").kind, ExprKind::Set(_)));
    assert!(
        matches!(expr("{**a, 1: 2}").kind, ExprKind::Dict { ref keys, .. } if keys[0].is_none())
    );
    assert!(matches!(expr("(1,)").kind, ExprKind::Tuple(ref v) if v.len() == 1));
    assert!(matches!(
        expr("(1)").kind,
        ExprKind::Constant(Constant::Int(1))
    ));
    assert!(matches!(expr("[*a, *b]").kind, ExprKind::List(ref v) if v.len() == 2));
    let e = expr("[x for x in y if x for z in x if z if w]");
    let ExprKind::ListComp { generators, .. } = &e.kind else {
        panic!()
    };
    assert_eq!(generators.len(), 2);
    assert_eq!(generators[1].ifs.len(), 2);
    assert!(matches!(
        expr("{k: v for k, v in d}").kind,
        ExprKind::DictComp { .. }
    ));
    assert!(matches!(
        expr("{s for s in t}").kind,
        ExprKind::SetComp { .. }
    ));
    assert!(matches!(expr("(n := 10)").kind, ExprKind::NamedExpr { .. }));
}

#[test]
fn string_concatenation_and_escapes() {
    let s = |src: &str| match take_kind(expr(src)) {
        ExprKind::Constant(Constant::Str(s)) => s,
        other => panic!("{other:?}"),
    };
    assert_eq!(s(r#"'a' "b" '''c'''"#), "abc");
    assert_eq!(
        s(r#"'\n\t\\\'\"\x41\u00e9\U0001F600\101\a\b\f\v\r'"#),
        "\n\t\\'\"Aé😀A\x07\x08\x0c\x0b\r"
    );
    assert_eq!(s(r"'\q\d'"), "\\q\\d");
    assert_eq!(s(r"r'\n\d'"), "\\n\\d");
    assert_eq!(s("'a\\\nb'"), "ab");
    assert_eq!(s("'''a\r\nb'''"), "a\nb");
    assert_eq!(s("u'x'"), "x");
    assert_eq!(s(r"'\0'"), "\0");
    let b = |src: &str| match take_kind(expr(src)) {
        ExprKind::Constant(Constant::Bytes(b)) => b,
        other => panic!("{other:?}"),
    };
    assert_eq!(b(r"b'\x00\xff' B'a'"), vec![0, 255, b'a']);
    assert_eq!(b(r"rb'\n' BR'\x'"), b"\\n\\x".to_vec());
    assert_eq!(b(r"b'\u1234'"), b"\\u1234".to_vec());
    assert!(err("x = '\\N{BULLET}'\n").message.contains("\\N{...}"));
    assert!(err("x = '\\U00110000'\n")
        .message
        .contains("illegal Unicode character"));
    assert!(err("x = 'a' b'b'\n").message.contains("cannot mix bytes"));
}

fn fparts(src: &str) -> Vec<FStringPart> {
    match take_kind(expr(src)) {
        ExprKind::JoinedStr(parts) => parts,
        other => panic!("{other:?}"),
    }
}

#[test]
fn fstrings() {
    let parts = fparts("f'a{x}b{{c}}{y!r:>{w}.3}'");
    assert_eq!(parts.len(), 4);
    assert_eq!(parts[0], FStringPart::Literal("a".into()));
    assert_eq!(parts[2], FStringPart::Literal("b{c}".into()));
    let FStringPart::Formatted {
        conversion,
        format_spec: Some(spec),
        ..
    } = &parts[3]
    else {
        panic!()
    };
    assert_eq!(*conversion, Some('r'));
    assert_eq!(spec.len(), 3); // ">", {w}, ".3"
    assert!(matches!(&spec[1], FStringPart::Formatted { .. }));

    // Debug form keeps the text including spaces.
    let parts = fparts("f'{x = }{y=!s}'");
    let FStringPart::Formatted { debug_text, .. } = &parts[0] else {
        panic!()
    };
    assert_eq!(debug_text.as_deref(), Some("x = "));
    let FStringPart::Formatted {
        debug_text,
        conversion,
        ..
    } = &parts[1]
    else {
        panic!()
    };
    assert_eq!(
        (debug_text.as_deref(), *conversion),
        (Some("y="), Some('s'))
    );

    // Nested quotes of the other kind, comparisons that look like `=` and `!`.
    let parts = fparts(r#"f"{d['k']} {a != b} {a <= b} {a == b}""#);
    assert_eq!(parts.len(), 7);
    // Concatenation with plain strings merges literals.
    let parts = fparts("f'{x}' 'mid' f'end{y}'");
    assert_eq!(parts[1], FStringPart::Literal("midend".into()));
    // Spans of the inner expression point into the original source.
    let src = "f'ab{value}'";
    let parts = fparts(src);
    let FStringPart::Formatted { value, .. } = &parts[1] else {
        panic!()
    };
    assert_eq!(&src[value.span.range()], "value");
    // Multi-line expression in a triple-quoted f-string; raw f-strings keep backslashes.
    assert_eq!(fparts("f'''{\n x\n + 1\n}'''").len(), 1);
    assert_eq!(fparts(r"rf'\d{x}'")[0], FStringPart::Literal("\\d".into()));
    // Tuples and nested f-strings.
    assert!(
        matches!(&fparts("f'{a, b}'")[0], FStringPart::Formatted { value, .. } if matches!(value.kind, ExprKind::Tuple(_)))
    );
    assert_eq!(fparts(r#"f"{f'{x}'}""#).len(), 1);
}

#[test]
fn fstring_errors() {
    let m = |src: &str| err(src).message;
    assert_eq!(m("f'{}'"), "f-string: empty expression not allowed");
    assert_eq!(m("f'{x'"), "f-string: expecting '}'");
    assert_eq!(m("f'}'"), "f-string: single '}' is not allowed");
    assert_eq!(
        m("f'{x!q}'"),
        "f-string: invalid conversion character: expected 's', 'r', or 'a'"
    );
    assert_eq!(
        m("f'{a b}'"),
        "f-string: invalid syntax. Perhaps you forgot a comma?"
    );
    assert_eq!(
        m("f'{x:{y:{z}}}'"),
        "f-string: expressions nested too deeply"
    );
    assert_eq!(
        m(r"f'{a\n}'"),
        "f-string expression part cannot include a backslash"
    );
    assert_eq!(m("f'{a#}'"), "f-string expression part cannot include '#'");
    assert_eq!(m("f'{)}'"), "f-string: unmatched ')'");
}

#[test]
fn numbers() {
    let c = |src: &str| match take_kind(expr(src)) {
        ExprKind::Constant(c) => c,
        other => panic!("{other:?}"),
    };
    assert_eq!(c("1_000_000"), Constant::Int(1_000_000));
    assert_eq!(c("0xff"), Constant::Int(255));
    assert_eq!(c("0X_FF"), Constant::Int(255));
    assert_eq!(c("0o17"), Constant::Int(15));
    assert_eq!(c("0b1010"), Constant::Int(10));
    assert_eq!(c("00"), Constant::Int(0));
    assert_eq!(c("9223372036854775807"), Constant::Int(i64::MAX));
    assert_eq!(c("1.5"), Constant::Float(1.5));
    assert_eq!(c(".5"), Constant::Float(0.5));
    assert_eq!(c("5."), Constant::Float(5.0));
    assert_eq!(c("1e10"), Constant::Float(1e10));
    assert_eq!(c("1_000.5e-3"), Constant::Float(1.0005));
    assert_eq!(c("2E+2"), Constant::Float(200.0));
    let m = |src: &str| err(src).message;
    assert_eq!(
        c("9223372036854775808"),
        Constant::BigInt("9223372036854775808".into())
    );
    assert_eq!(
        c("0x1_0000_0000_0000_0000"),
        Constant::BigInt("0x10000000000000000".into())
    );
    assert_eq!(c("1j"), Constant::Imag(1.0));
    assert_eq!(c("1.5J"), Constant::Imag(1.5));
    assert_eq!(c("1e3j"), Constant::Imag(1000.0));
    assert_eq!(m("1jx"), "invalid imaginary literal");
    assert_eq!(m("1abc"), "invalid decimal literal");
    assert_eq!(m("1__0"), "invalid decimal literal");
    assert_eq!(m("1_"), "invalid decimal literal");
    assert_eq!(m("0x"), "invalid hexadecimal literal");
    assert_eq!(m("0b2"), "invalid digit '2' in binary literal");
    assert_eq!(m("012"), "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
    // A keyword right after a number is allowed, as in CPython.
    assert!(crate::parse("x = 1if y else 2\n").is_ok());
}
