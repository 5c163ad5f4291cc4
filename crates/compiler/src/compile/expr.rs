//! Expressions: literals, operators, conditions, calls, displays and f-strings.

use std::sync::Arc;

use gilvm_syntax::ast::*;

use super::{constant, constant_truth, Compiler, Label, NameCtx, R};
use crate::code::Const;
use crate::op::*;
use crate::symtable::ScopeKind;
use crate::CompileError;

/// The constant value of an expression made only of literals (tuples of literals included).
pub(crate) fn const_value(e: &Expr) -> Option<Const> {
    match &e.kind {
        ExprKind::Constant(c) => Some(constant(c)),
        ExprKind::Tuple(items) => {
            let consts: Option<Vec<Const>> = items.iter().map(const_value).collect();
            consts.map(|v| Const::Tuple(v.into()))
        }
        ExprKind::UnaryOp {
            op: UnaryOp::USub,
            operand,
        } => match &operand.kind {
            ExprKind::Constant(Constant::Int(i)) => i.checked_neg().map(Const::Int),
            ExprKind::Constant(Constant::BigInt(t)) if !t.starts_with('-') => {
                Some(Const::BigInt(format!("-{t}").into()))
            }
            ExprKind::Constant(Constant::Float(f)) => Some(Const::Float(-f)),
            _ => None,
        },
        _ => None,
    }
}

fn is_starred(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Starred(_))
}

