//! A compact, indented dump of the AST (one node per line, like an indented `ast.dump`),
//! used by the golden tests and handy when debugging the compiler.

use crate::ast::*;
use std::fmt::Write;

/// Dump a module: one line per node, children indented by two spaces.
pub fn dump_module(m: &Module) -> String {
    let mut d = Dumper {
        out: String::new(),
        indent: 0,
    };
    for s in &m.body {
        d.stmt(s);
    }
    d.out
}

/// Dump one expression.
pub fn dump_expr(e: &Expr) -> String {
    let mut d = Dumper {
        out: String::new(),
        indent: 0,
    };
    d.expr(e);
    d.out
}

struct Dumper {
    out: String,
    indent: usize,
}

impl Dumper {
    fn line(&mut self, text: impl AsRef<str>) {
        for _ in 0..self.indent {
            self.out.push_str("  ");
        }
        self.out.push_str(text.as_ref());
        self.out.push('\n');
    }

    fn nested(&mut self, f: impl FnOnce(&mut Self)) {
        self.indent += 1;
        f(self);
        self.indent -= 1;
    }

    fn field_stmts(&mut self, name: &str, body: &[Stmt]) {
        if body.is_empty() {
            return;
        }
        self.line(format!("{name}:"));
        self.nested(|d| body.iter().for_each(|s| d.stmt(s)));
    }

    fn field_expr(&mut self, name: &str, e: &Expr) {
        self.line(format!("{name}:"));
        self.nested(|d| d.expr(e));
    }

    fn field_opt(&mut self, name: &str, e: &Option<Expr>) {
        if let Some(e) = e {
            self.field_expr(name, e);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => {
                self.line("Expr");
                self.nested(|d| d.expr(e));
            }
            StmtKind::Assign { targets, value } => {
                self.line("Assign");
                self.nested(|d| {
                    targets.iter().for_each(|t| d.field_expr("target", t));
                    d.field_expr("value", value);
                });
            }
            StmtKind::AugAssign { target, op, value } => {
                self.line(format!("AugAssign {}=", op.symbol()));
                self.nested(|d| {
                    d.expr(target);
                    d.expr(value);
                });
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                self.line("AnnAssign");
                self.nested(|d| {
                    d.field_expr("target", target);
                    d.field_expr("annotation", annotation);
                    d.field_opt("value", value);
                });
            }
            StmtKind::If { test, body, orelse } => {
                self.line("If");
                self.nested(|d| {
                    d.field_expr("test", test);
                    d.field_stmts("body", body);
                    d.field_stmts("orelse", orelse);
                });
            }
            StmtKind::While { test, body, orelse } => {
                self.line("While");
                self.nested(|d| {
                    d.field_expr("test", test);
                    d.field_stmts("body", body);
                    d.field_stmts("orelse", orelse);
                });
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                self.line(if *is_async { "AsyncFor" } else { "For" });
                self.nested(|d| {
                    d.field_expr("target", target);
                    d.field_expr("iter", iter);
                    d.field_stmts("body", body);
                    d.field_stmts("orelse", orelse);
                });
            }
            StmtKind::Break => self.line("Break"),
            StmtKind::Continue => self.line("Continue"),
            StmtKind::Pass => self.line("Pass"),
            StmtKind::Return(v) => {
                self.line("Return");
                self.nested(|d| {
                    if let Some(v) = v {
                        d.expr(v)
                    }
                });
            }
            StmtKind::FunctionDef(f) => {
                let kw = if f.is_async {
                    "AsyncFunctionDef"
                } else {
                    "FunctionDef"
                };
                self.line(format!("{kw} {}", f.name));
                self.nested(|d| {
                    f.decorators
                        .iter()
                        .for_each(|e| d.field_expr("decorator", e));
                    d.params(&f.params);
                    d.field_opt("returns", &f.returns);
                    d.field_stmts("body", &f.body);
                });
            }
            StmtKind::ClassDef(c) => {
                self.line(format!("ClassDef {}", c.name));
                self.nested(|d| {
                    c.decorators
                        .iter()
                        .for_each(|e| d.field_expr("decorator", e));
                    c.bases.iter().for_each(|e| d.field_expr("base", e));
                    c.keywords.iter().for_each(|k| d.keyword(k));
                    d.field_stmts("body", &c.body);
                });
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => {
                self.line(if *is_star { "TryStar" } else { "Try" });
                self.nested(|d| {
                    d.field_stmts("body", body);
                    for h in handlers {
                        let name = h
                            .name
                            .as_deref()
                            .map(|n| format!(" as {n}"))
                            .unwrap_or_default();
                        d.line(format!("ExceptHandler{name}"));
                        d.nested(|d| {
                            d.field_opt("type", &h.typ);
                            d.field_stmts("body", &h.body);
                        });
                    }
                    d.field_stmts("orelse", orelse);
                    d.field_stmts("finalbody", finalbody);
                });
            }
            StmtKind::Raise { exc, cause } => {
                self.line("Raise");
                self.nested(|d| {
                    d.field_opt("exc", exc);
                    d.field_opt("cause", cause);
                });
            }
            StmtKind::Assert { test, msg } => {
                self.line("Assert");
                self.nested(|d| {
                    d.field_expr("test", test);
                    d.field_opt("msg", msg);
                });
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                self.line(if *is_async { "AsyncWith" } else { "With" });
                self.nested(|d| {
                    for item in items {
                        d.line("item");
                        d.nested(|d| {
                            d.expr(&item.context_expr);
                            d.field_opt("as", &item.optional_vars);
                        });
                    }
                    d.field_stmts("body", body);
                });
            }
            StmtKind::Import(names) => self.line(format!("Import {}", aliases(names))),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                let dots = ".".repeat(*level as usize);
                self.line(format!("ImportFrom {dots}{module} {}", aliases(names)));
            }
            StmtKind::Global(names) => self.line(format!("Global {}", names.join(", "))),
            StmtKind::Nonlocal(names) => self.line(format!("Nonlocal {}", names.join(", "))),
            StmtKind::Delete(targets) => {
                self.line("Delete");
                self.nested(|d| targets.iter().for_each(|t| d.expr(t)));
            }
            StmtKind::Match { subject, cases } => {
                self.line("Match");
                self.nested(|d| {
                    d.field_expr("subject", subject);
                    for case in cases {
                        d.line("case");
                        d.nested(|d| {
                            d.pattern(&case.pattern);
                            d.field_opt("guard", &case.guard);
                            d.field_stmts("body", &case.body);
                        });
                    }
                });
            }
        }
    }

