//! Code object metadata (counts, flags, cells, names, lines) and properties of the emitted code.

use std::sync::Arc;

use gilvm_compiler::{CodeObject, Const, Op};

fn compile(src: &str) -> Arc<CodeObject> {
    let code = gilvm_compiler::compile_source(src, "t.py").unwrap_or_else(|e| panic!("{e}"));
    gilvm_compiler::verify::verify(&code).unwrap();
    code
}

fn nested<'c>(code: &'c CodeObject, qualname: &str) -> &'c CodeObject {
    fn go<'c>(c: &'c CodeObject, q: &str) -> Option<&'c CodeObject> {
        if &*c.qualname == q {
            return Some(c);
        }
        c.consts.iter().find_map(|k| match k {
            Const::Code(inner) => go(inner, q),
            _ => None,
        })
    }
    go(code, qualname).unwrap_or_else(|| panic!("no code object {qualname}"))
}

fn all_codes(code: &CodeObject) -> Vec<&CodeObject> {
    let mut out = vec![code];
    for c in &code.consts {
        if let Const::Code(inner) = c {
            out.extend(all_codes(inner));
        }
    }
    out
}

#[test]
fn parameters_counts_and_flags() {
    let m = compile("def f(a, b=1, /, c=2, *args, d, e=3, **kw):\n    return a\n");
    let f = nested(&m, "f");
    assert_eq!((f.argcount, f.posonlyargcount, f.kwonlyargcount), (3, 2, 2));
    assert!(f.flags.varargs && f.flags.varkeywords && !f.flags.uses_namespace);
    let names: Vec<&str> = f.varnames.iter().map(|s| &**s).collect();
    assert_eq!(names, ["a", "b", "c", "d", "e", "args", "kw"]);
    assert!(!m.flags.uses_namespace);
}

#[test]
fn qualnames_and_first_lines() {
    let m = compile(
        "def outer():\n    def inner():\n        return [x for x in ()]\n    return inner\nclass A:\n    def m(self):\n        return lambda: 1\n",
    );
    for (q, line) in [
        ("outer", 1),
        ("outer.<locals>.inner", 2),
        ("outer.<locals>.inner.<locals>.<listcomp>", 3),
        ("A", 5),
        ("A.m", 6),
        ("A.m.<locals>.<lambda>", 7),
    ] {
        assert_eq!(nested(&m, q).first_line, line, "{q}");
    }
    assert_eq!(&*nested(&m, "A.m").name, "m");
    assert!(nested(&m, "A").flags.uses_namespace);
    let comp = nested(&m, "outer.<locals>.inner.<locals>.<listcomp>");
    assert_eq!(comp.argcount, 1);
    assert_eq!(&*comp.varnames[0], ".0");
}

#[test]
fn cells_free_vars_and_cell_params() {
    let m = compile("def f(a, b):\n    c = 1\n    def g():\n        return a + c\n    return g\n");
    let f = nested(&m, "f");
    let cells: Vec<&str> = f.cellvars.iter().map(|s| &**s).collect();
    assert_eq!(cells, ["a", "c"]);
    assert_eq!(f.cell_params, [Some(0), None]);
    let g = nested(&m, "f.<locals>.g");
    let free: Vec<&str> = g.freevars.iter().map(|s| &**s).collect();
    assert_eq!(free, ["a", "c"]);
    // The closure tuple is built in g's freevars order from f's cells.
    let i = f
        .code
        .iter()
        .position(|op| matches!(op, Op::MakeFunction(_)))
        .unwrap();
    assert_eq!(
        &f.code[i - 4..i - 1],
        &[Op::LoadClosure(0), Op::LoadClosure(1), Op::BuildTuple(2)]
    );
}

#[test]
fn class_body_ends_with_class_cell_when_needed() {
    let m =
        compile("class A:\n    def m(self):\n        return super().m()\nclass B:\n    x = 1\n");
    let a = nested(&m, "A");
    assert_eq!(a.cellvars.len(), 1);
    assert_eq!(
        &a.code[a.code.len() - 2..],
        &[Op::LoadClosure(0), Op::Return]
    );
    let b = nested(&m, "B");
    assert_eq!(&b.code[b.code.len() - 2..], &[Op::LoadNone, Op::Return]);
}

