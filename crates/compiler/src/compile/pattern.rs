//! The `match` statement (PEP 634), laid out as CPython 3.11 lays it out.
//!
//! Each case works on a copy of the subject: `Dup; <pattern>; [<guard> false -> fail]; Pop;
//! <body>; Jump end`. A pattern consumes the value on top of the stack. When a test fails with
//! `k` items of the pattern's own left on the stack it jumps to `fail_pop[k]`, one of a chain
//! of labels emitted after the case (`fail_pop[k]: Pop; fail_pop[k-1]: Pop; ... fail_pop[0]:`)
//! that leaves just the subject for the next case. `on_top` counts the items below the value
//! being matched that a failure must pop (a sequence's not-yet-matched items, for instance).
//!
//! Captured names are stored as soon as their sub-pattern matches (CPython stores them only
//! once the whole pattern has matched, so after a failed case a name may be bound here that
//! CPython leaves alone; PEP 634 allows both).
//!
//! The compile-time checks are CPython's: an irrefutable pattern that is not the last
//! alternative ("name capture 'x' makes remaining patterns unreachable"), a name bound twice,
//! or-pattern alternatives binding different names, two starred names, duplicate literal keys
//! and repeated keyword attributes.

use gilvm_syntax::ast::*;
use gilvm_syntax::Span;

use super::expr::const_value;
use super::{Compiler, Label, NameCtx, R};
use crate::code::Const;
use crate::op::Op;
use crate::CompileError;

struct PatternContext {
    fail_pop: Vec<Label>,
    on_top: u32,
    /// Names bound so far, in binding order.
    stores: Vec<String>,
    allow_irrefutable: bool,
}

impl PatternContext {
    fn new(allow_irrefutable: bool) -> PatternContext {
        PatternContext {
            fail_pop: Vec::new(),
            on_top: 0,
            stores: Vec::new(),
            allow_irrefutable,
        }
    }
}

fn error(msg: impl Into<String>, span: Span) -> CompileError {
    CompileError::new(msg, span)
}

impl<'a> Compiler<'a> {
    pub(crate) fn match_stmt(&mut self, subject: &'a Expr, cases: &'a [MatchCase]) -> R {
        self.expr(subject)?;
        let end = self.new_label();
        for (i, case) in cases.iter().enumerate() {
            let last = i + 1 == cases.len();
            let mut pc = PatternContext::new(last || case.guard.is_some());
            self.set_span(case.pattern.span);
            self.emit(Op::Dup);
            self.pattern(&case.pattern, &mut pc)?;
            if let Some(guard) = &case.guard {
                let fail = self.fail_label(&mut pc, 0);
                self.jump_if(guard, false, fail)?;
            }
            self.set_span(case.pattern.span);
            self.emit(Op::Pop);
            self.stmts(&case.body)?;
            self.emit_jump(Op::Jump, end);
            self.emit_fail_pops(&pc);
        }
        self.emit(Op::Pop);
        self.bind(end);
        Ok(())
    }

