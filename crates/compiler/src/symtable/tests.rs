use super::*;

fn table(src: &str) -> SymbolTable {
    let module = gilvm_syntax::parse(src).expect("parse");
    build(&module).expect("symtable")
}

/// The first child scope with this name, searched depth-first.
fn find<'t>(t: &'t SymbolTable, name: &str) -> &'t SymbolTable {
    fn go<'t>(t: &'t SymbolTable, name: &str) -> Option<&'t SymbolTable> {
        for c in &t.children {
            if c.name == name {
                return Some(c);
            }
            if let Some(found) = go(c, name) {
                return Some(found);
            }
        }
        None
    }
    go(t, name).unwrap_or_else(|| panic!("no scope {name}"))
}

#[test]
fn module_names_are_local_or_global() {
    let t = table("x = 1\nprint(x)\n");
    assert_eq!(t.kind, ScopeKind::Module);
    assert_eq!(t.scope_of("x"), Scope::Local);
    assert_eq!(t.scope_of("print"), Scope::GlobalImplicit);
}

#[test]
fn function_locals_params_and_globals() {
    let t = table("g = 1\ndef f(a, b=1, *args, c, **kw):\n    d = a\n    return g + len(d)\n");
    let f = find(&t, "f");
    for n in ["a", "b", "c", "d", "args", "kw"] {
        assert_eq!(f.scope_of(n), Scope::Local, "{n}");
    }
    assert_eq!(f.scope_of("g"), Scope::GlobalImplicit);
    assert_eq!(f.scope_of("len"), Scope::GlobalImplicit);
    assert_eq!(f.varnames, ["a", "b", "c", "args", "kw", "d"]);
    assert!(f.cellvars.is_empty() && f.freevars.is_empty());
}

#[test]
fn explicit_global() {
    let t = table("def f():\n    global n\n    n = 1\n    def g():\n        return n\n");
    let f = find(&t, "f");
    assert_eq!(f.scope_of("n"), Scope::GlobalExplicit);
    // A nested function sees the global, not a cell.
    assert_eq!(find(&t, "g").scope_of("n"), Scope::GlobalImplicit);
    assert!(f.cellvars.is_empty());
}

#[test]
fn closures_cells_and_free() {
    let t = table(
        "def outer(p):\n    x = 1\n    def middle():\n        def inner():\n            return x + p\n        return inner\n    return middle\n",
    );
    let outer = find(&t, "outer");
    assert_eq!(outer.scope_of("x"), Scope::Cell);
    assert_eq!(outer.scope_of("p"), Scope::Cell);
    assert_eq!(outer.varnames, ["p", "middle"]);
    let mut cells = outer.cellvars.clone();
    cells.sort();
    assert_eq!(cells, ["p", "x"]);
    // middle does not use x or p but passes them through.
    let middle = find(&t, "middle");
    assert_eq!(middle.scope_of("x"), Scope::Free);
    assert_eq!(middle.scope_of("p"), Scope::Free);
    assert_eq!(middle.freevars.len(), 2);
    let inner = find(&t, "inner");
    assert_eq!(inner.scope_of("x"), Scope::Free);
}

#[test]
fn nonlocal_makes_cell_and_free() {
    let t = table(
        "def f():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n    return inc\n",
    );
    assert_eq!(find(&t, "f").scope_of("n"), Scope::Cell);
    assert_eq!(find(&t, "inc").scope_of("n"), Scope::Free);
    assert_eq!(find(&t, "inc").freevars, ["n"]);
}

#[test]
fn assignment_makes_local_even_after_use() {
    // `x` is local to g because g assigns it (UnboundLocalError at run time, as in CPython).
    let t = table("x = 1\ndef g():\n    print(x)\n    x = 2\n");
    assert_eq!(find(&t, "g").scope_of("x"), Scope::Local);
}

#[test]
fn class_scope_does_not_enclose_methods() {
    let t = table("class A:\n    y = 1\n    def m(self):\n        return y\n");
    let a = find(&t, "A");
    assert_eq!(a.kind, ScopeKind::Class);
    assert_eq!(a.scope_of("y"), Scope::Local);
    assert_eq!(find(&t, "m").scope_of("y"), Scope::GlobalImplicit);
    assert!(!a.needs_class_closure);
}

