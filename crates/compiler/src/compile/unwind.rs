//! Leaving blocks early: `break`, `continue` and `return` inside loops, try/except, try/finally
//! and with. Each open block ([`FBlock`]) knows what must be undone inline before the jump:
//! pop an iterator, pop a handler block, run a finally body, call `__exit__(None, None, None)`,
//! end a handled exception.

use super::{Compiler, FBlock, R};
use crate::op::Op;

impl<'a> Compiler<'a> {
    /// Emit the code that leaves `block`. With `preserve_tos`, a value (the return value) is on
    /// top of the stack and must stay there.
    fn unwind_block(&mut self, block: &FBlock<'a>, preserve_tos: bool) -> R {
        match block {
            FBlock::While { .. } => {}
            FBlock::For { .. } | FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Op::Rot2);
                }
                self.emit(Op::Pop);
            }
            FBlock::TryExcept => self.emit(Op::PopBlock),
            FBlock::FinallyTry(body) => {
                self.emit(Op::PopBlock);
                if preserve_tos {
                    self.unit_mut().fblocks.push(FBlock::PopValue);
                }
                let saved = self.unit().span;
                self.stmts(body)?;
                self.set_span(saved);
                if preserve_tos {
                    self.unit_mut().fblocks.pop();
                }
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Op::Rot2);
                }
                self.emit(Op::Pop);
                self.emit(Op::PopExcept);
            }
            FBlock::Handler { name } => {
                if let Some(name) = name {
                    self.emit(Op::PopBlock);
                    self.emit(Op::PopExcept);
                    self.unbind(name)?;
                } else {
                    self.emit(Op::PopExcept);
                }
            }
            FBlock::StarHandler => {
                return Err(crate::CompileError::new(
                    "'break', 'continue' and 'return' cannot appear in an except* block",
                    self.unit().span,
                ));
            }
            FBlock::With => {
                self.emit(Op::PopBlock);
                if preserve_tos {
                    self.emit(Op::Rot2);
                }
                self.call_exit_none();
            }
            FBlock::AsyncWith => {
                self.emit(Op::PopBlock);
                if preserve_tos {
                    self.emit(Op::Rot2);
                }
                self.call_aexit_none();
            }
        }
        Ok(())
    }

    /// Unwind every block before a `return`. Loops (and pending values) need no code unless a
    /// block further out does, since returning discards the frame's stack.
    pub(crate) fn unwind_for_return(&mut self, preserve_tos: bool) -> R {
        let blocks = &self.unit().fblocks;
        let needs = |b: &FBlock| {
            !matches!(
                b,
                FBlock::While { .. } | FBlock::For { .. } | FBlock::PopValue
            )
        };
        let Some(outermost) = blocks.iter().position(needs) else {
            return Ok(());
        };
        let saved = blocks.clone();
        let mut result = Ok(());
        while self.unit().fblocks.len() > outermost {
            let Some(b) = self.unit_mut().fblocks.pop() else {
                break;
            };
            result = self.unwind_block(&b, preserve_tos);
            if result.is_err() {
                break;
            }
        }
        self.unit_mut().fblocks = saved;
        result
    }

    /// Unwind up to the innermost loop and jump to its exit (`break`) or its next iteration
    /// (`continue`). Returns false when there is no enclosing loop.
    pub(crate) fn unwind_to_loop(&mut self, is_break: bool) -> Result<bool, crate::CompileError> {
        let saved = self.unit().fblocks.clone();
        let mut found = false;
        let mut result = Ok(());
        while let Some(b) = self.unit_mut().fblocks.pop() {
            match b {
                FBlock::While { cont, brk } => {
                    self.emit_jump(Op::Jump, if is_break { brk } else { cont });
                    found = true;
                    break;
                }
                FBlock::For { cont, brk } => {
                    if is_break {
                        self.emit(Op::Pop);
                        self.emit_jump(Op::Jump, brk);
                    } else {
                        self.emit_jump(Op::Jump, cont);
                    }
                    found = true;
                    break;
                }
                other => {
                    result = self.unwind_block(&other, false);
                    if result.is_err() {
                        break;
                    }
                }
            }
        }
        self.unit_mut().fblocks = saved;
        result.map(|_| found)
    }
}
