//! Exception unwinding: finding the handler block of a raised exception in the current frame
//! or its callers, recording traceback entries, and setting `__context__`.

use std::sync::Arc;

use crate::interp::eval::Raised;
use crate::interp::vm::Vm;
use crate::object::error::{PyErr, PyResult};
use crate::object::value::{TracebackEntry, Value};

impl Vm {
    /// Find a handler for `err`: in the current frame, else in its callers up to the entry
    /// frame. `Ok` means execution continues at a handler; `Err` that the entry frame was left.
    #[cold]
    #[inline(never)]
    pub(crate) fn unwind(&mut self, err: PyErr, how: Raised) -> PyResult<()> {
        if self.defer_interrupt(&err) {
            return Ok(());
        }
        let gil = self.gil();
        let mut add_entry = how == Raised::New;
        // The instruction limit's error is caught by nothing, `finally` included (instr_limit.rs).
        let catchable = !self.is_limit_error(&err);
        if add_entry {
            let fresh = err
                .0
                .exc
                .as_ref()
                .is_some_and(|e| e.borrow(gil).traceback.is_empty());
            if fresh {
                self.set_context(&err);
            }
        }
        loop {
            let Some(frame) = self.frames.last_mut() else {
                return Err(err);
            };
            if let (true, Some(func)) = (add_entry, &frame.func) {
                if let Some(st) = &err.0.exc {
                    let entry = TracebackEntry {
                        code: func.code.clone(),
                        ip: frame.ip.saturating_sub(1),
                    };
                    st.borrow_mut(gil).traceback.insert(0, entry);
                }
            }
            add_entry = true;
            if let Some(block) = frame.blocks.pop().filter(|_| catchable) {
                frame.ip = block.handler;
                self.stack.truncate(block.stack_depth as usize);
                self.handled.truncate(block.handled_depth as usize);
                self.handled.push(err.clone());
                self.stack.push(err.value());
                return Ok(());
            }
            let Some(frame) = self.frames.pop() else {
                return Err(err);
            };
            self.stack.truncate(frame.ret as usize);
            self.handled.truncate(frame.handled_base as usize);
            if frame.entry {
                return Err(err);
            }
        }
    }

    /// Set `err.__context__` to the exception being handled (breaking cycles like CPython).
    pub(crate) fn set_context(&mut self, err: &PyErr) {
        let gil = self.gil();
        let Some(top) = self.handled.last().cloned() else {
            return;
        };
        if Arc::ptr_eq(&top.0, &err.0) {
            return;
        }
        // Break a cycle: if err is in top's context chain, cut the link to it.
        let mut cur = top.0.clone();
        let mut steps = 0;
        loop {
            let next = match &cur.exc {
                Some(st) => st.borrow(gil).context.clone(),
                None => None,
            };
            match next {
                Some(Value::Instance(n)) => {
                    if Arc::ptr_eq(&n, &err.0) {
                        if let Some(st) = &cur.exc {
                            st.borrow_mut(gil).context = None;
                        }
                        break;
                    }
                    cur = n;
                }
                _ => break,
            }
            steps += 1;
            if steps > 1000 {
                break;
            }
        }
        if let Some(st) = &err.0.exc {
            st.borrow_mut(gil).context = Some(top.value());
        }
    }
}
