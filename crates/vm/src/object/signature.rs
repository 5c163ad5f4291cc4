//! Declarative argument binding for native functions (issue 13 item 4): a function states its
//! signature once, in Python's own notation, and [`bind_args!`](crate::bind_args) checks the
//! call against it with CPython's messages and binds each parameter to a local of the same name:
//!
//! ```ignore
//! // random.randrange(start, stop=None, step=1): stop and step may be left out
//! bind_args!(vm, &a[1..], kw, randrange(start, stop = ?, step = ?));
//! // start: Value, stop: Option<Value>, step: Option<Value>
//!
//! // math.log(x, base=e, /): positional only
//! bind_args!(vm, a, kw, log(x, base = ?, /));
//!
//! // seed(a=None, version=2): a default fills the slot when the caller leaves it out
//! bind_args!(vm, &a[1..], kw, seed(a = Value::None, version = Value::Int(2)));
//! // a: Value, version: Value
//! ```
//!
//! A parameter is `name` (required: a `Value`), `name = ?` (optional with no default: an
//! `Option<Value>`, `None` when not given) or `name = EXPR` (optional: a `Value`, `EXPR` when not
//! given). `/` ends the positional-only parameters and `*` starts the keyword-only ones, as in a
//! `def`. Required parameters come first (a required one after an optional one does not
//! compile).
//!
//! ```
//! use gilvm_vm::{object::args::Kwargs, PyResult, Value, Vm};
//! fn f(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
//!     gilvm_vm::bind_args!(vm, a, kw, f(y, x = ?));
//!     Ok(x.unwrap_or(y))
//! }
//! ```
//!
//! but this does not compile:
//!
//! ```compile_fail
//! use gilvm_vm::{object::args::Kwargs, PyResult, Value, Vm};
//! fn f(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
//!     gilvm_vm::bind_args!(vm, a, kw, f(x = ?, y));
//!     Ok(x.unwrap_or(y))
//! }
//! ```
//!
//! The messages follow what CPython's Argument Clinic generates for the same signature: a
//! function whose parameters are all positional-only is checked as `_PyArg_CheckPositional`
//! does ("log expected at least 1 argument, got 0", "log() takes no keyword arguments"); any
//! other as `_PyArg_UnpackKeywords` does ("isclose() missing required argument 'b' (pos 2)",
//! "prod() takes exactly 1 positional argument (0 given)", "'x' is an invalid keyword argument
//! for seed()") — see [`Params::unpack_keywords`].

use crate::object::args::{count, Kwargs, Params};
use crate::object::error::PyResult;
use crate::object::value::Value;
use crate::Vm;

/// How many of `required` lead the list; a compile-time error if a required parameter follows
/// an optional one (`bind_args!` evaluates this in a constant).
pub const fn required_first(required: &[bool]) -> usize {
    let mut n = 0;
    while n < required.len() && required[n] {
        n += 1;
    }
    let mut i = n;
    while i < required.len() {
        if required[i] {
            panic!("bind_args!: a required parameter follows an optional one");
        }
        i += 1;
    }
    n
}

