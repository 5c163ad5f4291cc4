//! Variable annotations (`x: int = 0`), as CPython 3.11 compiles them: in a module or class
//! body that annotates a simple name anywhere (outside nested functions and classes), the body
//! starts by binding `__annotations__ = {}` (CPython's SETUP_ANNOTATIONS), and each
//! `name: ann [= value]` stores the value, then evaluates `ann` into `__annotations__['name']`.
//! Other targets (`obj.attr: ann`, `a[i]: ann`) evaluate the annotation and drop it. Inside a
//! function, annotations are not evaluated at all.

use gilvm_syntax::ast::*;

use super::{Compiler, NameCtx, R};
use crate::op::Op;
use crate::symtable::ScopeKind;

const ANNOTATIONS: &str = "__annotations__";

/// Does `body` annotate a simple name, at its own level (blocks included, nested functions and
/// classes excluded)?
fn annotates_a_name(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { target, .. } => matches!(target.kind, ExprKind::Name(_)),
        StmtKind::If { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::For { body, orelse, .. } => annotates_a_name(body) || annotates_a_name(orelse),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            annotates_a_name(body)
                || handlers.iter().any(|h| annotates_a_name(&h.body))
                || annotates_a_name(orelse)
                || annotates_a_name(finalbody)
        }
        StmtKind::With { body, .. } => annotates_a_name(body),
        StmtKind::Match { cases, .. } => cases.iter().any(|c| annotates_a_name(&c.body)),
        _ => false,
    })
}

impl<'a> Compiler<'a> {
    /// At the start of a module or class body: `__annotations__ = {}` when the body needs it.
    pub(crate) fn setup_annotations(&mut self, body: &[Stmt]) -> R {
        if annotates_a_name(body) {
            self.emit(Op::BuildMap(0));
            self.name_op(ANNOTATIONS, NameCtx::Store)?;
        }
        Ok(())
    }

    /// `target: annotation [= value]`.
    pub(crate) fn ann_assign(
        &mut self,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
    ) -> R {
        if let Some(v) = value {
            self.expr(v)?;
            self.store_target(target)?;
        }
        if !matches!(self.scope_kind(), ScopeKind::Module | ScopeKind::Class) {
            return Ok(());
        }
        self.expr(annotation)?;
        match &target.kind {
            ExprKind::Name(n) => {
                self.name_op(ANNOTATIONS, NameCtx::Load)?;
                self.load_str(n);
                self.set_span(target.span);
                self.emit(Op::StoreSubscript);
            }
            _ => self.emit(Op::Pop),
        }
        Ok(())
    }
}
