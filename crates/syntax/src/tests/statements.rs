use super::*;
use crate::ast::{ExprKind, StmtKind};

#[test]
fn assignment_forms() {
    let m = module("a = b = 1\nx, *y = z\n[p, (q, r)] = s\nt.u += 1\nv: int = 3\nw: list\n");
    assert!(matches!(&m.body[0].kind, StmtKind::Assign { targets, .. } if targets.len() == 2));
    assert!(
        matches!(&m.body[1].kind, StmtKind::Assign { targets, .. } if matches!(targets[0].kind, ExprKind::Tuple(_)))
    );
    assert!(matches!(
        &m.body[3].kind,
        StmtKind::AugAssign {
            op: crate::ast::BinOp::Add,
            ..
        }
    ));
    assert!(matches!(
        &m.body[4].kind,
        StmtKind::AnnAssign { value: Some(_), .. }
    ));
    assert!(matches!(
        &m.body[5].kind,
        StmtKind::AnnAssign { value: None, .. }
    ));
}

#[test]
fn target_errors_use_cpython_wording() {
    let m = |src: &str| err(src).message;
    assert_eq!(
        m("f() = 1\n"),
        "cannot assign to function call here. Maybe you meant '==' instead of '='?"
    );
    assert_eq!(m("a = 1 = 2\n"), "cannot assign to literal");
    assert_eq!(m("for 1 in x: pass\n"), "cannot assign to literal");
    assert_eq!(m("del f()\n"), "cannot delete function call");
    assert_eq!(
        m("(a, b) += 1\n"),
        "'tuple' is an illegal expression for augmented assignment"
    );
    assert_eq!(m("None = 1\n"), "cannot assign to None");
    assert_eq!(
        m("a if b else c = 1\n"),
        "cannot assign to conditional expression"
    );
    assert_eq!(m("with a as 1: pass\n"), "cannot assign to literal");
    assert_eq!(
        m("[x for x in y] = 1\n"),
        "cannot assign to list comprehension here. Maybe you meant '==' instead of '='?"
    );
    assert_eq!(m("x = *a\n"), "can't use starred expression here");
    assert_eq!(
        m("*a, *b = c\n"),
        "multiple starred expressions in assignment"
    );
}

#[test]
fn compound_statements() {
    let src = "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\nwhile x:\n    break\nelse:\n    pass\nfor i in r:\n    continue\nelse:\n    pass\n";
    let m = module(src);
    assert_eq!(m.body.len(), 3);
    let StmtKind::If { orelse, .. } = &m.body[0].kind else {
        panic!()
    };
    assert!(matches!(&orelse[0].kind, StmtKind::If { orelse, .. } if orelse.len() == 1));
    let m = module("try:\n    pass\nexcept (A, B) as e:\n    pass\nexcept C:\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\n");
    let StmtKind::Try {
        handlers,
        orelse,
        finalbody,
        ..
    } = &m.body[0].kind
    else {
        panic!()
    };
    assert_eq!((handlers.len(), orelse.len(), finalbody.len()), (3, 1, 1));
    assert_eq!(handlers[0].name.as_deref(), Some("e"));
    assert!(handlers[2].typ.is_none());
    let m = module("try:\n    pass\nexcept* A as e:\n    pass\nexcept* (B, C):\n    pass\n");
    let StmtKind::Try {
        handlers, is_star, ..
    } = &m.body[0].kind
    else {
        panic!()
    };
    assert!(*is_star);
    assert_eq!(handlers.len(), 2);
    assert_eq!(handlers[0].name.as_deref(), Some("e"));
}

#[test]
fn with_items() {
    let items = |src: &str| match &module(src).body[0].kind {
        StmtKind::With { items, .. } => items.len(),
        other => panic!("{other:?}"),
    };
    assert_eq!(items("with a as b, c: pass\n"), 2);
    assert_eq!(items("with (a as b, c as d,): pass\n"), 2);
    assert_eq!(items("with (a, b): pass\n"), 2);
    assert_eq!(items("with (a, b) as c: pass\n"), 1);
    assert_eq!(items("with (yield_): pass\n"), 1);
}

#[test]
fn functions_and_classes() {
    let m = module("@d\n@e(1)\ndef f(a, b=2, /, c=3, *args, d, e=4, **kw) -> int:\n    return a\n");
    let StmtKind::FunctionDef(f) = &m.body[0].kind else {
        panic!()
    };
    assert_eq!(f.decorators.len(), 2);
    assert_eq!(f.params.posonly.len(), 2);
    assert_eq!(f.params.args.len(), 1);
    assert_eq!(
        f.params.vararg.as_ref().map(|p| p.name.as_str()),
        Some("args")
    );
    assert_eq!(f.params.kwonly.len(), 2);
    assert!(f.params.kwarg.is_some() && f.returns.is_some());
    // The statement span starts at `def` (CPython's line for a decorated function).
    assert_eq!(m.body[0].span.start, 9);
    let m = module("class A(B, C, metaclass=M):\n    x = 1\n    def m(self): return self\n");
    let StmtKind::ClassDef(c) = &m.body[0].kind else {
        panic!()
    };
    assert_eq!((c.bases.len(), c.keywords.len(), c.body.len()), (2, 1, 2));
    let m = module("def g(*, k): pass\n");
    let StmtKind::FunctionDef(f) = &m.body[0].kind else {
        panic!()
    };
    assert!(f.params.vararg.is_none() && f.params.kwonly.len() == 1);
}

