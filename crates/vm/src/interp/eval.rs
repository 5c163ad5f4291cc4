//! The eval loop, in the manner of clox/loxido: one `match` over [`Op`] in a loop that keeps the
//! instruction pointer, the code slice and the frame's stack base in locals. Python-to-Python
//! calls push a [`Frame`](crate::interp::frame::Frame) and continue the same loop; errors leave the hot
//! loop for [`Vm::unwind`], which finds a handler block or pops frames.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use gilvm_compiler::Op;
use gilvm_syntax::ast::{BinOp, CmpOp};

use crate::interp::frame::Block;
use crate::interp::fused::{
    drop_frame, fast_clone, fast_drop, int_const_op, list_index_op, local_index_op, push_int,
};
use crate::interp::vm::Vm;
use crate::object::error::{PyErr, PyResult};
use crate::object::value::{IterState, Value};
use crate::protocol::hash::StrKey;

/// What a call instruction did.
pub(crate) enum Called {
    /// A Python frame was pushed: continue in it.
    Frame,
    /// The call finished with this value.
    Value(Value),
}

/// How an error entered the unwinder.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Raised {
    /// A new error at the current instruction: add a traceback entry, set `__context__`.
    New,
    /// `raise` / `Reraise`: no entry for this frame, no new context.
    Reraise,
}

macro_rules! pop {
    ($vm:ident) => {
        match $vm.stack.pop() {
            Some(v) => v,
            None => Value::None,
        }
    };
}

