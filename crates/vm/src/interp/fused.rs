//! Fast paths of the eval loop that run a short, very common instruction sequence as one step
//! (a "superinstruction" decided at run time: the compiler emits the plain instructions, and the
//! eval loop looks ahead from the first one). Each returns where to continue, or `None` having
//! done nothing, so the instructions then run one by one as usual: the sequences stay valid
//! jump targets, the disassembly is unchanged, and the slow paths keep every error message.

use gilvm_compiler::Op;
use gilvm_syntax::ast::{BinOp, CmpOp};

use crate::object::gilcell::Gil;
use crate::object::value::{Key, List, Value};
use crate::protocol::hash::StrKey;

/// Clone without an out-of-line call for the inline (refcount-free) values.
#[inline(always)]
pub(crate) fn fast_clone(v: &Value) -> Value {
    match v {
        Value::Int(i) => Value::Int(*i),
        Value::None => Value::None,
        Value::Bool(b) => Value::Bool(*b),
        Value::Float(f) => Value::Float(*f),
        // The common shared objects: an inline reference-count increment, no call.
        Value::List(l) => Value::List(l.clone()),
        Value::Str(s) => Value::Str(s.clone()),
        Value::Function(f) => Value::Function(f.clone()),
        Value::Tuple(t) => Value::Tuple(t.clone()),
        Value::Dict(d) => Value::Dict(d.clone()),
        _ => v.clone(),
    }
}

/// Drop without an out-of-line call for the inline values.
#[inline(always)]
pub(crate) fn fast_drop(v: Value) {
    match v {
        Value::Int(_) | Value::None | Value::Bool(_) | Value::Float(_) => std::mem::forget(v),
        // An inline decrement; the call happens only when the object dies.
        Value::List(l) => drop(l),
        Value::Str(s) => drop(s),
        Value::Function(f) => drop(f),
        Value::Tuple(t) => drop(t),
        Value::Dict(d) => drop(d),
        _ => drop(v),
    }
}

/// Push an int so that its tag and payload are stored straight into the stack slot. A plain
/// `push(Value::Int(x))` gets merged with the other pushes of the loop, which build the value in
/// a temporary piecewise and then copy it whole: a store-forwarding stall on every push.
#[inline(always)]
pub(crate) fn push_int(stack: &mut Vec<Value>, x: i64) {
    stack.push(Value::None);
    if let Some(top) = stack.last_mut() {
        std::mem::forget(std::mem::replace(top, Value::Int(x)));
    }
}

/// Drop a returning frame without a call when it owns nothing (the usual case).
#[inline(always)]
pub(crate) fn drop_frame(frame: crate::interp::frame::Frame) {
    if frame.func.is_none()
        && frame.namespace.is_none()
        && frame.cells.capacity() == 0
        && frame.blocks.capacity() == 0
    {
        // Nothing to free: every owning field is empty.
        std::mem::forget(frame);
    } else {
        drop(frame);
    }
}

/// The fused form of `LoadFast(int x); LoadSmallInt(c); <op at ip>` for the common ops:
/// int comparison (and a following conditional jump) and int `+`/`-` (and a following
/// StoreFast, updated in place). Returns where to continue, or `None` (nothing done) when
/// the sequence is something else or the arithmetic overflows: the caller then runs the
/// instructions one by one.
#[inline(always)]
pub(crate) fn int_const_op(
    stack: &mut Vec<Value>,
    ops: &[Op],
    ip: usize,
    base: usize,
    x: i64,
    c: i32,
) -> Option<usize> {
    let y = c as i64;
    match ops.get(ip) {
        Some(&Op::Compare(cop)) => {
            let r = match cop {
                CmpOp::Lt => x < y,
                CmpOp::Gt => x > y,
                CmpOp::LtE => x <= y,
                CmpOp::GtE => x >= y,
                CmpOp::Eq => x == y,
                CmpOp::NotEq => x != y,
                _ => return None,
            };
            match ops.get(ip + 1) {
                Some(&Op::PopJumpIfFalse(t)) => Some(if r { ip + 2 } else { t as usize }),
                Some(&Op::PopJumpIfTrue(t)) => Some(if r { t as usize } else { ip + 2 }),
                _ => {
                    stack.push(Value::Bool(r));
                    Some(ip + 1)
                }
            }
        }
        Some(&(Op::Binary(bop) | Op::InplaceBinary(bop))) => {
            let r = match bop {
                BinOp::Add => x.checked_add(y)?,
                BinOp::Sub => x.checked_sub(y)?,
                _ => return None,
            };
            match ops.get(ip + 1) {
                Some(&Op::StoreFast(j)) => {
                    match &mut stack[base + j as usize] {
                        // Only the payload changes: no tag store, no drop.
                        Value::Int(slot) => *slot = r,
                        slot => drop(std::mem::replace(slot, Value::Int(r))),
                    }
                    Some(ip + 2)
                }
                _ => {
                    push_int(stack, r);
                    Some(ip + 1)
                }
            }
        }
        _ => None,
    }
}

