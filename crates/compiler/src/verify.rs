//! A stack-depth verifier: simulates the operand stack depth, the block stack and the
//! handled-exception depth along every path of a code object, checking that each instruction is
//! always reached in the same state, that no pop goes below zero, that `Return` leaves no open
//! block or handled exception, and that operands index existing constants, names and slots. It
//! also gives the `max_stack` of a code object.

use crate::assemble::is_terminal;
use crate::code::{CodeObject, Const};
use crate::op::*;

#[derive(Clone, Debug, PartialEq, Eq)]
struct State {
    depth: i32,
    /// (handler, operand depth, handled depth) of each pushed block.
    blocks: Vec<(u32, i32, i32)>,
    handled: i32,
}

/// Net stack effect of an instruction when it falls through (jumps are handled separately).
fn effect(op: &Op) -> (i32, i32) {
    // (pops, pushes)
    match *op {
        Op::Nop => (0, 0),
        Op::Pop => (1, 0),
        Op::Dup => (1, 2),
        Op::DupTwo => (2, 4),
        Op::Rot2 => (2, 2),
        Op::Rot3 => (3, 3),
        Op::Rot4 => (4, 4),
        Op::LoadConst(_)
        | Op::LoadNone
        | Op::LoadSmallInt(_)
        | Op::LoadFast(_)
        | Op::LoadDeref(_)
        | Op::LoadClosure(_)
        | Op::LoadGlobal(_)
        | Op::LoadName(_) => (0, 1),
        Op::StoreFast(_) | Op::StoreDeref(_) | Op::StoreGlobal(_) | Op::StoreName(_) => (1, 0),
        Op::DeleteFast(_) | Op::DeleteDeref(_) | Op::DeleteGlobal(_) | Op::DeleteName(_) => (0, 0),
        Op::LoadAttr(_) => (1, 1),
        Op::StoreAttr(_) => (2, 0),
        Op::DeleteAttr(_) => (1, 0),
        Op::LoadMethod(_) => (1, 2),
        Op::CallMethod(n) => (n as i32 + 2, 1),
        Op::Subscript => (2, 1),
        Op::StoreSubscript => (3, 0),
        Op::DeleteSubscript => (2, 0),
        Op::BuildSlice(n) => (n as i32, 1),
        Op::Binary(_) | Op::InplaceBinary(_) | Op::Compare(_) => (2, 1),
        Op::Neg | Op::Pos | Op::Invert | Op::Not => (1, 1),
        Op::Jump(_) => (0, 0),
        Op::PopJumpIfFalse(_) | Op::PopJumpIfTrue(_) => (1, 0),
        Op::JumpIfFalseOrPop(_) | Op::JumpIfTrueOrPop(_) => (1, 0),
        Op::GetIter => (1, 1),
        Op::ForIter(_) => (1, 2),
        Op::BuildList(n)
        | Op::BuildTuple(n)
        | Op::BuildSet(n)
        | Op::BuildSetConst(n)
        | Op::BuildString(n) => (n as i32, 1),
        Op::BuildMap(n) => (2 * n as i32, 1),
        // The collection is i items deep; the values above it are only read.
        Op::ListAppend(i) | Op::SetAdd(i) | Op::ListExtend(i) | Op::SetUpdate(i) => {
            (i as i32 + 1, i as i32)
        }
        Op::DictUpdate(i) | Op::DictMerge(i) => (i as i32 + 1, i as i32),
        Op::MapAdd(i) => (i as i32 + 2, i as i32),
        Op::ListToTuple => (1, 1),
        Op::FormatValue(f) => (if f & FORMAT_HAS_SPEC != 0 { 2 } else { 1 }, 1),
        Op::UnpackSequence(n) => (1, n as i32),
        Op::UnpackEx(n) => (1, (n & 0xFF) as i32 + (n >> 8) as i32 + 1),
        Op::MakeFunction(f) => (1 + (f & 0b1111).count_ones() as i32, 1),
        Op::Call(n) => (n as i32 + 1, 1),
        Op::CallKw(n) => (n as i32 + 2, 1),
        Op::CallEx(f) => (2 + (f & 1) as i32, 1),
        Op::Return => (1, 0),
        Op::BuildClass(n) => (n as i32 + 2, 1),
        Op::BuildClassKw(n) => ((n & 0xFFFF) as i32 + (n >> 16) as i32 + 3, 1),
        Op::SetupExcept(_) | Op::PopBlock | Op::PopExcept => (0, 0),
        Op::Reraise => (1, 0),
        Op::Raise(n) => (n as i32, 0),
        Op::CheckExcMatch => (2, 2),
        Op::CheckEgMatch => (2, 3),
        Op::PrepReraiseStar => (2, 2),
        Op::LoadAssertionError => (0, 1),
        Op::BeforeWith => (1, 2),
        Op::WithExceptStart => (2, 3),
        Op::ImportName(_) => (2, 1),
        Op::ImportFrom(_) => (1, 2),
        Op::ImportStar => (1, 0),
        Op::YieldValue => (1, 1),
        Op::YieldFrom => (2, 1),
        Op::GetAwaitable => (1, 1),
        Op::BeforeAsyncWith => (1, 2),
        Op::GetAIter => (1, 1),
        Op::GetANext => (1, 2),
        Op::EndAsyncFor => (2, 0),
        Op::MatchSequence | Op::MatchMapping | Op::GetLen => (1, 2),
        Op::MatchKeys => (2, 3),
        Op::CopyDictWithoutKeys => (2, 1),
        Op::MatchClass(_) => (3, 1),
    }
}

