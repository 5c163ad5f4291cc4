//! Validation of assignment, deletion and augmented-assignment targets, with CPython 3.11's
//! messages ("cannot assign to function call", ...).

use super::PResult;
use crate::ast::{Constant, Expr, ExprKind};
use crate::diagnostic::SyntaxError;

/// How CPython names an expression that cannot be a target.
pub(super) fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Name(_) => "name",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::Bool(true)) => "True",
        ExprKind::Constant(Constant::Bool(false)) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::JoinedStr(_) => "f-string expression",
        ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } | ExprKind::BoolOp { .. } => "expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Call { .. } => "function call",
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Slice { .. } => "slice",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Starred(_) => "starred",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
    }
}

/// Could CPython's "Maybe you meant '==' instead of '='?" hint apply to this target?
fn hint_applies(e: &Expr) -> bool {
    !matches!(
        &e.kind,
        ExprKind::List(_)
            | ExprKind::Tuple(_)
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Constant(Constant::None | Constant::Bool(_))
            | ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
            | ExprKind::UnaryOp {
                op: crate::ast::UnaryOp::Not,
                ..
            }
    )
}

/// Check an assignment target (`=`, `for`, `with ... as`, comprehension). `hint` adds CPython's
/// "Maybe you meant '=='" suffix when the whole target of a single `=` is invalid.
pub(super) fn check_store(e: &Expr, hint: bool) -> PResult<()> {
    if let ExprKind::Starred(_) = e.kind {
        return Err(SyntaxError::new(
            "starred assignment target must be in a list or tuple",
            e.span,
        ));
    }
    if let ExprKind::Yield(_) | ExprKind::YieldFrom(_) = e.kind {
        return Err(SyntaxError::new(
            "assignment to yield expression not possible",
            e.span,
        ));
    }
    check_store_inner(e, hint)
}

fn check_store_inner(e: &Expr, hint: bool) -> PResult<()> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
        ExprKind::Tuple(elts) | ExprKind::List(elts) => {
            let mut starred = false;
            for elt in elts {
                if let ExprKind::Starred(inner) = &elt.kind {
                    if starred {
                        return Err(SyntaxError::new(
                            "multiple starred expressions in assignment",
                            elt.span,
                        ));
                    }
                    starred = true;
                    check_store_inner(inner, false)?;
                } else {
                    check_store_inner(elt, false)?;
                }
            }
            Ok(())
        }
        ExprKind::Starred(inner) => check_store_inner(inner, false),
        _ => {
            let what = describe(e);
            let message = if hint && hint_applies(e) {
                format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?")
            } else {
                format!("cannot assign to {what}")
            };
            Err(SyntaxError::new(message, e.span))
        }
    }
}

/// Check a `del` target.
pub(super) fn check_del(e: &Expr) -> PResult<()> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
        ExprKind::Tuple(elts) | ExprKind::List(elts) => elts.iter().try_for_each(check_del),
        _ => Err(SyntaxError::new(
            format!("cannot delete {}", describe(e)),
            e.span,
        )),
    }
}

/// Check the target of `x op= value`.
pub(super) fn check_aug(e: &Expr) -> PResult<()> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
        _ => {
            let what = describe(e);
            Err(SyntaxError::new(
                format!("'{what}' is an illegal expression for augmented assignment"),
                e.span,
            ))
        }
    }
}
