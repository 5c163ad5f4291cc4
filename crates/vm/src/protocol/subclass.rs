//! Subclasses of the built-in types `int`, `float`, `str`, `tuple`, `list`, `dict` and `set`.
//!
//! An instance of such a class is an ordinary [`crate::object::value::Instance`] whose `payload` holds
//! the built-in value it extends. The protocol functions (`repr`, `==`, `len`, `[]`, iteration,
//! arithmetic, hashing...) use the class's own dunders first and fall back to the payload; the
//! built-in type's methods (`append`, `upper`, ...) are bound to the payload. This module
//! registers the dunders of those built-in types that user code reaches explicitly
//! (`super().__getitem__(k)`, `dict.__setitem__(self, k, v)`, `super().__repr__()`), each a
//! thin wrapper over the protocol applied to the payload.

use std::sync::Arc;

use gilvm_syntax::ast::{BinOp, CmpOp};

use crate::interp::vm::Vm;
use crate::object::class::strip;
use crate::object::error::PyResult;
use crate::object::value::{Builtin, Class, NativeFn, PyStr, Value};

type Kw = [(Arc<PyStr>, Value)];
/// A table of dunders: name and function.
type Table = &'static [(&'static str, NativeFn)];

fn arg(a: &[Value], i: usize) -> &Value {
    a.get(i).map(strip).unwrap_or(&Value::None)
}

fn need(vm: &Vm, a: &[Value], n: usize, name: &str) -> PyResult<()> {
    if a.len() != n {
        return Err(vm.type_error(format!(
            "expected {} argument{} for {name}, got {}",
            n - 1,
            if n == 2 { "" } else { "s" },
            a.len().saturating_sub(1)
        )));
    }
    Ok(())
}

fn repr(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    let v = arg(a, 0).clone();
    Ok(Value::str(vm.repr(&v)?))
}
fn to_str(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    let v = arg(a, 0).clone();
    Ok(Value::str(vm.to_str(&v)?))
}
/// `int.__format__(self, spec)` and the others: `format()` of the built-in value; an empty spec
/// is `str(self)`, as CPython's.
fn format_(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    need(vm, a, 2, "__format__")?;
    let Value::Str(spec) = &a[1] else {
        return Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(&a[1])
        )));
    };
    if spec.as_str().is_empty() {
        return Ok(Value::str(vm.to_str(&a[0])?));
    }
    let v = arg(a, 0).clone();
    Ok(Value::str(crate::protocol::format::format_value(
        vm,
        &v,
        spec.as_str(),
    )?))
}
/// `str.__getnewargs__()`: the string itself, in a tuple (what copy and pickle ask for).
fn getnewargs(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    need(vm, a, 1, "__getnewargs__")?;
    Ok(Value::tuple(vec![arg(a, 0).clone()]))
}
fn len(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    let v = arg(a, 0).clone();
    Ok(Value::Int(vm.len(&v)? as i64))
}
fn getitem(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    need(vm, a, 2, "__getitem__")?;
    let (v, k) = (arg(a, 0).clone(), a[1].clone());
    vm.get_item(&v, &k)
}
fn setitem(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    need(vm, a, 3, "__setitem__")?;
    let (v, k) = (arg(a, 0).clone(), a[1].clone());
    vm.set_item(&v, &k, a[2].clone())?;
    Ok(Value::None)
}
fn delitem(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    need(vm, a, 2, "__delitem__")?;
    let (v, k) = (arg(a, 0).clone(), a[1].clone());
    vm.del_item(&v, &k)?;
    Ok(Value::None)
}
fn contains(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    need(vm, a, 2, "__contains__")?;
    let (v, x) = (arg(a, 0).clone(), a[1].clone());
    Ok(Value::Bool(vm.contains(&v, &x)?))
}
fn iter(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    let v = arg(a, 0).clone();
    vm.get_iter(&v)
}
fn hash(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    let v = arg(a, 0).clone();
    vm.hash_signed(&v).map(Value::Int)
}
fn bool_(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    let v = arg(a, 0).clone();
    Ok(Value::Bool(vm.truthy(&v)?))
}
fn int_(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    let v = arg(a, 0).clone();
    // An int subclass's value may be big.
    if let Value::BigInt(_) = v {
        return Ok(v);
    }
    crate::builtins::convert::to_int(vm, &v).map(Value::Int)
}
fn float_(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    let v = arg(a, 0).clone();
    crate::builtins::to_f64(vm, &v).map(Value::Float)
}