    fn pattern(&mut self, p: &Pattern) {
        let name = |n: &Option<String>| n.clone().unwrap_or_else(|| "_".into());
        match &p.kind {
            PatternKind::MatchValue(e) => {
                self.line("MatchValue");
                self.nested(|d| d.expr(e));
            }
            PatternKind::MatchSingleton(c) => self.line(format!("MatchSingleton {c:?}")),
            PatternKind::MatchSequence(items) => {
                self.line("MatchSequence");
                self.nested(|d| items.iter().for_each(|i| d.pattern(i)));
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.line("MatchMapping");
                self.nested(|d| {
                    for (k, v) in keys.iter().zip(patterns) {
                        d.field_expr("key", k);
                        d.line("value:");
                        d.nested(|d| d.pattern(v));
                    }
                    if let Some(r) = rest {
                        d.line(format!("rest {r}"));
                    }
                });
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                self.line("MatchClass");
                self.nested(|d| {
                    d.field_expr("cls", cls);
                    patterns.iter().for_each(|i| d.pattern(i));
                    for (a, v) in kwd_attrs.iter().zip(kwd_patterns) {
                        d.line(format!("{a}="));
                        d.nested(|d| d.pattern(v));
                    }
                });
            }
            PatternKind::MatchStar(n) => self.line(format!("MatchStar {}", name(n))),
            PatternKind::MatchAs { pattern, name: n } => {
                self.line(format!("MatchAs {}", name(n)));
                if let Some(p) = pattern {
                    self.nested(|d| d.pattern(p));
                }
            }
            PatternKind::MatchOr(alts) => {
                self.line("MatchOr");
                self.nested(|d| alts.iter().for_each(|i| d.pattern(i)));
            }
        }
    }

    fn params(&mut self, p: &Params) {
        let put = |d: &mut Self, kind: &str, p: &Param| {
            d.line(format!("{kind} {}", p.name));
            d.nested(|d| {
                d.field_opt("annotation", &p.annotation);
                d.field_opt("default", &p.default);
            });
        };
        p.posonly.iter().for_each(|a| put(self, "posonly", a));
        p.args.iter().for_each(|a| put(self, "arg", a));
        if let Some(a) = &p.vararg {
            put(self, "vararg", a);
        }
        p.kwonly.iter().for_each(|a| put(self, "kwonly", a));
        if let Some(a) = &p.kwarg {
            put(self, "kwarg", a);
        }
    }

    fn keyword(&mut self, k: &Keyword) {
        match &k.arg {
            Some(name) => self.line(format!("keyword {name}")),
            None => self.line("keyword **"),
        }
        self.nested(|d| d.expr(&k.value));
    }

    fn comprehensions(&mut self, gens: &[Comprehension]) {
        for g in gens {
            self.line(if g.is_async { "async for" } else { "for" });
            self.nested(|d| {
                d.expr(&g.target);
                d.field_expr("in", &g.iter);
                g.ifs.iter().for_each(|e| d.field_expr("if", e));
            });
        }
    }