#[test]
fn class_in_function_passes_cells_through() {
    let t = table(
        "def f():\n    x = 1\n    class A:\n        x = 2\n        def m(self):\n            return x\n        z = x\n    return A\n",
    );
    assert_eq!(find(&t, "f").scope_of("x"), Scope::Cell);
    let a = find(&t, "A");
    // The class's own `x` is a namespace name, but it also passes f's cell to m.
    assert_eq!(a.scope_of("x"), Scope::Local);
    assert!(a.lookup("x").unwrap().flags & DEF_FREE_CLASS != 0);
    assert_eq!(a.freevars, ["x"]);
    assert_eq!(find(&t, "m").scope_of("x"), Scope::Free);
}

#[test]
fn super_gives_class_cell() {
    let t = table("class A(B):\n    def m(self):\n        return super().m()\n    def n(self):\n        return 1\n");
    let a = find(&t, "A");
    assert!(a.needs_class_closure);
    assert_eq!(a.cellvars, ["__class__"]);
    assert_eq!(find(&t, "m").scope_of("__class__"), Scope::Free);
    assert_eq!(find(&t, "m").freevars, ["__class__"]);
    assert!(find(&t, "n").freevars.is_empty());
}

#[test]
fn comprehensions_are_scopes() {
    let t = table("def f(xs, k):\n    return [x * k for x in xs if x]\n");
    let f = find(&t, "f");
    let comp = find(&t, "<listcomp>");
    assert_eq!(comp.kind, ScopeKind::Comprehension);
    assert_eq!(comp.params, [".0"]);
    assert_eq!(comp.scope_of("x"), Scope::Local);
    assert_eq!(comp.scope_of("k"), Scope::Free);
    // The outermost iterable is evaluated in f: xs stays a plain local there.
    assert_eq!(f.scope_of("xs"), Scope::Local);
    assert_eq!(f.scope_of("k"), Scope::Cell);
    assert_eq!(f.scope_of("x"), Scope::GlobalImplicit);
}

#[test]
fn comprehension_in_class_cannot_see_class_names() {
    let t = table(
        "class A:\n    n = 3\n    xs = [n for _ in range(2)]\n    ys = [i for i in range(n)]\n",
    );
    let comps: Vec<&SymbolTable> = find(&t, "A").children.iter().collect();
    assert_eq!(comps[0].scope_of("n"), Scope::GlobalImplicit);
    // range(n) is the outermost iterable, evaluated in the class body.
    assert_eq!(find(&t, "A").scope_of("n"), Scope::Local);
}

#[test]
fn walrus_in_comprehension_binds_enclosing_function() {
    let t = table("def f(v):\n    [(y := a) for a in v]\n    return y\n");
    assert_eq!(find(&t, "f").scope_of("y"), Scope::Cell);
    assert_eq!(find(&t, "<listcomp>").scope_of("y"), Scope::Free);
    let m = table("[(y := a) for a in v]\n");
    assert_eq!(m.scope_of("y"), Scope::GlobalExplicit);
    assert_eq!(find(&m, "<listcomp>").scope_of("y"), Scope::GlobalExplicit);
}

#[test]
fn lambda_scope_and_defaults() {
    let t = table("def f(a):\n    g = lambda b=a: a + b\n    return g\n");
    let lam = find(&t, "<lambda>");
    assert_eq!(lam.kind, ScopeKind::Lambda);
    assert_eq!(lam.scope_of("b"), Scope::Local);
    assert_eq!(lam.scope_of("a"), Scope::Free);
    assert_eq!(find(&t, "f").scope_of("a"), Scope::Cell);
}

#[test]
fn except_name_import_and_del_bind() {
    let t = table(
        "def f():\n    import os.path\n    from m import a as b\n    try:\n        pass\n    except E as e:\n        pass\n    del z\n",
    );
    let f = find(&t, "f");
    for n in ["os", "b", "e", "z"] {
        assert_eq!(f.scope_of(n), Scope::Local, "{n}");
    }
    assert_eq!(f.scope_of("E"), Scope::GlobalImplicit);
}

#[test]
fn cell_params_stay_in_varnames() {
    let t = table("def f(a, b):\n    return lambda: a\n");
    let f = find(&t, "f");
    assert_eq!(f.varnames, ["a", "b"]);
    assert_eq!(f.cellvars, ["a"]);
}