fn unary(vm: &mut Vm, a: &[Value], op: crate::protocol::ops_numeric::Unary) -> PyResult<Value> {
    let v = arg(a, 0).clone();
    vm.unary_op(op, &v)
}
fn neg(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    unary(vm, a, crate::protocol::ops_numeric::Unary::Neg)
}
fn pos(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    unary(vm, a, crate::protocol::ops_numeric::Unary::Pos)
}
fn invert(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    unary(vm, a, crate::protocol::ops_numeric::Unary::Invert)
}
fn abs(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
    match arg(a, 0) {
        Value::Int(n) => n
            .checked_abs()
            .map(Value::Int)
            .ok_or_else(|| vm.overflow_error("integer overflow")),
        Value::Float(x) => Ok(Value::Float(x.abs())),
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(format!("bad operand type for abs(): '{tn}'")))
        }
    }
}

/// A comparison dunder: NotImplemented when the built-in comparison does not apply.
fn compare(vm: &mut Vm, a: &[Value], op: CmpOp) -> PyResult<Value> {
    need(vm, a, 2, "comparison")?;
    let (x, y) = (arg(a, 0).clone(), arg(a, 1).clone());
    match vm.compare(op, &x, &y) {
        Ok(r) => Ok(r),
        Err(e) if vm.err_is(&e, &vm.types().type_error) => Ok(Value::NotImplemented),
        Err(e) => Err(e),
    }
}

/// A binary-operator dunder (`reflected`: `__radd__` & co.): NotImplemented when the built-in
/// operator does not apply to these operands.
fn binary(vm: &mut Vm, a: &[Value], op: BinOp, reflected: bool) -> PyResult<Value> {
    need(vm, a, 2, "binary operator")?;
    let (x, y) = (arg(a, 0).clone(), arg(a, 1).clone());
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    Ok(vm
        .builtin_binary(op, &x, &y)?
        .unwrap_or(Value::NotImplemented))
}

macro_rules! cmp_fns {
    ($($name:ident => $op:expr),* $(,)?) => {
        $(fn $name(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
            compare(vm, a, $op)
        })*
    };
}
cmp_fns!(eq => CmpOp::Eq, ne => CmpOp::NotEq, lt => CmpOp::Lt, le => CmpOp::LtE,
    gt => CmpOp::Gt, ge => CmpOp::GtE);

macro_rules! bin_fns {
    ($($name:ident => $op:expr, $rev:expr);* $(;)?) => {
        $(fn $name(vm: &mut Vm, a: &[Value], _: &Kw) -> PyResult<Value> {
            binary(vm, a, $op, $rev)
        })*
    };
}
bin_fns!(
    add => BinOp::Add, false; radd => BinOp::Add, true;
    sub => BinOp::Sub, false; rsub => BinOp::Sub, true;
    mul => BinOp::Mult, false; rmul => BinOp::Mult, true;
    truediv => BinOp::Div, false; rtruediv => BinOp::Div, true;
    floordiv => BinOp::FloorDiv, false; rfloordiv => BinOp::FloorDiv, true;
    mod_ => BinOp::Mod, false; rmod => BinOp::Mod, true;
    pow => BinOp::Pow, false; rpow => BinOp::Pow, true;
    and => BinOp::BitAnd, false; rand => BinOp::BitAnd, true;
    or => BinOp::BitOr, false; ror => BinOp::BitOr, true;
    xor => BinOp::BitXor, false; rxor => BinOp::BitXor, true;
    lshift => BinOp::LShift, false; rshift => BinOp::RShift, false;
);

