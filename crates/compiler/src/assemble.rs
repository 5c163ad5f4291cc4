//! From labelled instructions to final code: resolve labels, thread jumps, drop unreachable
//! code and no-ops, and remap jump targets.

use gilvm_syntax::Span;

use crate::op::Op;

/// Replace the target of a jumping instruction.
pub(crate) fn with_target(op: Op, t: u32) -> Op {
    match op {
        Op::Jump(_) => Op::Jump(t),
        Op::PopJumpIfFalse(_) => Op::PopJumpIfFalse(t),
        Op::PopJumpIfTrue(_) => Op::PopJumpIfTrue(t),
        Op::JumpIfFalseOrPop(_) => Op::JumpIfFalseOrPop(t),
        Op::JumpIfTrueOrPop(_) => Op::JumpIfTrueOrPop(t),
        Op::ForIter(_) => Op::ForIter(t),
        Op::SetupExcept(_) => Op::SetupExcept(t),
        other => other,
    }
}

/// Does control never fall through to the next instruction?
pub(crate) fn is_terminal(op: &Op) -> bool {
    matches!(op, Op::Jump(_) | Op::Return | Op::Raise(_) | Op::Reraise)
}

pub(crate) fn assemble(
    mut code: Vec<Op>,
    mut spans: Vec<Span>,
    labels: &[u32],
) -> (Vec<Op>, Vec<Span>) {
    let last = code.len().saturating_sub(1) as u32;
    for op in code.iter_mut() {
        if let Some(l) = op.jump_target() {
            let t = labels.get(l as usize).copied().unwrap_or(u32::MAX);
            debug_assert!(t <= last, "unbound or out-of-range label");
            *op = with_target(*op, t.min(last));
        }
    }
    for _ in 0..8 {
        let mut changed = thread_jumps(&mut code);
        changed |= remove_dead(&mut code, &mut spans);
        if !changed {
            break;
        }
    }
    (code, spans)
}

/// Retarget jumps whose target is an unconditional jump; turn jumps to the next instruction
/// into no-ops; fold `JumpIf*OrPop` chains.
fn thread_jumps(code: &mut [Op]) -> bool {
    let mut changed = false;
    for i in 0..code.len() {
        let op = code[i];
        let Some(mut t) = op.jump_target() else {
            continue;
        };
        let mut hops = 0;
        while let Some(Op::Jump(next)) = code.get(t as usize).copied() {
            if next == t || hops > 16 {
                break;
            }
            t = next;
            hops += 1;
        }
        // `a and b and c`: a falsy value jumping to another JumpIfFalseOrPop jumps on; jumping
        // to a JumpIfTrueOrPop it would be popped there, so pop it here instead.
        let mut new = with_target(op, t);
        match (op, code.get(t as usize).copied()) {
            (Op::JumpIfFalseOrPop(_), Some(Op::JumpIfFalseOrPop(t2)))
            | (Op::JumpIfTrueOrPop(_), Some(Op::JumpIfTrueOrPop(t2)))
                if t2 != t =>
            {
                new = with_target(op, t2);
            }
            (Op::JumpIfFalseOrPop(_), Some(Op::JumpIfTrueOrPop(_))) => {
                new = Op::PopJumpIfFalse(t + 1)
            }
            (Op::JumpIfTrueOrPop(_), Some(Op::JumpIfFalseOrPop(_))) => {
                new = Op::PopJumpIfTrue(t + 1)
            }
            _ => {}
        }
        if matches!(new, Op::Jump(x) if x as usize == i + 1) {
            new = Op::Nop;
        }
        if new != op {
            code[i] = new;
            changed = true;
        }
    }
    changed
}

/// Remove unreachable instructions and no-ops, remapping jump targets.
fn remove_dead(code: &mut Vec<Op>, spans: &mut Vec<Span>) -> bool {
    let n = code.len();
    let mut reachable = vec![false; n];
    let mut work = vec![0usize];
    while let Some(i) = work.pop() {
        if i >= n || reachable[i] {
            continue;
        }
        reachable[i] = true;
        let op = &code[i];
        if let Some(t) = op.jump_target() {
            work.push(t as usize);
        }
        if !is_terminal(op) {
            work.push(i + 1);
        }
    }
    let keep: Vec<bool> = (0..n).map(|i| reachable[i] && code[i] != Op::Nop).collect();
    if keep.iter().all(|&k| k) {
        return false;
    }
    // new_index[i]: index in the new code of the first kept instruction at or after i.
    let mut new_index = vec![0u32; n + 1];
    let mut count = 0u32;
    for i in 0..n {
        new_index[i] = count;
        if keep[i] {
            count += 1;
        }
    }
    new_index[n] = count;
    let last = count.saturating_sub(1);
    let mut out = Vec::with_capacity(count as usize);
    let mut out_spans = Vec::with_capacity(count as usize);
    for i in 0..n {
        if !keep[i] {
            continue;
        }
        let op = match code[i].jump_target() {
            Some(t) => with_target(code[i], new_index[(t as usize).min(n)].min(last)),
            None => code[i],
        };
        out.push(op);
        out_spans.push(spans[i]);
    }
    *code = out;
    *spans = out_spans;
    true
}
