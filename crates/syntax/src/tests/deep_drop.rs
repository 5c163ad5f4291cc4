//! Deep-but-legal trees are parsed with loops; dropping them must not recurse either (see the
//! Drop impls in `ast.rs`). Everything here runs on a 2 MB thread, where recursive drop glue
//! overflows long before a million nodes.

use crate::ast::{Expr, ExprKind, Module, Stmt, StmtKind};
use crate::span::Span;

fn small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("thread panicked (stack overflow aborts the process instead)");
}

fn leaf() -> Expr {
    Expr {
        kind: ExprKind::Constant(crate::ast::Constant::Int(1)),
        span: Span::default(),
    }
}

fn node(kind: ExprKind) -> Expr {
    Expr {
        kind,
        span: Span::default(),
    }
}

#[test]
fn million_term_sum_drops_iteratively() {
    small_stack(|| {
        let mut e = leaf();
        for _ in 1..1_000_000 {
            e = node(ExprKind::BinOp {
                left: Box::new(e),
                op: crate::ast::BinOp::Add,
                right: Box::new(leaf()),
            });
        }
        // Check the shape really is a million deep before dropping it.
        let mut depth = 1;
        let mut cur = &e;
        while let ExprKind::BinOp { left, .. } = &cur.kind {
            depth += 1;
            cur = left;
        }
        assert_eq!(depth, 1_000_000);
        drop(e);
    });
}

#[test]
fn mixed_deep_chains_drop_iteratively() {
    small_stack(|| {
        let n = 200_000;
        let mut e = leaf();
        for i in 0..n {
            e = match i % 7 {
                0 => node(ExprKind::Attribute {
                    value: Box::new(e),
                    attr: "a".into(),
                }),
                1 => node(ExprKind::Call {
                    func: Box::new(e),
                    args: vec![leaf()],
                    keywords: vec![],
                }),
                2 => node(ExprKind::Subscript {
                    value: Box::new(e),
                    index: Box::new(leaf()),
                }),
                3 => node(ExprKind::UnaryOp {
                    op: crate::ast::UnaryOp::Not,
                    operand: Box::new(e),
                }),
                4 => node(ExprKind::BoolOp {
                    op: crate::ast::BoolOp::And,
                    values: vec![leaf(), e],
                }),
                5 => node(ExprKind::Compare {
                    left: Box::new(e),
                    ops: vec![crate::ast::CmpOp::Lt],
                    comparators: vec![leaf()],
                }),
                _ => node(ExprKind::IfExp {
                    test: Box::new(leaf()),
                    body: Box::new(leaf()),
                    orelse: Box::new(e),
                }),
            };
        }
        drop(e);
    });
}

#[test]
fn long_elif_chain_drops_iteratively() {
    small_stack(|| {
        let pass = || Stmt {
            kind: StmtKind::Pass,
            span: Span::default(),
        };
        let mut s = pass();
        for _ in 0..300_000 {
            s = Stmt {
                kind: StmtKind::If {
                    test: leaf(),
                    body: vec![pass()],
                    orelse: vec![s],
                },
                span: Span::default(),
            };
        }
        drop(Module { body: vec![s] });
    });
}

/// Parsed (not hand-built) deep chains of every looped form: parsing runs on an 8 MB thread,
/// dropping on a 2 MB one.
#[test]
fn parsed_long_chains_drop_on_a_small_stack() {
    let sources = [
        format!("x = {}\n", vec!["1"; 100_000].join(" + ")),
        format!("x = {}2\n", "2 ** ".repeat(50_000)),
        format!("x = a{}\n", ".b".repeat(100_000)),
        format!("x = f{}\n", "(1)[0]".repeat(50_000)),
        format!("x = {}y\n", "not ".repeat(100_000)),
        format!("x = {}0\n", "1 if c else ".repeat(50_000)),
        {
            let mut elifs = String::from("if x == 0:\n    pass\n");
            for i in 1..50_000 {
                elifs.push_str(&format!("elif x == {i}:\n    pass\n"));
            }
            elifs
        },
    ];
    for src in sources {
        let m = super::big_stack(move || crate::parse(&src).expect("parses"));
        small_stack(move || drop(m));
    }
}
