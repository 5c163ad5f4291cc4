//! Assignment targets: plain and augmented assignment, unpacking, `del`.

use gilvm_syntax::ast::*;

use super::{Compiler, NameCtx, R};
use crate::op::Op;
use crate::CompileError;

/// How CPython names an expression that cannot be assigned to or deleted.
fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Call { .. } => "function call",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::Bool(true)) => "True",
        ExprKind::Constant(Constant::Bool(false)) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::JoinedStr(_) => "f-string expression",
        ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::BoolOp { .. } => "expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::Slice { .. } => "slice",
        ExprKind::Starred(_) => "starred",
        _ => "expression",
    }
}

impl<'a> Compiler<'a> {
    pub(crate) fn assign(&mut self, targets: &'a [Expr], value: &'a Expr) -> R {
        if let [target] = targets {
            if self.try_swap_assign(target, value)? {
                return Ok(());
            }
        }
        self.expr(value)?;
        let Some((last, rest)) = targets.split_last() else {
            self.emit(Op::Pop);
            return Ok(());
        };
        for t in rest {
            self.emit(Op::Dup);
            self.store_target(t)?;
        }
        self.store_target(last)
    }

    /// `a, b = b, a` (2 or 3 items, no starred): evaluate the items and rotate them instead of
    /// building and unpacking a tuple.
    fn try_swap_assign(&mut self, target: &'a Expr, value: &'a Expr) -> Result<bool, CompileError> {
        let (ExprKind::Tuple(ts) | ExprKind::List(ts)) = &target.kind else {
            return Ok(false);
        };
        let ExprKind::Tuple(vs) = &value.kind else {
            return Ok(false);
        };
        let starred = |e: &Expr| matches!(e.kind, ExprKind::Starred(_));
        if ts.len() != vs.len()
            || !(2..=3).contains(&ts.len())
            || ts.iter().any(starred)
            || vs.iter().any(starred)
        {
            return Ok(false);
        }
        self.exprs(vs)?;
        if ts.len() == 3 {
            self.emit(Op::Rot3);
        }
        self.emit(Op::Rot2);
        for t in ts {
            self.store_target(t)?;
        }
        Ok(true)
    }

    /// Store the value on top of the stack into a target.
    pub(crate) fn store_target(&mut self, t: &'a Expr) -> R {
        let saved = self.set_span(t.span);
        let r = self.store_target_inner(t);
        self.set_span(saved);
        r
    }

    fn store_target_inner(&mut self, t: &'a Expr) -> R {
        match &t.kind {
            ExprKind::Name(n) => self.name_op(n, NameCtx::Store),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                self.set_span(t.span);
                let i = self.name_index(attr);
                self.emit(Op::StoreAttr(i));
                Ok(())
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.set_span(t.span);
                self.emit(Op::StoreSubscript);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let mut star = None;
                for (i, item) in items.iter().enumerate() {
                    if matches!(item.kind, ExprKind::Starred(_)) {
                        if star.is_some() {
                            return Err(CompileError::new(
                                "multiple starred expressions in assignment",
                                t.span,
                            ));
                        }
                        star = Some(i);
                    }
                }
                match star {
                    Some(i) => {
                        let after = items.len() - i - 1;
                        if i > 0xFF || after > 0xFF_FFFF {
                            return Err(CompileError::new(
                                "too many expressions in star-unpacking assignment",
                                t.span,
                            ));
                        }
                        self.emit(Op::UnpackEx(i as u32 | ((after as u32) << 8)));
                    }
                    None => self.emit(Op::UnpackSequence(items.len() as u32)),
                }
                for item in items {
                    match &item.kind {
                        ExprKind::Starred(inner) => self.store_target(inner)?,
                        _ => self.store_target(item)?,
                    }
                }
                Ok(())
            }
            ExprKind::Starred(_) => Err(CompileError::new(
                "starred assignment target must be in a list or tuple",
                t.span,
            )),
            _ => Err(CompileError::new(
                format!("cannot assign to {}", describe(t)),
                t.span,
            )),
        }
    }

    pub(crate) fn aug_assign(&mut self, target: &'a Expr, op: BinOp, value: &'a Expr) -> R {
        match &target.kind {
            ExprKind::Name(n) => {
                self.set_span(target.span);
                self.name_op(n, NameCtx::Load)?;
                self.expr(value)?;
                self.emit(Op::InplaceBinary(op));
                self.set_span(target.span);
                self.name_op(n, NameCtx::Store)
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.set_span(target.span);
                let i = self.name_index(attr);
                self.emit(Op::Dup);
                self.emit(Op::LoadAttr(i));
                self.expr(value)?;
                self.emit(Op::InplaceBinary(op));
                self.set_span(target.span);
                self.emit(Op::Rot2);
                self.emit(Op::StoreAttr(i));
                Ok(())
            }
            ExprKind::Subscript { value: obj, index } => {
                self.expr(obj)?;
                self.expr(index)?;
                self.set_span(target.span);
                self.emit(Op::DupTwo);
                self.emit(Op::Subscript);
                self.expr(value)?;
                self.emit(Op::InplaceBinary(op));
                self.set_span(target.span);
                self.emit(Op::Rot3);
                self.emit(Op::StoreSubscript);
                Ok(())
            }
            ExprKind::Tuple(_) | ExprKind::List(_) => Err(CompileError::new(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    if matches!(target.kind, ExprKind::Tuple(_)) {
                        "tuple"
                    } else {
                        "list"
                    }
                ),
                target.span,
            )),
            _ => Err(CompileError::new(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    describe(target)
                ),
                target.span,
            )),
        }
    }

    pub(crate) fn delete_target(&mut self, t: &'a Expr) -> R {
        let saved = self.set_span(t.span);
        let r = match &t.kind {
            ExprKind::Name(n) => self.name_op(n, NameCtx::Delete),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                self.set_span(t.span);
                let i = self.name_index(attr);
                self.emit(Op::DeleteAttr(i));
                Ok(())
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.set_span(t.span);
                self.emit(Op::DeleteSubscript);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|i| self.delete_target(i))
            }
            _ => Err(CompileError::new(
                format!("cannot delete {}", describe(t)),
                t.span,
            )),
        };
        self.set_span(saved);
        r
    }
}
