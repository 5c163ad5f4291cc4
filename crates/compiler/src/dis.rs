//! A disassembler in the style of CPython's `dis`:
//!
//! ```text
//! Disassembly of <code object f at line 3>:
//!   4           0 LoadFast                 0 (x)
//!               1 LoadSmallInt             1
//!               2 Binary                   + (+)
//!   5     >>    3 Return
//! ```
//!
//! The line number starts each line's first instruction, `>>` marks jump targets, then the
//! offset (an instruction index), the opcode, its operand and the resolved operand. Nested code
//! objects follow their parent.

use std::fmt::Write;

use crate::code::{CodeObject, Const};
use crate::op::*;

pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    dis_recursive(code, &mut out);
    out
}

fn dis_recursive(code: &CodeObject, out: &mut String) {
    if !out.is_empty() {
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "Disassembly of <code object {} at line {}>:",
        code.qualname, code.first_line
    );
    dis_code(code, out);
    for c in &code.consts {
        if let Const::Code(inner) = c {
            dis_recursive(inner, out);
        }
    }
}

fn dis_code(code: &CodeObject, out: &mut String) {
    let mut targets = vec![false; code.code.len()];
    for op in &code.code {
        if let Some(t) = op.jump_target() {
            if let Some(slot) = targets.get_mut(t as usize) {
                *slot = true;
            }
        }
    }
    let mut last_line = None;
    for (i, op) in code.code.iter().enumerate() {
        let line = code.lines.get(i).copied();
        let line_col = if line != last_line {
            if last_line.is_some() {
                out.push('\n');
            }
            last_line = line;
            line.map(|l| l.to_string()).unwrap_or_default()
        } else {
            String::new()
        };
        let marker = if targets[i] { ">>" } else { "  " };
        let (name, arg, resolved) = describe(code, op);
        let mut text = format!("{line_col:>4}     {marker} {i:>5} {name:<20}");
        match arg {
            Some(a) => {
                let _ = write!(text, " {a:>4}");
            }
            None if resolved.is_some() => text.push_str("     "),
            None => {}
        }
        if let Some(r) = resolved {
            let _ = write!(text, " ({r})");
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
}

fn name_of(v: &[std::sync::Arc<str>], i: u32) -> String {
    v.get(i as usize)
        .map(|s| s.to_string())
        .unwrap_or_else(|| "?".into())
}

fn cell_name(code: &CodeObject, i: u32) -> String {
    let i = i as usize;
    code.cellvars
        .get(i)
        .or_else(|| code.freevars.get(i.wrapping_sub(code.cellvars.len())))
        .map(|s| s.to_string())
        .unwrap_or_else(|| "?".into())
}

/// Opcode name, numeric operand, resolved operand.
fn describe(code: &CodeObject, op: &Op) -> (String, Option<String>, Option<String>) {
    let dbg = format!("{op:?}");
    let name = dbg.split('(').next().unwrap_or("").to_string();
    let (arg, resolved): (Option<String>, Option<String>) = match *op {
        Op::LoadConst(i) => (
            Some(i.to_string()),
            Some(
                code.consts
                    .get(i as usize)
                    .map(const_repr)
                    .unwrap_or_else(|| "?".into()),
            ),
        ),
        Op::LoadSmallInt(v) => (Some(v.to_string()), None),
        Op::LoadFast(i) | Op::StoreFast(i) | Op::DeleteFast(i) => {
            (Some(i.to_string()), Some(name_of(&code.varnames, i)))
        }
        Op::LoadDeref(i) | Op::StoreDeref(i) | Op::DeleteDeref(i) | Op::LoadClosure(i) => {
            (Some(i.to_string()), Some(cell_name(code, i)))
        }
        Op::LoadGlobal(i)
        | Op::StoreGlobal(i)
        | Op::DeleteGlobal(i)
        | Op::LoadName(i)
        | Op::StoreName(i)
        | Op::DeleteName(i)
        | Op::LoadAttr(i)
        | Op::StoreAttr(i)
        | Op::DeleteAttr(i)
        | Op::LoadMethod(i)
        | Op::ImportName(i)
        | Op::ImportFrom(i) => (Some(i.to_string()), Some(name_of(&code.names, i))),
        Op::Binary(b) => (None, Some(b.symbol().to_string())),
        Op::InplaceBinary(b) => (None, Some(format!("{}=", b.symbol()))),
        Op::Compare(c) => (None, Some(c.symbol().to_string())),
        Op::Jump(t)
        | Op::PopJumpIfFalse(t)
        | Op::PopJumpIfTrue(t)
        | Op::JumpIfFalseOrPop(t)
        | Op::JumpIfTrueOrPop(t)
        | Op::ForIter(t)
        | Op::SetupExcept(t) => (Some(t.to_string()), Some(format!("to {t}"))),
        Op::FormatValue(f) => {
            let conv = match f & FORMAT_CONV_MASK {
                FORMAT_CONV_STR => "str",
                FORMAT_CONV_REPR => "repr",
                FORMAT_CONV_ASCII => "ascii",
                _ => "",
            };
            let spec = if f & FORMAT_HAS_SPEC != 0 {
                "with format"
            } else {
                ""
            };
            let r = [conv, spec]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            (
                Some(f.to_string()),
                if r.is_empty() { None } else { Some(r) },
            )
        }
        Op::UnpackEx(n) => (
            Some(n.to_string()),
            Some(format!("{} before, {} after", n & 0xFF, n >> 8)),
        ),
        Op::MakeFunction(f) => {
            let mut parts = Vec::new();
            if f & MAKE_FUNCTION_DEFAULTS != 0 {
                parts.push("defaults");
            }
            if f & MAKE_FUNCTION_KWDEFAULTS != 0 {
                parts.push("kwdefaults");
            }
            if f & MAKE_FUNCTION_ANNOTATIONS != 0 {
                parts.push("annotations");
            }
            if f & MAKE_FUNCTION_CLOSURE != 0 {
                parts.push("closure");
            }
            (
                Some(f.to_string()),
                if parts.is_empty() {
                    None
                } else {
                    Some(parts.join(", "))
                },
            )
        }
        Op::BuildClassKw(n) => (
            Some(n.to_string()),
            Some(format!("{} bases, {} keywords", n & 0xFFFF, n >> 16)),
        ),
        Op::CallMethod(n)
        | Op::BuildSlice(n)
        | Op::BuildList(n)
        | Op::BuildTuple(n)
        | Op::BuildSet(n)
        | Op::BuildSetConst(n)
        | Op::BuildMap(n)
        | Op::BuildString(n)
        | Op::ListAppend(n)
        | Op::SetAdd(n)
        | Op::MapAdd(n)
        | Op::ListExtend(n)
        | Op::SetUpdate(n)
        | Op::DictUpdate(n)
        | Op::DictMerge(n)
        | Op::UnpackSequence(n)
        | Op::Call(n)
        | Op::CallKw(n)
        | Op::CallEx(n)
        | Op::BuildClass(n)
        | Op::Raise(n)
        | Op::MatchClass(n) => (Some(n.to_string()), None),
        _ => (None, None),
    };
    (name, arg, resolved)
}

/// Python's repr of a constant.
pub fn const_repr(c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::Bool(true) => "True".into(),
        Const::Bool(false) => "False".into(),
        Const::Int(i) => i.to_string(),
        Const::BigInt(t) => t.to_string(),
        Const::Float(f) => float_repr(*f),
        Const::Imag(f) => format!("{}j", float_repr(*f)),
        Const::Str(s) => str_repr(s),
        Const::Bytes(b) => bytes_repr(b),
        Const::Ellipsis => "Ellipsis".into(),
        Const::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Const::Code(code) => format!(
            "<code object {} at line {}>",
            code.qualname, code.first_line
        ),
    }
}

/// Python's `repr(float)`: shortest round-trip digits, exponent form outside 1e-4..1e16.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let abs = f.abs();
    if (1e-4..1e16).contains(&abs) {
        let s = format!("{f:?}");
        if s.contains('.') || s.contains('e') {
            s
        } else {
            format!("{s}.0")
        }
    } else {
        // Rust's `{:e}` gives the shortest digits: 1e20, 1.5e-7.
        let s = format!("{f:e}");
        let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mant}e{sign}{:02}", exp.abs())
    }
}

pub use gilvm_syntax::strings::{bytes_repr, str_repr};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs_match_python() {
        assert_eq!(float_repr(1.5), "1.5");
        assert_eq!(float_repr(2.0), "2.0");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1.5e-7), "1.5e-07");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(123456789.125), "123456789.125");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(str_repr("x\ny"), "'x\\ny'");
        assert_eq!(bytes_repr(b"a\x00"), "b'a\\x00'");
    }
}