    fn fstring_parts(&mut self, parts: &[FStringPart]) {
        for part in parts {
            match part {
                FStringPart::Literal(s) => self.line(format!("Literal {s:?}")),
                FStringPart::Formatted {
                    value,
                    conversion,
                    format_spec,
                    debug_text,
                } => {
                    let mut head = String::from("Formatted");
                    if let Some(c) = conversion {
                        let _ = write!(head, " !{c}");
                    }
                    if let Some(t) = debug_text {
                        let _ = write!(head, " debug={t:?}");
                    }
                    self.line(head);
                    self.nested(|d| {
                        d.expr(value);
                        if let Some(spec) = format_spec {
                            d.line("spec:");
                            d.nested(|d| d.fstring_parts(spec));
                        }
                    });
                }
            }
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name(n) => self.line(format!("Name {n}")),
            ExprKind::Constant(c) => self.line(format!("Constant {}", constant(c))),
            ExprKind::JoinedStr(parts) => {
                self.line("JoinedStr");
                self.nested(|d| d.fstring_parts(parts));
            }
            ExprKind::BinOp { left, op, right } => {
                self.line(format!("BinOp {}", op.symbol()));
                self.nested(|d| {
                    d.expr(left);
                    d.expr(right);
                });
            }
            ExprKind::UnaryOp { op, operand } => {
                self.line(format!("UnaryOp {op:?}"));
                self.nested(|d| d.expr(operand));
            }
            ExprKind::BoolOp { op, values } => {
                self.line(format!("BoolOp {op:?}"));
                self.nested(|d| values.iter().for_each(|v| d.expr(v)));
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                let ops: Vec<&str> = ops.iter().map(|o| o.symbol()).collect();
                self.line(format!("Compare {}", ops.join(" ")));
                self.nested(|d| {
                    d.expr(left);
                    comparators.iter().for_each(|c| d.expr(c));
                });
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.line("Call");
                self.nested(|d| {
                    d.expr(func);
                    args.iter().for_each(|a| d.field_expr("arg", a));
                    keywords.iter().for_each(|k| d.keyword(k));
                });
            }
            ExprKind::Attribute { value, attr } => {
                self.line(format!("Attribute .{attr}"));
                self.nested(|d| d.expr(value));
            }
            ExprKind::Subscript { value, index } => {
                self.line("Subscript");
                self.nested(|d| {
                    d.expr(value);
                    d.field_expr("index", index);
                });
            }
            ExprKind::Slice { lower, upper, step } => {
                self.line("Slice");
                self.nested(|d| {
                    for (name, part) in [("lower", lower), ("upper", upper), ("step", step)] {
                        if let Some(p) = part {
                            d.field_expr(name, p);
                        }
                    }
                });
            }
            ExprKind::List(elts) => self.seq("List", elts),
            ExprKind::Tuple(elts) => self.seq("Tuple", elts),
            ExprKind::Set(elts) => self.seq("Set", elts),
            ExprKind::Dict { keys, values } => {
                self.line("Dict");
                self.nested(|d| {
                    for (k, v) in keys.iter().zip(values) {
                        match k {
                            Some(k) => d.field_expr("key", k),
                            None => d.line("key: **"),
                        }
                        d.field_expr("value", v);
                    }
                });
            }
            ExprKind::ListComp { elt, generators } => self.comp("ListComp", elt, generators),
            ExprKind::SetComp { elt, generators } => self.comp("SetComp", elt, generators),
            ExprKind::GeneratorExp { elt, generators } => {
                self.comp("GeneratorExp", elt, generators)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.line("DictComp");
                self.nested(|d| {
                    d.field_expr("key", key);
                    d.field_expr("value", value);
                    d.comprehensions(generators);
                });
            }
            ExprKind::Lambda { params, body } => {
                self.line("Lambda");
                self.nested(|d| {
                    d.params(params);
                    d.field_expr("body", body);
                });
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.line("IfExp");
                self.nested(|d| {
                    d.field_expr("test", test);
                    d.field_expr("body", body);
                    d.field_expr("orelse", orelse);
                });
            }
            ExprKind::Starred(v) => {
                self.line("Starred");
                self.nested(|d| d.expr(v));
            }
            ExprKind::NamedExpr { target, value } => {
                self.line("NamedExpr");
                self.nested(|d| {
                    d.expr(target);
                    d.expr(value);
                });
            }
            ExprKind::Yield(v) => {
                self.line("Yield");
                self.nested(|d| {
                    if let Some(v) = v {
                        d.expr(v)
                    }
                });
            }
            ExprKind::YieldFrom(v) => {
                self.line("YieldFrom");
                self.nested(|d| d.expr(v));
            }
            ExprKind::Await(v) => {
                self.line("Await");
                self.nested(|d| d.expr(v));
            }
        }
    }

    fn seq(&mut self, name: &str, elts: &[Expr]) {
        self.line(name);
        self.nested(|d| elts.iter().for_each(|e| d.expr(e)));
    }

    fn comp(&mut self, name: &str, elt: &Expr, gens: &[Comprehension]) {
        self.line(name);
        self.nested(|d| {
            d.expr(elt);
            d.comprehensions(gens);
        });
    }
}

fn constant(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(t) => t.clone(),
        Constant::Float(f) => format!("{f:?}"),
        Constant::Imag(f) => format!("{f:?}j"),
        Constant::Str(s) => format!("{s:?}"),
        Constant::Bytes(b) => format!("b\"{}\"", b.escape_ascii()),
        Constant::Ellipsis => "...".into(),
    }
}

fn aliases(names: &[Alias]) -> String {
    let parts: Vec<String> = names
        .iter()
        .map(|a| match &a.asname {
            Some(asname) => format!("{} as {asname}", a.name),
            None => a.name.clone(),
        })
        .collect();
    parts.join(", ")
}