    /// The label that pops `n` items and fails.
    fn fail_label(&mut self, pc: &mut PatternContext, n: u32) -> Label {
        while pc.fail_pop.len() <= n as usize {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
        pc.fail_pop[n as usize]
    }

    /// [bool] -> []: fail with `n` items left when the bool is false.
    fn jump_fail(&mut self, pc: &mut PatternContext, n: u32) {
        let l = self.fail_label(pc, n);
        self.emit_jump(Op::PopJumpIfFalse, l);
    }

    fn emit_fail_pops(&mut self, pc: &PatternContext) {
        for k in (0..pc.fail_pop.len()).rev() {
            self.bind(pc.fail_pop[k]);
            if k > 0 {
                self.emit(Op::Pop);
            }
        }
    }

    /// [v] -> []: bind a captured name (or drop the value for `_`).
    fn capture(&mut self, name: Option<&str>, pc: &mut PatternContext, span: Span) -> R {
        let Some(name) = name else {
            self.emit(Op::Pop);
            return Ok(());
        };
        if pc.stores.iter().any(|s| s == name) {
            return Err(error(
                format!("multiple assignments to name '{name}' in pattern"),
                span,
            ));
        }
        pc.stores.push(name.to_string());
        self.name_op(name, NameCtx::Store)
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> R {
        self.set_span(p.span);
        match &p.kind {
            PatternKind::MatchValue(e) => {
                self.expr(e)?;
                self.set_span(p.span);
                self.emit(Op::Compare(CmpOp::Eq));
                self.jump_fail(pc, pc.on_top);
                Ok(())
            }
            PatternKind::MatchSingleton(c) => {
                self.load_const(super::constant(c));
                self.emit(Op::Compare(CmpOp::Is));
                self.jump_fail(pc, pc.on_top);
                Ok(())
            }
            PatternKind::MatchAs {
                pattern: None,
                name,
            } => {
                if !pc.allow_irrefutable {
                    return Err(match name {
                        Some(n) => error(
                            format!("name capture '{n}' makes remaining patterns unreachable"),
                            p.span,
                        ),
                        None => error("wildcard makes remaining patterns unreachable", p.span),
                    });
                }
                self.capture(name.as_deref(), pc, p.span)
            }
            PatternKind::MatchAs {
                pattern: Some(inner),
                name,
            } => {
                self.emit(Op::Dup);
                pc.on_top += 1;
                self.pattern(inner, pc)?;
                pc.on_top -= 1;
                self.set_span(p.span);
                self.capture(name.as_deref(), pc, p.span)
            }
            PatternKind::MatchStar(name) => self.capture(name.as_deref(), pc, p.span),
            PatternKind::MatchOr(alts) => self.or_pattern(alts, pc),
            PatternKind::MatchSequence(items) => self.sequence_pattern(items, pc, p.span),
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => self.mapping_pattern(keys, patterns, rest.as_deref(), pc, p.span),
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => self.class_pattern(cls, patterns, kwd_attrs, kwd_patterns, pc, p.span),
        }
    }

    /// Match `items` against the values just unpacked onto the stack (the first on top).
    fn subpatterns(&mut self, items: &'a [Pattern], pc: &mut PatternContext) -> R {
        let base = pc.on_top;
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        let n = items.len() as u32;
        for (i, item) in items.iter().enumerate() {
            pc.on_top = base + n - 1 - i as u32;
            self.pattern(item, pc)?;
        }
        pc.on_top = base;
        pc.allow_irrefutable = saved;
        Ok(())
    }

    fn sequence_pattern(&mut self, items: &'a [Pattern], pc: &mut PatternContext, span: Span) -> R {
        let stars: Vec<usize> = items
            .iter()
            .enumerate()
            .filter(|(_, p)| matches!(p.kind, PatternKind::MatchStar(_)))
            .map(|(i, _)| i)
            .collect();
        if stars.len() > 1 {
            return Err(error("multiple starred names in sequence pattern", span));
        }
        let size = items.len() as u32;
        self.emit(Op::MatchSequence);
        self.jump_fail(pc, pc.on_top + 1);
        self.emit(Op::GetLen);
        match stars.first() {
            None => {
                self.load_const(Const::Int(size as i64));
                self.emit(Op::Compare(CmpOp::Eq));
            }
            Some(_) => {
                self.load_const(Const::Int(size as i64 - 1));
                self.emit(Op::Compare(CmpOp::GtE));
            }
        }
        self.jump_fail(pc, pc.on_top + 1);
        match stars.first() {
            None => self.emit(Op::UnpackSequence(size)),
            Some(&star) => {
                let before = star as u32;
                let after = size - 1 - before;
                if before > 0xFF || after > 0xFF_FFFF {
                    return Err(error(
                        "too many expressions in star-unpacking assignment",
                        span,
                    ));
                }
                self.emit(Op::UnpackEx(before | (after << 8)));
            }
        }
        self.subpatterns(items, pc)
    }

    fn mapping_pattern(
        &mut self,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&str>,
        pc: &mut PatternContext,
        span: Span,
    ) -> R {
        let n = keys.len() as u32;
        self.emit(Op::MatchMapping);
        self.jump_fail(pc, pc.on_top + 1);
        if n == 0 && rest.is_none() {
            self.emit(Op::Pop);
            return Ok(());
        }
        if n > 0 {
            self.emit(Op::GetLen);
            self.load_const(Const::Int(n as i64));
            self.emit(Op::Compare(CmpOp::GtE));
            self.jump_fail(pc, pc.on_top + 1);
        }
        let mut seen: Vec<String> = Vec::new();
        for key in keys {
            if let Some(c) = const_value(key) {
                let repr = crate::dis::const_repr(&c);
                if seen.contains(&repr) {
                    return Err(error(
                        format!("mapping pattern checks duplicate key ({repr})"),
                        span,
                    ));
                }
                seen.push(repr);
            }
            self.expr(key)?;
        }
        self.set_span(span);
        self.emit(Op::BuildTuple(n));
        if n == 0 {
            // `{**rest}`: [s, ()] -> [rest]
            self.emit(Op::CopyDictWithoutKeys);
            return self.capture(rest, pc, span);
        }
        self.emit(Op::MatchKeys);
        self.emit(Op::Dup);
        self.emit(Op::LoadNone);
        self.emit(Op::Compare(CmpOp::IsNot));
        self.jump_fail(pc, pc.on_top + 3);
        // [s, keys, values] -> [values, s, keys]
        self.emit(Op::Rot3);
        if rest.is_some() {
            self.emit(Op::CopyDictWithoutKeys);
            pc.on_top += 1;
            self.capture(rest, pc, span)?;
            pc.on_top -= 1;
        } else {
            self.emit(Op::Pop);
            self.emit(Op::Pop);
        }
        self.emit(Op::UnpackSequence(n));
        self.subpatterns(patterns, pc)
    }

    fn class_pattern(
        &mut self,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [String],
        kwd_patterns: &'a [Pattern],
        pc: &mut PatternContext,
        span: Span,
    ) -> R {
        for (i, a) in kwd_attrs.iter().enumerate() {
            if kwd_attrs[..i].contains(a) {
                return Err(error(
                    format!("attribute name repeated in class pattern: {a}"),
                    kwd_patterns[i].span,
                ));
            }
        }
        self.expr(cls)?;
        self.set_span(span);
        let names: Vec<Const> = kwd_attrs
            .iter()
            .map(|a| Const::Str(a.as_str().into()))
            .collect();
        self.load_const(Const::Tuple(names.into()));
        self.emit(Op::MatchClass(patterns.len() as u32));
        self.emit(Op::Dup);
        self.emit(Op::LoadNone);
        self.emit(Op::Compare(CmpOp::IsNot));
        self.jump_fail(pc, pc.on_top + 1);
        let total = (patterns.len() + kwd_patterns.len()) as u32;
        if total == 0 {
            self.emit(Op::Pop);
            return Ok(());
        }
        self.emit(Op::UnpackSequence(total));
        let base = pc.on_top;
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        for (i, item) in patterns.iter().chain(kwd_patterns).enumerate() {
            pc.on_top = base + total - 1 - i as u32;
            self.pattern(item, pc)?;
        }
        pc.on_top = base;
        pc.allow_irrefutable = saved;
        Ok(())
    }

    fn or_pattern(&mut self, alts: &'a [Pattern], pc: &mut PatternContext) -> R {
        let end = self.new_label();
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in alts.iter().enumerate() {
            let last = i + 1 == alts.len();
            let mut sub = PatternContext::new(last && pc.allow_irrefutable);
            self.set_span(alt.span);
            self.emit(Op::Dup);
            self.pattern(alt, &mut sub)?;
            let mut names = sub.stores.clone();
            names.sort();
            match &control {
                None => control = Some(names),
                Some(c) if *c != names => {
                    return Err(error("alternative patterns bind different names", alt.span));
                }
                Some(_) => {}
            }
            self.emit(Op::Pop);
            self.emit_jump(Op::Jump, end);
            self.emit_fail_pops(&sub);
        }
        let fail = self.fail_label(pc, pc.on_top + 1);
        self.emit_jump(Op::Jump, fail);
        self.bind(end);
        for name in control.unwrap_or_default() {
            if pc.stores.contains(&name) {
                return Err(error(
                    format!("multiple assignments to name '{name}' in pattern"),
                    alts[0].span,
                ));
            }
            pc.stores.push(name);
        }
        Ok(())
    }
}