impl Vm {
    /// Run the innermost frame (an entry frame) and everything it calls until it returns.
    pub(crate) fn run(&mut self) -> PyResult<Value> {
        let interp = self.interp.clone();
        let breaker = interp.gil.eval_breaker();
        let mut raised = Raised::New;
        let mut budget = self.thread_gil.countdown().max(1);
        // Leaving this run: store the countdown back, so that the caller's run (whose local
        // copy is now stale) and the next nested run go on from what this one used.
        macro_rules! leave {
            ($r:expr) => {{
                let r = $r;
                self.thread_gil.set_countdown(budget);
                return r;
            }};
        }
        macro_rules! unwind_or_leave {
            ($e:expr, $how:expr) => {
                if let Err(e) = self.unwind($e, $how) {
                    leave!(Err(e))
                }
            };
        }
        'frames: loop {
            let fi = self.frames.len() - 1;
            // The running frame's function lives in this local while the frame runs (no
            // reference counting on frame switches); it goes back into the frame before a call
            // or an error leaves this loop iteration.
            let Some(func) = self.frames[fi].func.take() else {
                return Err(self.runtime_error("gilvm: frame without a function"));
            };
            let code: &crate::object::value::Code = &func.code;
            let ops: &[Op] = &code.code.code;
            let base = self.frames[fi].base as usize;
            let mut ip = self.frames[fi].ip as usize;
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(e) => break e,
                    }
                };
            }
            macro_rules! do_call {
                ($call:expr) => {{
                    self.frames[fi].ip = ip as u32;
                    self.frames[fi].func = Some(func);
                    match $call {
                        Ok(Called::Frame) => {}
                        Ok(Called::Value(v)) => self.stack.push(v),
                        Err(e) => unwind_or_leave!(e, Raised::New),
                    }
                    continue 'frames;
                }};
            }
            macro_rules! save_ip {
                () => {
                    self.frames[fi].ip = ip as u32
                };
            }
            let err: PyErr = loop {
                let Some(&op) = ops.get(ip) else {
                    break self.runtime_error("gilvm: instruction pointer out of range");
                };
                ip += 1;
                budget -= 1;
                if budget == 0 || breaker.load(Ordering::Relaxed) {
                    save_ip!();
                    budget = match self.budget_exhausted(budget) {
                        Ok(left) => left,
                        // A limit or a KeyboardInterrupt: the countdown is spent (0); a
                        // handler that catches it goes on counting from 1.
                        Err(e) => {
                            budget = 1;
                            break e;
                        }
                    };
                }
                match op {
                    Op::Nop => {}
                    Op::Pop => {
                        if let Some(v) = self.stack.pop() {
                            fast_drop(v);
                        }
                    }
                    Op::Dup => {
                        let v = self.stack[self.stack.len() - 1].clone();
                        self.stack.push(v);
                    }
                    Op::DupTwo => {
                        let n = self.stack.len();
                        let a = self.stack[n - 2].clone();
                        let b = self.stack[n - 1].clone();
                        self.stack.push(a);
                        self.stack.push(b);
                    }
                    Op::Rot2 => {
                        let n = self.stack.len();
                        self.stack.swap(n - 1, n - 2);
                    }
                    Op::Rot3 => {
                        let n = self.stack.len();
                        self.stack[n - 3..].rotate_right(1);
                    }
                    Op::Rot4 => {
                        let n = self.stack.len();
                        self.stack[n - 4..].rotate_right(1);
                    }
                    Op::LoadConst(i) => {
                        let v = fast_clone(&code.consts[i as usize]);
                        self.stack.push(v);
                    }
                    Op::LoadNone => self.stack.push(Value::None),
                    Op::LoadSmallInt(i) => push_int(&mut self.stack, i as i64),
                    Op::LoadFast(i) => {
                        // One push per arm: a merged push would build the value in memory
                        // piecewise and reload it whole (a store-forwarding stall).
                        match &self.stack[base + i as usize] {
                            Value::Int(x) => {
                                let x = *x;
                                // `x <op> small int`, fused with what consumes the result.
                                if let Some(&Op::LoadSmallInt(c)) = ops.get(ip) {
                                    if let Some(skip) =
                                        int_const_op(&mut self.stack, ops, ip + 1, base, x, c)
                                    {
                                        ip = skip;
                                        continue;
                                    }
                                }
                                push_int(&mut self.stack, x);
                            }
                            Value::Cell(_) => break self.unbound_local(code, i),
                            v => {
                                // `local[local]` (= v) on a list or dict: no reference counts.
                                if matches!(v, Value::List(_) | Value::Dict(_)) {
                                    let gil = self.gil();
                                    if let Some(next) =
                                        local_index_op(&mut self.stack, gil, ops, ip, base, i)
                                    {
                                        ip = next;
                                        continue;
                                    }
                                }
                                let v = fast_clone(&self.stack[base + i as usize]);
                                self.stack.push(v);
                            }
                        }
                    }
                    Op::StoreFast(i) => {
                        let v = pop!(self);
                        fast_drop(std::mem::replace(&mut self.stack[base + i as usize], v));
                    }
                    Op::DeleteFast(i) => {
                        let slot = base + i as usize;
                        if self.is_null(&self.stack[slot]) {
                            break self.unbound_local(code, i);
                        }
                        self.stack[slot] = self.null.clone();
                    }
                    Op::LoadDeref(i) => {
                        let gil = self.gil();
                        let v = {
                            let cells = &self.frames[fi].cells;
                            let i = i as usize;
                            let cell = match cells.get(i) {
                                Some(c) => Some(c),
                                None => func.closure.get(i - cells.len()),
                            };
                            let content = cell.map(|c| c.borrow(gil));
                            // `cell[local]` / `cell[local] = v` on a list: no list refcount.
                            if let Some(Some(Value::List(l))) = content.as_deref() {
                                if let Some(next) =
                                    list_index_op(&mut self.stack, gil, l, ops, ip, base)
                                {
                                    ip = next;
                                    continue;
                                }
                            }
                            content.and_then(|c| c.as_ref().map(fast_clone))
                        };
                        match v {
                            Some(v) => self.stack.push(v),
                            None => break self.unbound_deref(code, i),
                        }
                    }
                    Op::StoreDeref(i) => {
                        let v = pop!(self);
                        let cell = self.cell(fi, &func, i);
                        *cell.borrow_mut(self.gil()) = Some(v);
                    }
                    Op::DeleteDeref(i) => {
                        let cell = self.cell(fi, &func, i);
                        let old = cell.borrow_mut(self.gil()).take();
                        if old.is_none() {
                            break self.unbound_deref(code, i);
                        }
                    }
                    Op::LoadClosure(i) => {
                        let cell = self.cell(fi, &func, i);
                        self.stack.push(Value::Cell(cell));
                    }
                    Op::LoadGlobal(i) => {
                        let globals = func.globals.globals.borrow(self.gil());
                        // Inline cache: the index where this name was last found. The entry
                        // there is the name's own entry iff its key is the name.
                        let hint = &code.global_hints[i as usize];
                        let name = &code.names[i as usize];
                        if let Some((k, v)) =
                            globals.get_index(hint.load(Ordering::Relaxed) as usize)
                        {
                            if matches!(&k.value, Value::Str(s) if Arc::ptr_eq(s, name)) {
                                let v = fast_clone(v);
                                drop(globals);
                                self.stack.push(v);
                                continue;
                            }
                        }
                        let key = StrKey {
                            hash: code.name_hashes[i as usize],
                            s: name.as_str(),
                        };
                        let found = globals.get_full(&key).map(|(idx, _, v)| {
                            hint.store(idx as u32, Ordering::Relaxed);
                            fast_clone(v)
                        });
                        drop(globals);
                        let v = match found {
                            Some(v) => v,
                            None => tri!(self.load_global(&func, i)),
                        };
                        self.stack.push(v);
                    }
                    Op::StoreGlobal(i) => {
                        let v = pop!(self);
                        self.store_global(&func, i, v);
                    }
                    Op::DeleteGlobal(i) => tri!(self.delete_global(&func, i)),
                    Op::LoadName(i) => {
                        let v = tri!(self.load_name(fi, &func, i));
                        self.stack.push(v);
                    }
                    Op::StoreName(i) => {
                        let v = pop!(self);
                        tri!(self.store_name(fi, &func, i, v));
                    }
                    Op::DeleteName(i) => tri!(self.delete_name(fi, &func, i)),
                    Op::LoadAttr(i) => {
                        let obj = pop!(self);
                        let i = i as usize;
                        let v = tri!(self.get_attr_site(
                            &obj,
                            &StrKey {
                                hash: code.name_hashes[i],
                                s: code.names[i].as_str()
                            },
                            &code.attr_sites[i]
                        ));
                        self.stack.push(v);
                    }
                    Op::StoreAttr(i) => {
                        let obj = pop!(self);
                        let v = pop!(self);
                        tri!(self.set_attr(&obj, code.names[i as usize].as_str(), v));
                    }
                    Op::DeleteAttr(i) => {
                        let obj = pop!(self);
                        tri!(self.del_attr(&obj, code.names[i as usize].as_str()));
                    }
                    Op::LoadMethod(i) => {
                        let obj = pop!(self);
                        let i = i as usize;
                        let (m, recv) = tri!(self.load_method_site(
                            obj,
                            &StrKey {
                                hash: code.name_hashes[i],
                                s: code.names[i].as_str()
                            },
                            Some(&code.attr_sites[i])
                        ));
                        self.stack.push(m);
                        self.stack.push(recv.unwrap_or_else(|| self.null.clone()));
                    }
                    Op::CallMethod(n) => {
                        let n = n as usize;
                        let ret = self.stack.len() - n - 2;
                        let start = if self.is_null(&self.stack[ret + 1]) {
                            ret + 2
                        } else {
                            ret + 1
                        };
                        do_call!(self.call_from_stack(ret, start, None))
                    }
                    Op::Call(n) => {
                        let ret = self.stack.len() - n as usize - 1;
                        // Fast path: a plain Python function called with exactly its
                        // positional parameters.
                        if matches!(&self.stack[ret], Value::Function(f) if f.code.simple_argc == n)
                        {
                            let Value::Function(f) = std::mem::take(&mut self.stack[ret]) else {
                                unreachable!()
                            };
                            self.frames[fi].ip = ip as u32;
                            self.frames[fi].func = Some(func);
                            if let Err(e) = self.push_simple_frame(f, ret) {
                                unwind_or_leave!(e, Raised::New);
                            }
                            continue 'frames;
                        }
                        do_call!(self.call_from_stack(ret, ret + 1, None))
                    }
                    Op::CallKw(n) => {
                        let names = pop!(self);
                        let ret = self.stack.len() - n as usize - 1;
                        let Value::Tuple(names) = names else {
                            break self.runtime_error("gilvm: CallKw without a names tuple");
                        };
                        do_call!(self.call_from_stack(ret, ret + 1, Some(&names.items)))
                    }
                    Op::CallEx(flag) => {
                        let kwargs = if flag & 1 != 0 {
                            Some(pop!(self))
                        } else {
                            None
                        };
                        let args = pop!(self);
                        do_call!(self.call_ex(args, kwargs))
                    }
                    Op::Return => {
                        let v = pop!(self);
                        let Some(frame) = self.frames.pop() else {
                            leave!(Ok(v));
                        };
                        let ret = frame.ret as usize;
                        while self.stack.len() > ret {
                            if let Some(x) = self.stack.pop() {
                                fast_drop(x);
                            }
                        }
                        self.handled.truncate(frame.handled_base as usize);
                        let entry = frame.entry;
                        drop_frame(frame);
                        if entry {
                            leave!(Ok(v));
                        }
                        self.stack.push(v);
                        continue 'frames;
                    }
                    Op::Subscript => {
                        let key = pop!(self);
                        let obj = pop!(self);
                        let v = match (&obj, &key) {
                            (Value::List(l), Value::Int(i)) => {
                                let l = l.borrow(self.gil());
                                let idx = if *i < 0 { *i + l.len() as i64 } else { *i };
                                if idx >= 0 && (idx as usize) < l.len() {
                                    Ok(fast_clone(&l[idx as usize]))
                                } else {
                                    Err(self.index_error("list index out of range"))
                                }
                            }
                            _ => self.get_item(&obj, &key),
                        };
                        fast_drop(obj);
                        self.stack.push(tri!(v));
                    }
                    Op::StoreSubscript => {
                        let key = pop!(self);
                        let obj = pop!(self);
                        let v = pop!(self);
                        let done = match (&obj, &key) {
                            (Value::List(l), Value::Int(i)) => match l.try_borrow_mut(self.gil()) {
                                Some(mut l) => {
                                    let len = l.len() as i64;
                                    let idx = if *i < 0 { *i + len } else { *i };
                                    if idx < 0 || idx >= len {
                                        drop(l);
                                        break self
                                            .index_error("list assignment index out of range");
                                    }
                                    let old = std::mem::replace(&mut l[idx as usize], v);
                                    drop(l);
                                    fast_drop(old);
                                    None
                                }
                                None => Some(v),
                            },
                            _ => Some(v),
                        };
                        if let Some(v) = done {
                            tri!(self.set_item(&obj, &key, v));
                        }
                        fast_drop(obj);
                    }
                    Op::DeleteSubscript => {
                        let key = pop!(self);
                        let obj = pop!(self);
                        tri!(self.del_item(&obj, &key));
                    }
                    Op::BuildSlice(n) => {
                        let step = if n == 3 { pop!(self) } else { Value::None };
                        let stop = pop!(self);
                        let start = pop!(self);
                        self.stack
                            .push(Value::Slice(Arc::new(crate::object::value::Slice {
                                start,
                                stop,
                                step,
                            })));
                    }
                    Op::Binary(bop) | Op::InplaceBinary(bop)
                        if matches!(bop, BinOp::Add | BinOp::Sub)
                            && matches!(
                                (
                                    &self.stack[self.stack.len() - 2],
                                    &self.stack[self.stack.len() - 1]
                                ),
                                (Value::Int(_), Value::Int(_))
                            ) =>
                    {
                        let n = self.stack.len();
                        let (Value::Int(x), Value::Int(y)) =
                            (&self.stack[n - 2], &self.stack[n - 1])
                        else {
                            unreachable!()
                        };
                        let r = if bop == BinOp::Add {
                            x.checked_add(*y)
                        } else {
                            x.checked_sub(*y)
                        };
                        let Some(r) = r else {
                            let (x, y) = (*x, *y);
                            let v = tri!(self.int_overflowed(bop, x, y));
                            self.stack.pop();
                            let n = self.stack.len();
                            self.stack[n - 1] = v;
                            continue;
                        };
                        if let Some(top) = self.stack.pop() {
                            std::mem::forget(top);
                        }
                        std::mem::forget(std::mem::replace(&mut self.stack[n - 2], Value::Int(r)));
                    }
                    Op::Binary(bop) => {
                        let b = pop!(self);
                        let a = pop!(self);
                        let r = match (bop, &a, &b) {
                            (BinOp::Add, Value::Int(x), Value::Int(y)) => match x.checked_add(*y) {
                                Some(r) => Value::Int(r),
                                None => tri!(self.int_overflowed(bop, *x, *y)),
                            },
                            (BinOp::Sub, Value::Int(x), Value::Int(y)) => match x.checked_sub(*y) {
                                Some(r) => Value::Int(r),
                                None => tri!(self.int_overflowed(bop, *x, *y)),
                            },
                            (BinOp::Add, Value::Float(x), Value::Float(y)) => Value::Float(x + y),
                            (BinOp::Mult, Value::Int(x), Value::Int(y)) => {
                                match x.checked_mul(*y) {
                                    Some(r) => Value::Int(r),
                                    None => tri!(self.binary_op(bop, &a, &b)),
                                }
                            }
                            (BinOp::Mod, Value::Int(x), Value::Int(y)) if *x >= 0 && *y > 0 => {
                                Value::Int(x % y)
                            }
                            _ => tri!(self.binary_op(bop, &a, &b)),
                        };
                        self.stack.push(r);
                    }
                    Op::InplaceBinary(bop) => {
                        let b = pop!(self);
                        let a = pop!(self);
                        let r = match (bop, &a, &b) {
                            (BinOp::Add, Value::Int(x), Value::Int(y)) => match x.checked_add(*y) {
                                Some(r) => Value::Int(r),
                                None => tri!(self.int_overflowed(bop, *x, *y)),
                            },
                            (BinOp::Sub, Value::Int(x), Value::Int(y)) => match x.checked_sub(*y) {
                                Some(r) => Value::Int(r),
                                None => tri!(self.int_overflowed(bop, *x, *y)),
                            },
                            _ => tri!(self.inplace_op(bop, a, &b)),
                        };
                        self.stack.push(r);
                    }
                    Op::Neg => {
                        let a = pop!(self);
                        let r = tri!(self.unary_op(crate::protocol::ops_numeric::Unary::Neg, &a));
                        self.stack.push(r);
                    }
                    Op::Pos => {
                        let a = pop!(self);
                        let r = tri!(self.unary_op(crate::protocol::ops_numeric::Unary::Pos, &a));
                        self.stack.push(r);
                    }
                    Op::Invert => {
                        let a = pop!(self);
                        let r =
                            tri!(self.unary_op(crate::protocol::ops_numeric::Unary::Invert, &a));
                        self.stack.push(r);
                    }
                    Op::Not => {
                        let a = pop!(self);
                        let t = match a {
                            Value::Bool(b) => b,
                            _ => tri!(self.truthy(&a)),
                        };
                        self.stack.push(Value::Bool(!t));
                    }
                    Op::Compare(cop)
                        if matches!(
                            (
                                &self.stack[self.stack.len() - 2],
                                &self.stack[self.stack.len() - 1]
                            ),
                            (Value::Int(_), Value::Int(_))
                        ) && !matches!(
                            cop,
                            CmpOp::In | CmpOp::NotIn | CmpOp::Is | CmpOp::IsNot
                        ) =>
                    {
                        let n = self.stack.len();
                        let (Value::Int(x), Value::Int(y)) =
                            (&self.stack[n - 2], &self.stack[n - 1])
                        else {
                            unreachable!()
                        };
                        let (x, y) = (*x, *y);
                        let r = match cop {
                            CmpOp::Lt => x < y,
                            CmpOp::Gt => x > y,
                            CmpOp::LtE => x <= y,
                            CmpOp::GtE => x >= y,
                            CmpOp::Eq => x == y,
                            _ => x != y,
                        };
                        // Both operands are ints: forget them without a drop call.
                        if let Some(top) = self.stack.pop() {
                            std::mem::forget(top);
                        }
                        if let Some(top) = self.stack.pop() {
                            std::mem::forget(top);
                        }
                        // Fuse with a following conditional jump.
                        match ops.get(ip) {
                            Some(&Op::PopJumpIfFalse(t)) => {
                                ip = if r { ip + 1 } else { t as usize };
                            }
                            Some(&Op::PopJumpIfTrue(t)) => {
                                ip = if r { t as usize } else { ip + 1 };
                            }
                            _ => self.stack.push(Value::Bool(r)),
                        }
                    }
                    Op::Compare(cop) => {
                        let b = pop!(self);
                        let a = pop!(self);
                        let r = match (cop, &a, &b) {
                            (CmpOp::Lt, Value::Int(x), Value::Int(y)) => Value::Bool(x < y),
                            (CmpOp::Gt, Value::Int(x), Value::Int(y)) => Value::Bool(x > y),
                            (CmpOp::LtE, Value::Int(x), Value::Int(y)) => Value::Bool(x <= y),
                            (CmpOp::GtE, Value::Int(x), Value::Int(y)) => Value::Bool(x >= y),
                            (CmpOp::Eq, Value::Int(x), Value::Int(y)) => Value::Bool(x == y),
                            (CmpOp::NotEq, Value::Int(x), Value::Int(y)) => Value::Bool(x != y),
                            _ => tri!(self.compare(cop, &a, &b)),
                        };
                        self.stack.push(r);
                    }
                    Op::Jump(t) => ip = t as usize,
                    Op::PopJumpIfFalse(t) => {
                        let v = pop!(self);
                        let truth = match v {
                            Value::Bool(b) => b,
                            _ => tri!(self.truthy(&v)),
                        };
                        if !truth {
                            ip = t as usize;
                        }
                    }
                    Op::PopJumpIfTrue(t) => {
                        let v = pop!(self);
                        let truth = match v {
                            Value::Bool(b) => b,
                            _ => tri!(self.truthy(&v)),
                        };
                        if truth {
                            ip = t as usize;
                        }
                    }
                    Op::JumpIfFalseOrPop(t) => {
                        let v = &self.stack[self.stack.len() - 1];
                        let truth = match v {
                            Value::Bool(b) => *b,
                            _ => {
                                let v = v.clone();
                                tri!(self.truthy(&v))
                            }
                        };
                        if truth {
                            self.stack.pop();
                        } else {
                            ip = t as usize;
                        }
                    }
                    Op::JumpIfTrueOrPop(t) => {
                        let v = &self.stack[self.stack.len() - 1];
                        let truth = match v {
                            Value::Bool(b) => *b,
                            _ => {
                                let v = v.clone();
                                tri!(self.truthy(&v))
                            }
                        };
                        if truth {
                            ip = t as usize;
                        } else {
                            self.stack.pop();
                        }
                    }
                    Op::GetIter => {
                        let v = pop!(self);
                        let it = tri!(self.get_iter(&v));
                        self.stack.push(it);
                    }
                    Op::ForIter(t) => {
                        // Fast path: a range or list iterator, fused with the StoreFast that
                        // usually follows.
                        let fast = match &self.stack[self.stack.len() - 1] {
                            Value::Iter(state) => match state.try_borrow_mut(self.gil()) {
                                Some(mut st) => match &mut *st {
                                    IterState::Range { next, stop, step } => {
                                        if (*step > 0 && *next < *stop)
                                            || (*step < 0 && *next > *stop)
                                        {
                                            let v = *next;
                                            *next = next.checked_add(*step).unwrap_or(*stop);
                                            Some(Some(Value::Int(v)))
                                        } else {
                                            Some(None)
                                        }
                                    }
                                    IterState::List { list, index } => {
                                        let l = list.borrow(self.gil());
                                        match l.get(*index) {
                                            Some(v) => {
                                                let v = fast_clone(v);
                                                drop(l);
                                                *index += 1;
                                                Some(Some(v))
                                            }
                                            None => None,
                                        }
                                    }
                                    _ => None,
                                },
                                None => None,
                            },
                            _ => None,
                        };
                        match fast {
                            Some(Some(v)) => {
                                if let Some(&Op::StoreFast(j)) = ops.get(ip) {
                                    ip += 1;
                                    let slot = &mut self.stack[base + j as usize];
                                    fast_drop(std::mem::replace(slot, v));
                                } else {
                                    self.stack.push(v);
                                }
                                continue;
                            }
                            Some(None) => {
                                if let Some(it) = self.stack.pop() {
                                    drop(it);
                                }
                                ip = t as usize;
                                continue;
                            }
                            None => {}
                        }
                        let it = &self.stack[self.stack.len() - 1];
                        let next = match it {
                            Value::Iter(state) => {
                                let state = state.clone();
                                save_ip!();
                                tri!(self.iter_next(&state))
                            }
                            _ => {
                                let it = it.clone();
                                save_ip!();
                                tri!(self.next(&it))
                            }
                        };
                        match next {
                            Some(v) => self.stack.push(v),
                            None => {
                                self.stack.pop();
                                ip = t as usize;
                            }
                        }
                    }
                    Op::BuildList(n) => {
                        let items = self.stack.split_off(self.stack.len() - n as usize);
                        self.stack.push(Value::list(items));
                    }
                    Op::BuildTuple(n) => {
                        let items = self.stack.split_off(self.stack.len() - n as usize);
                        self.stack.push(Value::tuple(items));
                    }
                    Op::BuildSet(n) => {
                        let items = self.stack.split_off(self.stack.len() - n as usize);
                        let s = tri!(self.build_set(items));
                        self.stack.push(s);
                    }
                    Op::BuildSetConst(n) => {
                        let items = self.stack.split_off(self.stack.len() - n as usize);
                        let s = tri!(crate::object::set_algebra::build_const(self, items));
                        self.stack.push(s);
                    }
                    Op::BuildMap(n) => {
                        let items = self.stack.split_off(self.stack.len() - 2 * n as usize);
                        let d = tri!(self.build_map(items));
                        self.stack.push(d);
                    }
                    Op::BuildString(n) => {
                        let items = self.stack.split_off(self.stack.len() - n as usize);
                        let mut s = String::new();
                        for it in &items {
                            if let Value::Str(p) = it {
                                s.push_str(p.as_str());
                            }
                        }
                        self.stack.push(Value::str(s));
                    }
                    Op::ListAppend(i) => {
                        let v = pop!(self);
                        let target = self.stack[self.stack.len() - i as usize].clone();
                        if let Value::List(l) = target {
                            l.borrow_mut(self.gil()).push(v);
                        }
                    }
                    Op::SetAdd(i) => {
                        let v = pop!(self);
                        let target = self.stack[self.stack.len() - i as usize].clone();
                        if let Value::Set(s) = target {
                            let k = tri!(self.key_in(&s, v));
                            s.borrow_mut(self.gil()).insert(k, ());
                        }
                    }
                    Op::MapAdd(i) => {
                        let v = pop!(self);
                        let k = pop!(self);
                        let target = self.stack[self.stack.len() - i as usize].clone();
                        if let Value::Dict(d) = target {
                            let k = tri!(self.key_in(&d, k));
                            d.borrow_mut(self.gil()).insert(k, v);
                        }
                    }
                    Op::ListExtend(i) => {
                        let v = pop!(self);
                        let target = self.stack[self.stack.len() - i as usize].clone();
                        let items = tri!(self.collect(&v));
                        if let Value::List(l) = target {
                            l.borrow_mut(self.gil()).extend(items);
                        }
                    }
                    Op::SetUpdate(i) => {
                        let v = pop!(self);
                        let target = self.stack[self.stack.len() - i as usize].clone();
                        if let Value::Set(s) = target {
                            tri!(crate::object::set_algebra::update_in_place(self, &s, &v));
                        }
                    }
                    Op::DictUpdate(i) | Op::DictMerge(i) => {
                        let v = pop!(self);
                        let target = self.stack[self.stack.len() - i as usize].clone();
                        let merge = matches!(op, Op::DictMerge(_));
                        tri!(self.dict_update(&target, &v, merge));
                    }
                    Op::ListToTuple => {
                        let v = pop!(self);
                        let t = match v {
                            Value::List(l) => {
                                Value::tuple(std::mem::take(&mut *l.borrow_mut(self.gil())))
                            }
                            other => other,
                        };
                        self.stack.push(t);
                    }
                    Op::FormatValue(flags) => {
                        let r = tri!(self.format_value_op(flags));
                        self.stack.push(r);
                    }
                    Op::UnpackSequence(n) => {
                        let v = pop!(self);
                        tri!(self.unpack_sequence(v, n as usize));
                    }
                    Op::UnpackEx(n) => {
                        let v = pop!(self);
                        tri!(self.unpack_ex(v, (n & 0xff) as usize, (n >> 8) as usize));
                    }
                    Op::MakeFunction(flags) => {
                        let f = tri!(self.make_function(&func, flags));
                        self.stack.push(f);
                    }
                    Op::BuildClass(n) => {
                        save_ip!();
                        let c = tri!(self.build_class_op(n as usize, 0));
                        self.stack.push(c);
                    }
                    Op::BuildClassKw(n) => {
                        save_ip!();
                        let c =
                            tri!(self.build_class_op((n & 0xffff) as usize, (n >> 16) as usize));
                        self.stack.push(c);
                    }
                    Op::SetupExcept(h) => {
                        let block = Block {
                            handler: h,
                            stack_depth: self.stack.len() as u32,
                            handled_depth: self.handled.len() as u32,
                        };
                        self.frames[fi].blocks.push(block);
                    }
                    Op::PopBlock => {
                        self.frames[fi].blocks.pop();
                    }
                    Op::PopExcept => {
                        self.handled.pop();
                    }
                    Op::Reraise => {
                        let exc = pop!(self);
                        self.handled.pop();
                        match exc {
                            Value::Instance(i) if i.exc.is_some() => {
                                raised = Raised::Reraise;
                                break PyErr(i);
                            }
                            _ => break self.runtime_error("gilvm: Reraise of a non-exception"),
                        }
                    }
                    Op::Raise(n) => {
                        save_ip!();
                        let (e, how) = self.raise_op(n);
                        raised = how;
                        break e;
                    }
                    Op::CheckExcMatch => {
                        let ty = pop!(self);
                        let exc = &self.stack[self.stack.len() - 1];
                        let exc = exc.clone();
                        let m = tri!(self.exc_matches(&exc, &ty));
                        self.stack.push(Value::Bool(m));
                    }
                    Op::CheckEgMatch => {
                        save_ip!();
                        tri!(self.check_eg_match_op());
                    }
                    Op::PrepReraiseStar => {
                        save_ip!();
                        tri!(self.prep_reraise_star_op());
                    }
                    Op::LoadAssertionError => {
                        self.stack
                            .push(Value::Class(self.types().assertion_error.clone()));
                    }
                    Op::BeforeWith => {
                        let cm = pop!(self);
                        save_ip!();
                        let exit = tri!(self.special_method(&cm, "__exit__"));
                        let enter = tri!(self.special_method(&cm, "__enter__"));
                        self.stack.push(exit);
                        // Called like a function (a user `__enter__` runs as a frame of this
                        // loop, and this frame keeps its function, which tracebacks and the
                        // deadlock report read).
                        let ret = self.stack.len();
                        self.stack.push(enter);
                        do_call!(self.call_from_stack(ret, ret + 1, None))
                    }
                    Op::WithExceptStart => {
                        let n = self.stack.len();
                        let exit = self.stack[n - 2].clone();
                        let exc = self.stack[n - 1].clone();
                        save_ip!();
                        let ty = Value::Class(self.type_of(&exc));
                        let tb = crate::object::class::native(crate::object::error::TracebackObj);
                        let r = tri!(self.call(&exit, &[ty, exc, tb]));
                        self.stack.push(r);
                    }
                    Op::ImportName(i) => {
                        save_ip!();
                        let name = code.names[i as usize].clone();
                        let fromlist = pop!(self);
                        let level = pop!(self);
                        let globals = func.globals.clone();
                        let m = tri!(self.import_name(name.as_str(), &globals, &fromlist, &level));
                        self.stack.push(m);
                    }
                    Op::ImportFrom(i) => {
                        let m = self.stack[self.stack.len() - 1].clone();
                        let v = tri!(self.import_from(&m, code.names[i as usize].as_str()));
                        self.stack.push(v);
                    }
                    Op::ImportStar => {
                        let m = pop!(self);
                        tri!(self.import_star(fi, &func, &m));
                    }
                    Op::YieldValue => {
                        let v = pop!(self);
                        self.frames[fi].ip = ip as u32;
                        self.frames[fi].func = Some(func);
                        if let Err(e) = self.suspend_frame() {
                            leave!(Err(e));
                        }
                        leave!(Ok(v));
                    }
                    Op::YieldFrom => {
                        let v = pop!(self);
                        let it = self.stack[self.stack.len() - 1].clone();
                        save_ip!();
                        match tri!(self.yield_from_step(&it, v)) {
                            crate::interp::generator::GenStep::Returned(r) => {
                                let n = self.stack.len();
                                self.stack[n - 1] = r;
                            }
                            crate::interp::generator::GenStep::Yielded(y) => {
                                // Re-execute this YieldFrom with the value sent on resume.
                                self.frames[fi].ip = (ip - 1) as u32;
                                self.frames[fi].func = Some(func);
                                if let Err(e) = self.suspend_frame() {
                                    leave!(Err(e));
                                }
                                leave!(Ok(y));
                            }
                        }
                    }
                    Op::GetAwaitable => {
                        let v = pop!(self);
                        save_ip!();
                        let a = tri!(self.get_awaitable(v));
                        self.stack.push(a);
                    }
                    Op::BeforeAsyncWith => {
                        let cm = pop!(self);
                        save_ip!();
                        tri!(self.before_async_with(cm));
                    }
                    Op::GetAIter => {
                        let v = pop!(self);
                        save_ip!();
                        let it = tri!(self.get_aiter(v));
                        self.stack.push(it);
                    }
                    Op::GetANext => {
                        save_ip!();
                        tri!(self.get_anext());
                    }
                    Op::EndAsyncFor => {
                        if let Some(e) = self.end_async_for() {
                            raised = Raised::Reraise;
                            break e;
                        }
                    }
                    Op::MatchSequence => {
                        let b = self.match_is_sequence(&self.stack[self.stack.len() - 1]);
                        self.stack.push(Value::Bool(b));
                    }
                    Op::MatchMapping => {
                        let b = self.match_is_mapping(&self.stack[self.stack.len() - 1]);
                        self.stack.push(Value::Bool(b));
                    }
                    Op::GetLen => {
                        let v = self.stack[self.stack.len() - 1].clone();
                        save_ip!();
                        let n = tri!(self.len(&v));
                        self.stack.push(Value::Int(n as i64));
                    }
                    Op::MatchKeys => {
                        let n = self.stack.len();
                        let (subject, keys) =
                            (self.stack[n - 2].clone(), self.stack[n - 1].clone());
                        save_ip!();
                        let values = tri!(self.match_keys(&subject, &keys));
                        self.stack.push(values);
                    }
                    Op::CopyDictWithoutKeys => {
                        let keys = pop!(self);
                        let subject = pop!(self);
                        save_ip!();
                        let rest = tri!(self.copy_dict_without_keys(&subject, &keys));
                        self.stack.push(rest);
                    }
                    Op::MatchClass(n) => {
                        let names = pop!(self);
                        let cls = pop!(self);
                        let subject = pop!(self);
                        save_ip!();
                        let attrs = tri!(self.match_class(&subject, &cls, &names, n as usize));
                        self.stack.push(attrs);
                    }
                }
            };
            // Cold path: an instruction raised.
            self.frames[fi].ip = ip as u32;
            self.frames[fi].func = Some(func);
            let how = raised;
            raised = Raised::New;
            unwind_or_leave!(err, how);
        }
    }

    #[inline]
    fn cell(
        &self,
        fi: usize,
        func: &crate::object::value::Function,
        i: u32,
    ) -> Arc<crate::object::value::Cell> {
        let frame = &self.frames[fi];
        let i = i as usize;
        if i < frame.cells.len() {
            frame.cells[i].clone()
        } else {
            let k = i - frame.cells.len();
            match func.closure.get(k) {
                Some(c) => c.clone(),
                None => Arc::new(crate::object::gilcell::GilCell::new(None)),
            }
        }
    }

    #[cold]
    fn unbound_local(&self, code: &crate::object::value::Code, i: u32) -> PyErr {
        let name = code
            .code
            .varnames
            .get(i as usize)
            .map(|s| &**s)
            .unwrap_or("?");
        self.new_error(
            &self.types().unbound_local_error.clone(),
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }

    #[cold]
    fn unbound_deref(&self, code: &crate::object::value::Code, i: u32) -> PyErr {
        let co = &code.code;
        let i = i as usize;
        if i < co.cellvars.len() {
            let name = &co.cellvars[i];
            self.new_error(
                &self.types().unbound_local_error.clone(),
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        } else {
            let name = co
                .freevars
                .get(i - co.cellvars.len())
                .map(|s| &**s)
                .unwrap_or("?");
            self.name_error(format!(
                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
            ))
        }
    }
}