#[test]
fn parameter_errors() {
    let m = |src: &str| err(src).message;
    assert_eq!(
        m("def f(a=1, b): pass\n"),
        "non-default argument follows default argument"
    );
    assert_eq!(m("def f(*): pass\n"), "named arguments must follow bare *");
    assert_eq!(
        m("def f(a, a): pass\n"),
        "duplicate argument 'a' in function definition"
    );
    assert_eq!(
        m("def f(**k, a): pass\n"),
        "arguments cannot follow var-keyword argument"
    );
    assert_eq!(m("def f(*a, /): pass\n"), "/ must be ahead of *");
    assert_eq!(
        m("lambda x=1, y: 0\n"),
        "non-default argument follows default argument"
    );
}

#[test]
fn imports() {
    let m = module(
        "import a.b as c, d\nfrom m import (x as y, z,)\nfrom . import q\nfrom ..p import *\n",
    );
    let StmtKind::Import(names) = &m.body[0].kind else {
        panic!()
    };
    assert_eq!(
        (names[0].name.as_str(), names[0].asname.as_deref()),
        ("a.b", Some("c"))
    );
    let StmtKind::ImportFrom {
        module: md,
        names,
        level,
    } = &m.body[1].kind
    else {
        panic!()
    };
    assert_eq!((md.as_str(), names.len(), *level), ("m", 2, 0));
    assert!(matches!(
        &m.body[2].kind,
        StmtKind::ImportFrom { level: 1, .. }
    ));
    assert!(
        matches!(&m.body[3].kind, StmtKind::ImportFrom { level: 2, names, .. } if names[0].name == "*")
    );
    assert_eq!(
        err("from m import a,\n").message,
        "trailing comma not allowed without surrounding parentheses"
    );
}

#[test]
fn simple_statements_and_semicolons() {
    let m = module("x = 1; y = 2;\nif x: a = 1; b = 2\ndel a, b[0]\nassert x, 'm'\nraise E from None\nglobal g\npass\n");
    assert_eq!(m.body.len(), 8);
    assert!(matches!(&m.body[2].kind, StmtKind::If { body, .. } if body.len() == 2));
    assert!(matches!(&m.body[3].kind, StmtKind::Delete(t) if t.len() == 2));
    assert!(matches!(
        &m.body[5].kind,
        StmtKind::Raise {
            exc: Some(_),
            cause: Some(_)
        }
    ));
}

#[test]
fn soft_keywords_are_names() {
    let m = module("match = 1\ncase = match\n_ = case\n");
    assert_eq!(m.body.len(), 3);
    let m = module("match x:\n    case 1:\n        pass\nmatch(x)\nmatch.y = 2\n");
    assert!(matches!(m.body[0].kind, StmtKind::Match { .. }));
    assert!(matches!(m.body[1].kind, StmtKind::Expr(_)));
    assert!(matches!(m.body[2].kind, StmtKind::Assign { .. }));
    assert_eq!(
        err("match x:\n    nocase 1:\n        pass\n").message,
        "invalid syntax"
    );
}

#[test]
fn generators_and_async_parse() {
    let m = module("async def f():\n    async with a as b:\n        await x\n    async for i in y:\n        yield i\n    yield from z\n    x = yield\n    [i async for i in g]\n");
    let StmtKind::FunctionDef(f) = &m.body[0].kind else {
        panic!()
    };
    assert!(f.is_async);
    assert!(matches!(
        f.body[0].kind,
        StmtKind::With { is_async: true, .. }
    ));
    assert!(matches!(
        f.body[1].kind,
        StmtKind::For { is_async: true, .. }
    ));
}

#[test]
fn context_errors() {
    assert_eq!(err("return 1\n").message, "'return' outside function");
    assert_eq!(err("break\n").message, "'break' outside loop");
    assert_eq!(
        err("while x:\n    def f():\n        continue\n").message,
        "'continue' not properly in loop"
    );
    assert_eq!(
        err("for x in y:\n    pass\nelse:\n    break\n").message,
        "'break' outside loop"
    );
    assert_eq!(
        err("class A:\n    yield\n").message,
        "'yield' outside function"
    );
    assert_eq!(
        err("nonlocal x\n").message,
        "nonlocal declaration not allowed at module level"
    );
    assert!(crate::parse(
        "def f():\n    for x in y:\n        if x: break\n    return [(lambda: (yield))]\n"
    )
    .is_ok());
}

#[test]
fn generic_errors() {
    assert_eq!(
        err_at("if x\n    pass\n"),
        ("expected ':'".to_string(), (1, 5))
    );
    assert_eq!(
        err_at("x = [1, 2 3]\n"),
        (
            "invalid syntax. Perhaps you forgot a comma?".to_string(),
            (1, 9)
        )
    );
    assert_eq!(err_at("a b\n"), ("invalid syntax".to_string(), (1, 3)));
    assert_eq!(
        err("print 'hi'\n").message,
        "Missing parentheses in call to 'print'. Did you mean print(...)?"
    );
    assert_eq!(
        err("f(x for x in y, 1)\n").message,
        "Generator expression must be parenthesized"
    );
    assert_eq!(
        err("f(a=1, 2)\n").message,
        "positional argument follows keyword argument"
    );
    assert_eq!(
        err("try:\n    pass\nx = 1\n").message,
        "expected 'except' or 'finally' block"
    );
}

#[test]
fn rendering_shows_location_source_and_caret() {
    let src = "x = 1\ny = (2 +\n";
    let e = err(src);
    let out = e.render("prog.py", src, false);
    assert!(out.contains("prog.py:2:5"), "{out}");
    assert!(out.contains("y = (2 +"), "{out}");
    assert!(out.contains("^"), "{out}");
    assert!(
        out.ends_with("SyntaxError: '(' was never closed\n"),
        "{out}"
    );
    let src = "if x:\n\ta\n        b\n";
    assert!(err(src)
        .render("t.py", src, false)
        .ends_with("TabError: inconsistent use of tabs and spaces in indentation\n"));
}