/// `<list>; LoadFast(j); Subscript` (and a following PopJumpIfFalse/PopJumpIfTrue on a bool
/// item) or `[v] <list>; LoadFast(j); StoreSubscript` with the int local j in range, the list
/// borrowed where it lives (no reference count). `ip` is at the LoadFast.
#[inline(always)]
pub(crate) fn list_index_op(
    stack: &mut Vec<Value>,
    gil: Gil,
    list: &List,
    ops: &[Op],
    ip: usize,
    base: usize,
) -> Option<usize> {
    let Some(&Op::LoadFast(j)) = ops.get(ip) else {
        return None;
    };
    let Some(Value::Int(k)) = stack.get(base + j as usize) else {
        return None;
    };
    let k = *k;
    match ops.get(ip + 1) {
        Some(Op::Subscript) => {
            let l = list.borrow(gil);
            let idx = if k < 0 { k + l.len() as i64 } else { k };
            let v = l.get(usize::try_from(idx).ok()?)?;
            match (v, ops.get(ip + 2)) {
                (Value::Bool(b), Some(&Op::PopJumpIfFalse(t))) => {
                    Some(if *b { ip + 3 } else { t as usize })
                }
                (Value::Bool(b), Some(&Op::PopJumpIfTrue(t))) => {
                    Some(if *b { t as usize } else { ip + 3 })
                }
                _ => {
                    let v = fast_clone(v);
                    drop(l);
                    stack.push(v);
                    Some(ip + 2)
                }
            }
        }
        Some(Op::StoreSubscript) => {
            let mut l = list.try_borrow_mut(gil)?;
            let idx = if k < 0 { k + l.len() as i64 } else { k };
            let slot = l.get_mut(usize::try_from(idx).ok()?)?;
            let v = stack.pop()?;
            let old = std::mem::replace(slot, v);
            drop(l);
            fast_drop(old);
            Some(ip + 2)
        }
        _ => None,
    }
}

/// An index into a sequence of `len` items (negative counts from the end), if in range.
#[inline(always)]
fn index_in(k: i64, len: usize) -> Option<usize> {
    let idx = if k < 0 { k + len as i64 } else { k };
    usize::try_from(idx).ok().filter(|&i| i < len)
}

/// `LoadFast(a); LoadFast(b); Subscript` or `[v] LoadFast(a); LoadFast(b); StoreSubscript` with
/// local a a list indexed by an int in range or a dict keyed by a str (for a read: present),
/// using the locals where they live (no reference counts). `ip` is at the second LoadFast.
#[inline(always)]
pub(crate) fn local_index_op(
    stack: &mut Vec<Value>,
    gil: Gil,
    ops: &[Op],
    ip: usize,
    base: usize,
    a: u32,
) -> Option<usize> {
    let Some(&Op::LoadFast(b)) = ops.get(ip) else {
        return None;
    };
    let (a, b) = (base + a as usize, base + b as usize);
    match ops.get(ip + 1)? {
        Op::Subscript => {
            let v = match (stack.get(a)?, stack.get(b)?) {
                (Value::List(l), Value::Int(k)) => {
                    let l = l.borrow(gil);
                    fast_clone(&l[index_in(*k, l.len())?])
                }
                (Value::Dict(d), Value::Str(s)) => {
                    fast_clone(d.borrow(gil).get(&StrKey::new(s.as_str()))?)
                }
                _ => return None,
            };
            stack.push(v);
            Some(ip + 2)
        }
        Op::StoreSubscript => {
            let ok = match (stack.get(a)?, stack.get(b)?) {
                (Value::List(l), Value::Int(k)) => {
                    index_in(*k, l.try_borrow_mut(gil)?.len()).is_some()
                }
                (Value::Dict(d), Value::Str(_)) => d.try_borrow_mut(gil).is_some(),
                _ => false,
            };
            // The value stored is on top, above the locals.
            if !ok || stack.len() <= a.max(b) + 1 {
                return None;
            }
            let v = stack.pop()?;
            let old = match (&stack[a], &stack[b]) {
                (Value::List(l), Value::Int(k)) => {
                    let mut l = l.borrow_mut(gil);
                    match index_in(*k, l.len()) {
                        Some(i) => std::mem::replace(&mut l[i], v),
                        None => v,
                    }
                }
                (Value::Dict(d), Value::Str(s)) => {
                    let mut d = d.borrow_mut(gil);
                    let key = StrKey::new(s.as_str());
                    match d.get_mut(&key) {
                        Some(slot) => std::mem::replace(slot, v),
                        None => {
                            let hash = key.hash;
                            d.insert(
                                Key {
                                    hash,
                                    value: Value::Str(s.clone()),
                                },
                                v,
                            );
                            Value::None
                        }
                    }
                }
                _ => v,
            };
            fast_drop(old);
            Some(ip + 2)
        }
        _ => None,
    }
}