impl<'a> Compiler<'a> {
    pub(crate) fn expr(&mut self, e: &'a Expr) -> R {
        if self.depth >= crate::symtable::MAX_EXPR_NESTING {
            return Err(CompileError::new("expression too deeply nested", e.span));
        }
        self.depth += 1;
        let saved = self.set_span(e.span);
        let r = self.expr_inner(e);
        self.set_span(saved);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> R {
        match &e.kind {
            ExprKind::Name(n) => self.name_op(n, NameCtx::Load),
            ExprKind::Constant(c) => {
                self.load_const(constant(c));
                Ok(())
            }
            ExprKind::JoinedStr(parts) => self.fstring(parts),
            ExprKind::BinOp { .. } => {
                // Long `a + b + c + ...` chains nest to the left: walk them without recursion.
                let (first, rest) = crate::symtable::left_spine(e);
                self.expr(first)?;
                for node in rest.iter().rev() {
                    if let ExprKind::BinOp { op, right, .. } = &node.kind {
                        self.expr(right)?;
                        self.set_span(node.span);
                        self.emit(Op::Binary(*op));
                    }
                }
                Ok(())
            }
            ExprKind::UnaryOp { op, operand } => {
                if let Some(c) = const_value(e) {
                    self.load_const(c);
                    return Ok(());
                }
                self.expr(operand)?;
                self.emit(match op {
                    UnaryOp::Invert => Op::Invert,
                    UnaryOp::Not => Op::Not,
                    UnaryOp::UAdd => Op::Pos,
                    UnaryOp::USub => Op::Neg,
                });
                Ok(())
            }
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                let jump = if *op == BoolOp::And {
                    Op::JumpIfFalseOrPop
                } else {
                    Op::JumpIfTrueOrPop
                };
                let Some((last, rest)) = values.split_last() else {
                    return Ok(());
                };
                for v in rest {
                    self.expr(v)?;
                    self.emit_jump(jump, end);
                }
                self.expr(last)?;
                self.bind(end);
                Ok(())
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(left, ops, comparators),
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.name_index(attr);
                self.emit(Op::LoadAttr(i));
                Ok(())
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Op::Subscript);
                Ok(())
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.emit(Op::LoadNone),
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Op::BuildSlice(3));
                    }
                    None => self.emit(Op::BuildSlice(2)),
                }
                Ok(())
            }
            ExprKind::List(items) => {
                if items.iter().any(is_starred) {
                    self.list_with_stars(items)
                } else {
                    self.exprs(items)?;
                    self.emit(Op::BuildList(items.len() as u32));
                    Ok(())
                }
            }
            ExprKind::Tuple(items) => {
                if let Some(c) = const_value(e) {
                    self.load_const(c);
                } else if items.iter().any(is_starred) {
                    self.list_with_stars(items)?;
                    self.emit(Op::ListToTuple);
                } else {
                    self.exprs(items)?;
                    self.emit(Op::BuildTuple(items.len() as u32));
                }
                Ok(())
            }
            ExprKind::Set(items) => self.set_display(items),
            ExprKind::Dict { keys, values } => self.dict_display(keys, values),
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "<listcomp>", generators, elt, None)
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "<setcomp>", generators, elt, None)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, "<dictcomp>", generators, key, Some(value)),
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "<genexpr>", generators, elt, None)
            }
            ExprKind::Lambda { params, body } => self.lambda(e, params, body),
            ExprKind::IfExp { test, body, orelse } => {
                let else_l = self.new_label();
                let end = self.new_label();
                self.jump_if(test, false, else_l)?;
                self.expr(body)?;
                self.emit_jump(Op::Jump, end);
                self.bind(else_l);
                self.expr(orelse)?;
                self.bind(end);
                Ok(())
            }
            ExprKind::Starred(_) => Err(CompileError::new(
                "can't use starred expression here",
                e.span,
            )),
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Op::Dup);
                self.store_target(target)
            }
            ExprKind::Yield(_) | ExprKind::YieldFrom(_) => {
                if !self.scope_kind().is_function() {
                    return Err(CompileError::new("'yield' outside function", e.span));
                }
                if self.is_coroutine() && matches!(e.kind, ExprKind::YieldFrom(_)) {
                    return Err(CompileError::new(
                        "'yield from' inside async function",
                        e.span,
                    ));
                }
                self.mark_generator();
                match &e.kind {
                    ExprKind::Yield(v) => {
                        match v {
                            Some(v) => self.expr(v)?,
                            None => self.emit(Op::LoadNone),
                        }
                        self.set_span(e.span);
                        self.emit(Op::YieldValue);
                    }
                    ExprKind::YieldFrom(v) => {
                        self.expr(v)?;
                        self.set_span(e.span);
                        self.emit(Op::GetIter);
                        self.emit(Op::LoadNone);
                        self.emit(Op::YieldFrom);
                    }
                    _ => {}
                }
                Ok(())
            }
            ExprKind::Await(v) => {
                if !self.scope_kind().is_function() {
                    return Err(CompileError::new("'await' outside function", e.span));
                }
                if !self.in_async_context() {
                    return Err(CompileError::new("'await' outside async function", e.span));
                }
                self.mark_coroutine();
                self.expr(v)?;
                self.set_span(e.span);
                self.emit_await();
                Ok(())
            }
        }
    }

    pub(crate) fn exprs(&mut self, es: &'a [Expr]) -> R {
        es.iter().try_for_each(|e| self.expr(e))
    }

    /// Evaluate `e` for a branch: jump to `target` when its truth equals `cond`, fall through
    /// otherwise. `not`, `and`/`or`, comparisons and literals get compact forms.
    pub(crate) fn jump_if(&mut self, e: &'a Expr, cond: bool, target: Label) -> R {
        let saved = self.set_span(e.span);
        let r = self.jump_if_inner(e, cond, target);
        self.set_span(saved);
        r
    }

    fn jump_if_inner(&mut self, e: &'a Expr, cond: bool, target: Label) -> R {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => self.jump_if(operand, !cond, target),
            ExprKind::BoolOp { op, values } => {
                let is_and = *op == BoolOp::And;
                let Some((last, rest)) = values.split_last() else {
                    return Ok(());
                };
                if cond != is_and {
                    // `a and b` jumping when false, `a or b` jumping when true: any operand decides.
                    for v in values {
                        self.jump_if(v, cond, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    for v in rest {
                        self.jump_if(v, !cond, skip)?;
                    }
                    self.jump_if(last, cond, target)?;
                    self.bind(skip);
                }
                Ok(())
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() > 1 && comparators.len() > 1 => {
                let cleanup = self.new_label();
                let end = self.new_label();
                self.expr(left)?;
                let n = ops.len().min(comparators.len());
                for i in 0..n - 1 {
                    self.expr(&comparators[i])?;
                    self.set_span(e.span);
                    self.emit(Op::Dup);
                    self.emit(Op::Rot3);
                    self.emit(Op::Compare(ops[i]));
                    self.emit_jump(Op::PopJumpIfFalse, cleanup);
                }
                self.expr(&comparators[n - 1])?;
                self.set_span(e.span);
                self.emit(Op::Compare(ops[n - 1]));
                self.emit_jump(
                    if cond {
                        Op::PopJumpIfTrue
                    } else {
                        Op::PopJumpIfFalse
                    },
                    target,
                );
                self.emit_jump(Op::Jump, end);
                self.bind(cleanup);
                self.emit(Op::Pop);
                if !cond {
                    self.emit_jump(Op::Jump, target);
                }
                self.bind(end);
                Ok(())
            }
            ExprKind::Constant(c) => {
                if constant_truth(c) == cond {
                    self.emit_jump(Op::Jump, target);
                }
                Ok(())
            }
            _ => {
                self.expr(e)?;
                self.emit_jump(
                    if cond {
                        Op::PopJumpIfTrue
                    } else {
                        Op::PopJumpIfFalse
                    },
                    target,
                );
                Ok(())
            }
        }
    }

    /// `a < b < c`: the middle operands are evaluated once (Dup/Rot3), as CPython does.
    fn compare(&mut self, left: &'a Expr, ops: &[CmpOp], comparators: &'a [Expr]) -> R {
        let span = self.unit().span;
        self.expr(left)?;
        let n = ops.len().min(comparators.len());
        if n == 0 {
            return Ok(());
        }
        if n == 1 {
            self.expr(&comparators[0])?;
            self.emit(Op::Compare(ops[0]));
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for i in 0..n - 1 {
            self.expr(&comparators[i])?;
            self.set_span(span);
            self.emit(Op::Dup);
            self.emit(Op::Rot3);
            self.emit(Op::Compare(ops[i]));
            self.emit_jump(Op::JumpIfFalseOrPop, cleanup);
        }
        self.expr(&comparators[n - 1])?;
        self.set_span(span);
        self.emit(Op::Compare(ops[n - 1]));
        self.emit_jump(Op::Jump, end);
        self.bind(cleanup);
        self.emit(Op::Rot2);
        self.emit(Op::Pop);
        self.bind(end);
        Ok(())
    }

    fn call(&mut self, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> R {
        let span = self.unit().span;
        let mut seen: Vec<&str> = Vec::new();
        for k in keywords {
            if let Some(name) = &k.arg {
                if seen.contains(&name.as_str()) {
                    return Err(CompileError::new(
                        format!("keyword argument repeated: {name}"),
                        k.span,
                    ));
                }
                seen.push(name);
            }
        }
        let has_star = args.iter().any(is_starred);
        let has_dstar = keywords.iter().any(|k| k.arg.is_none());
        if !has_star && keywords.is_empty() {
            if let ExprKind::Attribute { value, attr } = &func.kind {
                // obj.m(a, b): no bound method object is allocated.
                self.expr(value)?;
                self.set_span(func.span);
                let i = self.name_index(attr);
                self.emit(Op::LoadMethod(i));
                self.exprs(args)?;
                self.set_span(span);
                self.emit(Op::CallMethod(args.len() as u32));
                return Ok(());
            }
        }
        self.expr(func)?;
        if has_star || has_dstar {
            if has_star {
                self.list_with_stars(args)?;
                self.emit(Op::ListToTuple);
            } else {
                self.exprs(args)?;
                self.emit(Op::BuildTuple(args.len() as u32));
            }
            if !keywords.is_empty() {
                self.kwargs_dict(keywords)?;
            }
            self.set_span(span);
            self.emit(Op::CallEx(u32::from(!keywords.is_empty())));
        } else if !keywords.is_empty() {
            self.exprs(args)?;
            let mut names = Vec::with_capacity(keywords.len());
            for k in keywords {
                self.expr(&k.value)?;
                names.push(Const::Str(k.arg.as_deref().unwrap_or("").into()));
            }
            self.set_span(span);
            let names = self.add_const(Const::Tuple(names.into()));
            self.emit(Op::LoadConst(names));
            self.emit(Op::CallKw((args.len() + keywords.len()) as u32));
        } else {
            self.exprs(args)?;
            self.set_span(span);
            self.emit(Op::Call(args.len() as u32));
        }
        Ok(())
    }

    /// The keyword arguments of a CallEx as one dict (`**m` merged with duplicate checks).
    fn kwargs_dict(&mut self, keywords: &'a [Keyword]) -> R {
        let mut have_dict = false;
        let mut pending = 0u32;
        for k in keywords {
            match &k.arg {
                Some(name) => {
                    self.load_str(name);
                    self.expr(&k.value)?;
                    pending += 1;
                }
                None => {
                    if pending > 0 || !have_dict {
                        self.emit(Op::BuildMap(pending));
                        if have_dict {
                            self.emit(Op::DictMerge(1));
                        }
                        have_dict = true;
                        pending = 0;
                    }
                    self.expr(&k.value)?;
                    self.emit(Op::DictMerge(1));
                }
            }
        }
        if pending > 0 {
            self.emit(Op::BuildMap(pending));
            if have_dict {
                self.emit(Op::DictMerge(1));
            }
        }
        Ok(())
    }

    /// [*a, b, *c] as a list: BuildList of the leading items, then ListExtend / ListAppend.
    pub(crate) fn list_with_stars(&mut self, items: &'a [Expr]) -> R {
        let mut built = false;
        let mut pending = 0u32;
        for item in items {
            if let ExprKind::Starred(inner) = &item.kind {
                if !built {
                    self.emit(Op::BuildList(pending));
                    built = true;
                }
                self.expr(inner)?;
                self.emit(Op::ListExtend(1));
            } else {
                self.expr(item)?;
                if built {
                    self.emit(Op::ListAppend(1));
                } else {
                    pending += 1;
                }
            }
        }
        if !built {
            self.emit(Op::BuildList(pending));
        }
        Ok(())
    }

    fn set_display(&mut self, items: &'a [Expr]) -> R {
        if items.len() > 2 && items.iter().all(is_folded_const) {
            // CPython folds such a display into a frozenset constant (see BuildSetConst).
            for item in items {
                self.expr(item)?;
            }
            self.emit(Op::BuildSetConst(items.len() as u32));
            return Ok(());
        }
        let mut built = false;
        let mut pending = 0u32;
        for item in items {
            if let ExprKind::Starred(inner) = &item.kind {
                if !built {
                    self.emit(Op::BuildSet(pending));
                    built = true;
                }
                self.expr(inner)?;
                self.emit(Op::SetUpdate(1));
            } else {
                self.expr(item)?;
                if built {
                    self.emit(Op::SetAdd(1));
                } else {
                    pending += 1;
                }
            }
        }
        if !built {
            self.emit(Op::BuildSet(pending));
        }
        Ok(())
    }

    fn dict_display(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> R {
        let mut have_dict = false;
        let mut pending = 0u32;
        for (k, v) in keys.iter().zip(values) {
            match k {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    pending += 1;
                }
                None => {
                    if pending > 0 || !have_dict {
                        self.emit(Op::BuildMap(pending));
                        if have_dict {
                            self.emit(Op::DictUpdate(1));
                        }
                        have_dict = true;
                        pending = 0;
                    }
                    self.expr(v)?;
                    self.emit(Op::DictUpdate(1));
                }
            }
        }
        if pending > 0 || !have_dict {
            self.emit(Op::BuildMap(pending));
            if have_dict {
                self.emit(Op::DictUpdate(1));
            }
        }
        Ok(())
    }

    /// f-strings: literal pieces as str constants, each replacement field as FormatValue, then
    /// BuildString when there is more than one piece.
    pub(crate) fn fstring(&mut self, parts: &'a [FStringPart]) -> R {
        let mut count = 0u32;
        let mut text = String::new();
        for part in parts {
            match part {
                FStringPart::Literal(s) => text.push_str(s),
                FStringPart::Formatted {
                    value,
                    conversion,
                    format_spec,
                    debug_text,
                } => {
                    if let Some(d) = debug_text {
                        text.push_str(d);
                    }
                    if !text.is_empty() {
                        self.load_str(&std::mem::take(&mut text));
                        count += 1;
                    }
                    self.expr(value)?;
                    let mut flags = match conversion {
                        None if debug_text.is_some() && format_spec.is_none() => FORMAT_CONV_REPR,
                        None => FORMAT_CONV_NONE,
                        Some('s') => FORMAT_CONV_STR,
                        Some('r') => FORMAT_CONV_REPR,
                        Some('a') => FORMAT_CONV_ASCII,
                        Some(c) => {
                            return Err(CompileError::new(
                                format!("f-string: invalid conversion character '{c}': expected 's', 'r', or 'a'"),
                                value.span,
                            ))
                        }
                    };
                    if let Some(spec) = format_spec {
                        self.fstring(spec)?;
                        flags |= FORMAT_HAS_SPEC;
                    }
                    self.emit(Op::FormatValue(flags));
                    count += 1;
                }
            }
        }
        if !text.is_empty() || count == 0 {
            self.load_str(&text);
            count += 1;
        }
        if count > 1 {
            self.emit(Op::BuildString(count));
        }
        Ok(())
    }

    /// `[elt for ...]`, `{elt for ...}`, `{key: value for ...}`: a nested function taking the
    /// outermost iterator as `.0`, called at once.
    fn comprehension(
        &mut self,
        e: &'a Expr,
        name: &str,
        generators: &'a [Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> R {
        let Some(first) = generators.first() else {
            return Err(CompileError::new(
                "comprehension without a 'for' clause",
                e.span,
            ));
        };
        let st = self.child_scope(crate::symtable::node_id(e), e.span)?;
        let qualname = self.child_qualname(name);
        self.enter_unit(st, name, qualname, e.span);
        self.set_arg_counts(1, 0, 0, false, false);
        let genexpr = name == "<genexpr>";
        if generators.iter().any(|g| g.is_async) {
            if !genexpr && !self.in_async_context() {
                return Err(CompileError::new(
                    "asynchronous comprehension outside of an asynchronous function",
                    e.span,
                ));
            }
            self.mark_coroutine();
        }
        let depth = generators.len() as u32 + if genexpr { 0 } else { 1 };
        match name {
            "<genexpr>" => self.mark_generator(),
            "<setcomp>" => self.emit(Op::BuildSet(0)),
            "<dictcomp>" => self.emit(Op::BuildMap(0)),
            _ => self.emit(Op::BuildList(0)),
        }
        if let Err(err) = self.comprehension_loop(generators, 0, elt, value, name, depth) {
            if err.message == "'await' outside async function" && !self.in_async_context() {
                return Err(CompileError::new(
                    "asynchronous comprehension outside of an asynchronous function",
                    e.span,
                ));
            }
            return Err(err);
        }
        self.set_span(e.span);
        if genexpr {
            self.emit(Op::LoadNone);
        }
        self.emit(Op::Return);
        let code = self.leave_unit();
        let is_coroutine = code.flags.coroutine;
        self.make_function(code, 0, e.span)?;
        self.expr(&first.iter)?;
        self.set_span(e.span);
        self.emit(if first.is_async {
            Op::GetAIter
        } else {
            Op::GetIter
        });
        self.emit(Op::Call(1));
        if is_coroutine && !genexpr {
            // A comprehension using `await` / `async for` is a coroutine: await it.
            if !self.in_async_context() {
                return Err(CompileError::new(
                    "asynchronous comprehension outside of an asynchronous function",
                    e.span,
                ));
            }
            self.mark_coroutine();
            self.emit_await();
        }
        Ok(())
    }

    fn comprehension_loop(
        &mut self,
        generators: &'a [Comprehension],
        i: usize,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: &str,
        depth: u32,
    ) -> R {
        let g = &generators[i];
        let start = self.new_label();
        let end = self.new_label();
        if i == 0 {
            self.emit(Op::LoadFast(0));
        } else {
            self.expr(&g.iter)?;
            self.emit(if g.is_async {
                Op::GetAIter
            } else {
                Op::GetIter
            });
        }
        self.bind(start);
        let handler = self.new_label();
        if g.is_async {
            self.emit_async_next(handler);
        } else {
            self.emit_jump(Op::ForIter, end);
        }
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, start)?;
        }
        if i + 1 < generators.len() {
            self.comprehension_loop(generators, i + 1, elt, value, kind, depth)?;
        } else {
            self.expr(elt)?;
            match (kind, value) {
                ("<dictcomp>", Some(v)) => {
                    self.expr(v)?;
                    self.emit(Op::MapAdd(depth));
                }
                ("<setcomp>", _) => self.emit(Op::SetAdd(depth)),
                ("<genexpr>", _) => {
                    self.emit(Op::YieldValue);
                    self.emit(Op::Pop);
                }
                _ => self.emit(Op::ListAppend(depth)),
            }
        }
        self.emit_jump(Op::Jump, start);
        if g.is_async {
            self.bind(handler);
            self.emit(Op::EndAsyncFor);
        }
        self.bind(end);
        Ok(())
    }

    /// The qualified name of a scope defined in the current unit.
    pub(crate) fn child_qualname(&self, name: &str) -> Arc<str> {
        let u = self.unit();
        match u.st.kind {
            ScopeKind::Module => name.into(),
            ScopeKind::Class => format!("{}.{}", u.qualname, name).into(),
            _ => {
                if u.st.scope_of(name) == crate::symtable::Scope::GlobalExplicit {
                    name.into()
                } else {
                    format!("{}.<locals>.{}", u.qualname, name).into()
                }
            }
        }
    }
}

/// Whether CPython's AST optimizer turns `e` into a constant (literals, signed numeric
/// literals, arithmetic on those, and tuples of constants).
fn is_folded_const(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant(_) => true,
        ExprKind::UnaryOp {
            op: UnaryOp::USub | UnaryOp::UAdd | UnaryOp::Invert,
            operand,
        } => matches!(
            &operand.kind,
            ExprKind::Constant(Constant::Int(_) | Constant::Float(_) | Constant::Bool(_))
        ),
        ExprKind::Tuple(items) => items.iter().all(is_folded_const),
        // Arithmetic on constants is folded too (when it does not raise).
        ExprKind::BinOp { left, right, .. } => {
            let scalar = |e: &Expr| !matches!(e.kind, ExprKind::Tuple(_)) && is_folded_const(e);
            scalar(left) && scalar(right)
        }
        _ => false,
    }
}