impl Params {
    /// Bind a call to a declared signature: [`count`]'s checks when every parameter is
    /// positional-only, [`Params::unpack_keywords`]'s otherwise. One slot per parameter.
    pub fn bind_declared(
        &self,
        vm: &Vm,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> PyResult<Vec<Option<Value>>> {
        if self.positional_only < self.names.len() {
            return self.unpack_keywords(vm, args, kwargs);
        }
        count(vm, self.name, args, kwargs, self.required, self.names.len())?;
        let mut slots: Vec<Option<Value>> = args.iter().cloned().map(Some).collect();
        slots.resize(self.names.len(), None);
        Ok(slots)
    }

    /// CPython 3.11's `_PyArg_UnpackKeywords`, check for check and message for message: too
    /// many arguments in all, too many or too few positional ones, unknown or repeated
    /// keywords, then the first missing required one.
    pub fn unpack_keywords(
        &self,
        vm: &Vm,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> PyResult<Vec<Option<Value>>> {
        let name = self.name;
        let (nargs, nkw) = (args.len(), kwargs.len());
        let max_args = self.names.len();
        let max_pos = self.positional;
        let min_pos = self.required.min(max_pos);
        let s = |k: usize| if k == 1 { "" } else { "s" };
        if nargs + nkw > max_args {
            let keyword = if nargs == 0 { "keyword " } else { "" };
            return Err(vm.type_error(format!(
                "{name}() takes at most {max_args} {keyword}argument{} ({} given)",
                s(max_args),
                nargs + nkw
            )));
        }
        if nargs > max_pos {
            if max_pos == 0 {
                return Err(vm.type_error(format!("{name}() takes no positional arguments")));
            }
            let how = if min_pos < max_pos {
                "at most"
            } else {
                "exactly"
            };
            return Err(vm.type_error(format!(
                "{name}() takes {how} {max_pos} positional argument{} ({nargs} given)",
                s(max_pos)
            )));
        }
        let min_pos_only = self.positional_only.min(min_pos);
        if nargs < min_pos_only {
            let how = if min_pos_only < max_pos {
                "at least"
            } else {
                "exactly"
            };
            return Err(vm.type_error(format!(
                "{name}() takes {how} {min_pos_only} positional argument{} ({nargs} given)",
                s(min_pos_only)
            )));
        }
        let mut slots: Vec<Option<Value>> = vec![None; max_args];
        for (slot, v) in slots.iter_mut().zip(args) {
            *slot = Some(v.clone());
        }
        for (k, v) in kwargs {
            let key = k.as_str();
            match self.names.iter().position(|p| *p == key) {
                Some(i) if i >= self.positional_only => {
                    if slots[i].is_some() {
                        return Err(vm.type_error(format!(
                            "argument for {name}() given by name ('{key}') and position ({})",
                            i + 1
                        )));
                    }
                    slots[i] = Some(v.clone());
                }
                _ => {
                    return Err(vm.type_error(format!(
                        "'{key}' is an invalid keyword argument for {name}()"
                    )))
                }
            }
        }
        if let Some(i) = slots[..self.required].iter().position(Option::is_none) {
            return Err(vm.type_error(if i < max_pos {
                format!(
                    "{name}() missing required argument '{}' (pos {})",
                    self.names[i],
                    i + 1
                )
            } else {
                format!("{name}() missing required argument '{}'", self.names[i])
            }));
        }
        Ok(slots)
    }
}

/// Check a native function's arguments against a signature and bind its parameters to locals;
/// see the [module docs](crate::object::signature). Returns from the enclosing function with
/// the TypeError when the call does not fit.
#[macro_export]
macro_rules! bind_args {
    ($vm:expr, $args:expr, $kwargs:expr, $fname:ident ( $($params:tt)* )) => {
        $crate::__bind_args!(@munch [$vm, $args, $kwargs, stringify!($fname)] [] [] pos $($params)*)
    };
}

/// The parser behind [`bind_args!`]: munches the parameter list into items
/// `(mode name kind default)`, remembering the items before `/`, then emits the binding.
#[doc(hidden)]
#[macro_export]
macro_rules! __bind_args {
    (@munch $ctx:tt $items:tt $posonly:tt $mode:ident) => {
        $crate::__bind_args!(@emit $ctx $items $posonly)
    };
    (@munch $ctx:tt [$($item:tt)*] $posonly:tt $mode:ident / $(, $($rest:tt)*)?) => {
        $crate::__bind_args!(@munch $ctx [$($item)*] [$($item)*] $mode $($($rest)*)?)
    };
    (@munch $ctx:tt $items:tt $posonly:tt $mode:ident * $(, $($rest:tt)*)?) => {
        $crate::__bind_args!(@munch $ctx $items $posonly kw $($($rest)*)?)
    };
    (@munch $ctx:tt [$($item:tt)*] $posonly:tt $mode:ident $name:ident = ? $(, $($rest:tt)*)?) => {
        $crate::__bind_args!(@munch $ctx [$($item)* ($mode $name opt ())] $posonly $mode $($($rest)*)?)
    };
    (@munch $ctx:tt [$($item:tt)*] $posonly:tt $mode:ident $name:ident = $default:expr $(, $($rest:tt)*)?) => {
        $crate::__bind_args!(@munch $ctx [$($item)* ($mode $name def ($default))] $posonly $mode $($($rest)*)?)
    };
    (@munch $ctx:tt [$($item:tt)*] $posonly:tt $mode:ident $name:ident $(, $($rest:tt)*)?) => {
        $crate::__bind_args!(@munch $ctx [$($item)* ($mode $name req ())] $posonly $mode $($($rest)*)?)
    };
    (@emit [$vm:expr, $args:expr, $kwargs:expr, $fname:expr]
        [$(($mode:ident $name:ident $kind:ident $default:tt))*] [$($po:tt)*]) => {
        let __bind_slots = {
            const PARAMS: $crate::object::args::Params = $crate::object::args::Params {
                name: $fname,
                names: &[$(stringify!($name)),*],
                positional: 0 $(+ $crate::__bind_args!(@positional $mode))*,
                positional_only: 0 $(+ $crate::__bind_args!(@one $po))*,
                required: $crate::object::signature::required_first(
                    &[$($crate::__bind_args!(@required $kind)),*],
                ),
            };
            PARAMS.bind_declared($vm, $args, $kwargs)?
        };
        let mut __bind_slots = __bind_slots.into_iter();
        $(let $name = $crate::__bind_args!(@take __bind_slots $kind $default);)*
    };
    (@positional pos) => { 1 };
    (@positional kw) => { 0 };
    (@one $t:tt) => { 1 };
    (@required req) => { true };
    (@required $other:ident) => { false };
    (@take $it:ident req ()) => {
        $it.next().flatten().expect("bind_declared fills every required slot")
    };
    (@take $it:ident opt ()) => { $it.next().flatten() };
    (@take $it:ident def ($default:expr)) => { $it.next().flatten().unwrap_or_else(|| $default) };
}

#[cfg(test)]
mod tests {
    use crate::object::args::Kwargs;
    use crate::object::error::PyResult;
    use crate::object::value::{PyStr, Value};
    use crate::{Vm, VmConfig};
    use std::sync::Arc;

    fn log(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
        bind_args!(vm, a, kw, log(x, base = ?, /));
        Ok(Value::tuple(vec![x, base.unwrap_or(Value::None)]))
    }

    fn seed(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
        bind_args!(vm, a, kw, seed(a = Value::None, version = Value::Int(2), *, strict = ?));
        Ok(Value::tuple(vec![
            a,
            version,
            strict.unwrap_or(Value::None),
        ]))
    }

    fn message(r: PyResult<Value>, vm: &mut Vm) -> String {
        let e = r.expect_err("a TypeError");
        vm.to_str(&crate::object::error::exc_args(&e.0, vm)[0])
            .unwrap()
    }

    fn kw(name: &str, v: Value) -> (Arc<PyStr>, Value) {
        (Arc::new(PyStr::new(name)), v)
    }

    #[test]
    fn positional_only_signatures_check_as_cpython_does() {
        let mut vm = Vm::new(VmConfig::default());
        let r = log(&mut vm, &[], &[]);
        assert_eq!(
            message(r, &mut vm),
            "log expected at least 1 argument, got 0"
        );
        let r = log(&mut vm, &[Value::Int(1), Value::Int(2), Value::Int(3)], &[]);
        assert_eq!(
            message(r, &mut vm),
            "log expected at most 2 arguments, got 3"
        );
        let r = log(&mut vm, &[Value::Int(1)], &[kw("base", Value::Int(2))]);
        assert_eq!(message(r, &mut vm), "log() takes no keyword arguments");
        let r = log(&mut vm, &[Value::Int(7)], &[]).unwrap();
        assert_eq!(vm.repr(&r).unwrap(), "(7, None)");
    }

    #[test]
    fn defaults_fill_and_keywords_bind() {
        let mut vm = Vm::new(VmConfig::default());
        let r = seed(&mut vm, &[], &[]).unwrap();
        assert_eq!(vm.repr(&r).unwrap(), "(None, 2, None)");
        let args = [
            kw("strict", Value::Bool(true)),
            kw("version", Value::Int(1)),
        ];
        let r = seed(&mut vm, &[Value::Int(5)], &args).unwrap();
        assert_eq!(vm.repr(&r).unwrap(), "(5, 1, True)");
        let r = seed(&mut vm, &[Value::Int(1), Value::Int(2), Value::Int(3)], &[]);
        assert_eq!(
            message(r, &mut vm),
            "seed() takes at most 2 positional arguments (3 given)"
        );
        let four = [Value::Int(1), Value::Int(2), Value::Int(3), Value::Int(4)];
        let r = seed(&mut vm, &four, &[]);
        assert_eq!(
            message(r, &mut vm),
            "seed() takes at most 3 arguments (4 given)"
        );
        let r = seed(&mut vm, &[], &[kw("x", Value::Int(1))]);
        assert_eq!(
            message(r, &mut vm),
            "'x' is an invalid keyword argument for seed()"
        );
    }
}