/// Simulate all paths; returns the deepest operand stack.
pub fn max_stack(code: &[Op]) -> Result<u32, String> {
    let n = code.len();
    if n == 0 {
        return Err("empty code".into());
    }
    if !is_terminal(&code[n - 1]) {
        return Err("code does not end with a terminal instruction".into());
    }
    let mut states: Vec<Option<State>> = vec![None; n];
    let mut work = vec![0usize];
    states[0] = Some(State {
        depth: 0,
        blocks: Vec::new(),
        handled: 0,
    });
    let mut max = 0i32;
    while let Some(i) = work.pop() {
        let Some(state) = states[i].clone() else {
            continue;
        };
        let op = code[i];
        let (pops, pushes) = effect(&op);
        if state.depth < pops {
            return Err(format!(
                "stack underflow at {i} ({op:?}): depth {} < {pops}",
                state.depth
            ));
        }
        let mut next = state.clone();
        next.depth = state.depth - pops + pushes;
        max = max.max(state.depth).max(next.depth);
        let mut succ: Vec<(usize, State)> = Vec::new();
        match op {
            Op::SetupExcept(h) => {
                let handler = State {
                    depth: state.depth + 1,
                    blocks: state.blocks.clone(),
                    handled: state.handled + 1,
                };
                max = max.max(handler.depth);
                succ.push((h as usize, handler));
                next.blocks.push((h, state.depth, state.handled));
            }
            Op::PopBlock => {
                if next.blocks.pop().is_none() {
                    return Err(format!("PopBlock without a block at {i}"));
                }
            }
            Op::PopExcept | Op::EndAsyncFor => {
                next.handled -= 1;
                if next.handled < 0 {
                    return Err(format!("PopExcept without a handled exception at {i}"));
                }
            }
            Op::Return => {
                if !state.blocks.is_empty() || state.handled != 0 {
                    return Err(format!(
                        "Return at {i} with {} open blocks and {} handled exceptions",
                        state.blocks.len(),
                        state.handled
                    ));
                }
            }
            Op::JumpIfFalseOrPop(t) | Op::JumpIfTrueOrPop(t) => {
                succ.push((t as usize, state.clone()));
            }
            Op::ForIter(t) => {
                let mut exhausted = state.clone();
                exhausted.depth -= 1;
                succ.push((t as usize, exhausted));
            }
            _ => {
                if let Some(t) = op.jump_target() {
                    succ.push((t as usize, next.clone()));
                }
            }
        }
        if !is_terminal(&op) {
            succ.push((i + 1, next));
        }
        for (t, s) in succ {
            if t >= n {
                return Err(format!("jump out of range at {i} ({op:?})"));
            }
            match &states[t] {
                None => {
                    states[t] = Some(s);
                    work.push(t);
                }
                Some(old) if *old != s => {
                    return Err(format!(
                        "inconsistent state at {t} (from {i} {op:?}): {old:?} vs {s:?}"
                    ));
                }
                Some(_) => {}
            }
        }
    }
    Ok(max as u32)
}

/// A safe over-estimate of the stack depth (used only if verification failed).
pub fn stack_upper_bound(code: &[Op]) -> u32 {
    code.iter().map(|op| effect(op).1.max(0) as u32 + 1).sum()
}

/// Full check of a code object and its nested code objects: stack discipline (as
/// [`max_stack`]), `max_stack` matching, and every operand in range.
pub fn verify(code: &CodeObject) -> Result<(), String> {
    let ctx = |e: String| format!("{}: {e}", code.qualname);
    let max = max_stack(&code.code).map_err(ctx)?;
    if max > code.max_stack {
        return Err(ctx(format!(
            "max_stack {} below real depth {max}",
            code.max_stack
        )));
    }
    if code.spans.len() != code.code.len() || code.lines.len() != code.code.len() {
        return Err(ctx("spans/lines length mismatch".into()));
    }
    let ncells = (code.cellvars.len() + code.freevars.len()) as u32;
    for (i, op) in code.code.iter().enumerate() {
        let bad = match *op {
            Op::LoadConst(c) => c as usize >= code.consts.len(),
            Op::LoadFast(v) | Op::StoreFast(v) | Op::DeleteFast(v) => {
                v as usize >= code.varnames.len()
            }
            Op::LoadDeref(c) | Op::StoreDeref(c) | Op::DeleteDeref(c) | Op::LoadClosure(c) => {
                c >= ncells
            }
            Op::LoadGlobal(x)
            | Op::StoreGlobal(x)
            | Op::DeleteGlobal(x)
            | Op::LoadName(x)
            | Op::StoreName(x)
            | Op::DeleteName(x)
            | Op::LoadAttr(x)
            | Op::StoreAttr(x)
            | Op::DeleteAttr(x)
            | Op::LoadMethod(x)
            | Op::ImportName(x)
            | Op::ImportFrom(x) => x as usize >= code.names.len(),
            Op::CallKw(n) => {
                // The names tuple is the constant loaded just before.
                match i.checked_sub(1).map(|j| code.code[j]) {
                    Some(Op::LoadConst(c)) => {
                        !matches!(code.consts.get(c as usize), Some(Const::Tuple(t)) if t.len() <= n as usize)
                    }
                    _ => true,
                }
            }
            Op::MakeFunction(_) => !matches!(
                i.checked_sub(1).map(|j| code.code[j]),
                Some(Op::LoadConst(c)) if matches!(code.consts.get(c as usize), Some(Const::Code(_)))
            ),
            _ => false,
        };
        if bad {
            return Err(ctx(format!("bad operand at {i}: {op:?}")));
        }
    }
    if code.cell_params.len() != code.cellvars.len() {
        return Err(ctx("cell_params length mismatch".into()));
    }
    for c in &code.consts {
        if let Const::Code(inner) = c {
            verify(inner)?;
        }
    }
    Ok(())
}