#[test]
fn constants_are_deduplicated_but_distinguish_types() {
    let m = compile("a = 'x'\nb = 'x'\nc = 1.0\nd = 1.0\ne = -0.0\nf = 10000000000\ng = 10000000000\nh = True\n");
    let strs = m
        .consts
        .iter()
        .filter(|c| matches!(c, Const::Str(s) if &**s == "x"))
        .count();
    assert_eq!(strs, 1);
    let floats: Vec<&Const> = m
        .consts
        .iter()
        .filter(|c| matches!(c, Const::Float(_)))
        .collect();
    assert_eq!(floats.len(), 2, "1.0 and -0.0 are distinct constants");
    assert_eq!(
        m.consts
            .iter()
            .filter(|c| matches!(c, Const::Int(_)))
            .count(),
        1
    );
    assert!(m.consts.contains(&Const::Bool(true)));
    // Small ints are inline.
    let m = compile("x = 7\ny = -3\n");
    assert!(m.code.contains(&Op::LoadSmallInt(7)) && m.code.contains(&Op::LoadSmallInt(-3)));
}

#[test]
fn lines_follow_statements_and_expressions() {
    let src = "x = 1\nif x:\n    y = f(\n        x,\n    )\n";
    let m = compile(src);
    assert_eq!(m.lines.len(), m.code.len());
    let call = m
        .code
        .iter()
        .position(|op| matches!(op, Op::Call(1)))
        .unwrap();
    assert_eq!(m.lines[call], 3);
    let load_x_arg = call - 1;
    assert_eq!(m.lines[load_x_arg], 4);
    assert_eq!(m.lines[0], 1);
}

#[test]
fn no_jump_lands_on_a_jump_and_no_unreachable_code() {
    let src = "def f(a, b):\n    while a:\n        if b:\n            break\n        else:\n            continue\n    return a if b else (a and b or not a)\n";
    let m = compile(src);
    for code in all_codes(&m) {
        for op in &code.code {
            if let Some(t) = op.jump_target() {
                assert!(
                    !matches!(code.code[t as usize], Op::Jump(_)),
                    "{op:?} in {} lands on a Jump",
                    code.qualname
                );
            }
        }
        assert!(!code.code.contains(&Op::Nop));
    }
}

#[test]
fn method_calls_use_load_method() {
    let m = compile("o.m(1, 2)\no.m(*a)\no.m(k=1)\n");
    assert!(m.code.contains(&Op::CallMethod(2)));
    assert_eq!(
        m.code
            .iter()
            .filter(|op| matches!(op, Op::LoadMethod(_)))
            .count(),
        1
    );
    assert!(m.code.contains(&Op::CallEx(0)));
    assert!(m.code.contains(&Op::CallKw(1)));
}

#[test]
fn conditions_jump_directly() {
    // `if not a < b` compiles to Compare + PopJumpIfTrue: no Not, no bool materialised.
    let m = compile("if not a < b:\n    pass\nwhile True:\n    break\n");
    assert!(!m.code.contains(&Op::Not));
    assert!(m.code.iter().any(|op| matches!(op, Op::PopJumpIfTrue(_))));
    assert!(
        !m.code.iter().any(|op| matches!(op, Op::LoadConst(_))),
        "while True has no test"
    );
}

#[test]
fn verifier_rejects_broken_code() {
    use gilvm_compiler::verify::max_stack;
    assert!(
        max_stack(&[Op::Pop, Op::LoadNone, Op::Return]).is_err(),
        "underflow"
    );
    assert!(
        max_stack(&[
            Op::LoadNone,
            Op::PopJumpIfFalse(3),
            Op::LoadNone,
            Op::Return
        ])
        .is_err(),
        "merge"
    );
    assert!(
        max_stack(&[Op::SetupExcept(3), Op::LoadNone, Op::Return, Op::Reraise]).is_err(),
        "open block at return"
    );
    assert!(
        max_stack(&[Op::PopBlock, Op::LoadNone, Op::Return]).is_err(),
        "no block"
    );
    assert!(max_stack(&[Op::LoadNone]).is_err(), "falls off the end");
    assert_eq!(
        max_stack(&[Op::LoadNone, Op::LoadNone, Op::BuildTuple(2), Op::Return]),
        Ok(2)
    );
    assert_eq!(
        max_stack(&[
            Op::SetupExcept(4),
            Op::PopBlock,
            Op::LoadNone,
            Op::Return,
            Op::Reraise
        ]),
        Ok(1)
    );
}