const COMPARE: &[(&str, NativeFn)] = &[
    ("__eq__", eq),
    ("__ne__", ne),
    ("__lt__", lt),
    ("__le__", le),
    ("__gt__", gt),
    ("__ge__", ge),
];
const NUMBER: &[(&str, NativeFn)] = &[
    ("__hash__", hash),
    ("__bool__", bool_),
    ("__int__", int_),
    ("__float__", float_),
    ("__abs__", abs),
    ("__neg__", neg),
    ("__pos__", pos),
    ("__add__", add),
    ("__radd__", radd),
    ("__sub__", sub),
    ("__rsub__", rsub),
    ("__mul__", mul),
    ("__rmul__", rmul),
    ("__truediv__", truediv),
    ("__rtruediv__", rtruediv),
    ("__floordiv__", floordiv),
    ("__rfloordiv__", rfloordiv),
    ("__mod__", mod_),
    ("__rmod__", rmod),
    ("__pow__", pow),
    ("__rpow__", rpow),
];
const INT_ONLY: &[(&str, NativeFn)] = &[
    ("__index__", int_),
    ("__invert__", invert),
    ("__and__", and),
    ("__rand__", rand),
    ("__or__", or),
    ("__ror__", ror),
    ("__xor__", xor),
    ("__rxor__", rxor),
    ("__lshift__", lshift),
    ("__rshift__", rshift),
];
const CONTAINER: &[(&str, NativeFn)] = &[
    ("__len__", len),
    ("__getitem__", getitem),
    ("__contains__", contains),
    ("__iter__", iter),
];
const SEQUENCE: &[(&str, NativeFn)] = &[("__add__", add), ("__mul__", mul), ("__rmul__", rmul)];
const MUTABLE: &[(&str, NativeFn)] = &[("__setitem__", setitem), ("__delitem__", delitem)];

/// Register the dunders above on the built-in classes that user classes may extend (never
/// replacing one a class already has).
pub(crate) fn install(vm: &mut Vm) {
    let t = vm.types();
    let (int, float, str_, tuple, list, dict, set) = (
        t.int.clone(),
        t.float.clone(),
        t.str_.clone(),
        t.tuple.clone(),
        t.list.clone(),
        t.dict.clone(),
        t.set.clone(),
    );
    // Each table's keys and function objects are made once and shared by the classes.
    type Made = Vec<(crate::object::value::Key, Value)>;
    let make = |t: Table| -> Made {
        t.iter()
            .map(|&(name, func)| (crate::protocol::hash::str_key(name), builtin(name, func)))
            .collect()
    };
    let (compare, number, int_only) = (make(COMPARE), make(NUMBER), make(INT_ONLY));
    let (container, sequence, mutable) = (make(CONTAINER), make(SEQUENCE), make(MUTABLE));
    let (reprs, hashes, strs) = (
        make(&[("__repr__", repr)]),
        make(&[("__hash__", hash)]),
        make(&[("__str__", to_str)]),
    );
    let formats = make(&[("__format__", format_)]);
    let str_only = make(&[
        ("__mod__", mod_),
        ("__rmod__", rmod),
        ("__getnewargs__", getnewargs),
    ]);
    let groups: Vec<(&Arc<Class>, Vec<&Made>)> = vec![
        (&int, vec![&reprs, &compare, &number, &int_only, &formats]),
        (&float, vec![&reprs, &compare, &number, &formats]),
        (
            &str_,
            vec![
                &reprs, &compare, &container, &sequence, &hashes, &strs, &formats, &str_only,
            ],
        ),
        (
            &tuple,
            vec![&reprs, &compare, &container, &sequence, &hashes],
        ),
        (
            &list,
            vec![&reprs, &compare, &container, &sequence, &mutable],
        ),
        (&dict, vec![&reprs, &compare, &container, &mutable]),
        (&set, vec![&reprs, &compare, &container]),
    ];
    let gil = vm.gil();
    for (class, tables) in groups {
        let mut d = class.dict.borrow_mut(gil);
        d.reserve(tables.iter().map(|t| t.len()).sum());
        for (k, v) in tables.into_iter().flatten() {
            d.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }
}

fn builtin(name: &'static str, func: NativeFn) -> Value {
    Value::Builtin(Arc::new(Builtin {
        name,
        func,
        receiver: None,
    }))
}
