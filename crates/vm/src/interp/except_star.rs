//! The run-time half of `except*` (PEP 654): `CheckEgMatch` splits the exception being
//! handled by a clause's type, `PrepReraiseStar` decides what leaves the try statement, after
//! CPython 3.11's `_PyEval_ExceptionGroupMatch` and `_PyExc_PrepReraiseStar`.

use std::sync::Arc;

use crate::interp::vm::Vm;
use crate::object::error::{PyErr, PyResult};
use crate::object::exc_group::{self, Matcher};
use crate::object::types::is_subclass;
use crate::object::value::{Instance, Value};

impl Vm {
    /// `CheckEgMatch`: [rest, type] -> [rest', match, matched?] (kept out of the eval loop).
    #[cold]
    #[inline(never)]
    pub(crate) fn check_eg_match_op(&mut self) -> PyResult<()> {
        let ty = self.stack.pop().unwrap_or(Value::None);
        let rest = self.stack.pop().unwrap_or(Value::None);
        let (rest, matched) = self.check_eg_match(rest, &ty)?;
        let any = !matched.is_none();
        self.stack.push(rest);
        self.stack.push(matched);
        self.stack.push(Value::Bool(any));
        Ok(())
    }

    /// `PrepReraiseStar`: [orig, list] -> [exc, anything?].
    #[cold]
    #[inline(never)]
    pub(crate) fn prep_reraise_star_op(&mut self) -> PyResult<()> {
        let list = self.stack.pop().unwrap_or(Value::None);
        let orig = self.stack.pop().unwrap_or(Value::None);
        let exc = self.prep_reraise_star(&orig, &list)?;
        let any = !exc.is_none();
        self.stack.push(exc);
        self.stack.push(Value::Bool(any));
        Ok(())
    }

    /// `CheckEgMatch`: (rest, match) of `exc` for the clause type `ty`; a match becomes the
    /// exception being handled.
    pub(crate) fn check_eg_match(&mut self, exc: Value, ty: &Value) -> PyResult<(Value, Value)> {
        self.check_except_star_type(ty)?;
        if exc.is_none() {
            return Ok((Value::None, Value::None));
        }
        let (matched, rest) = if exc_group::exc_matches(self, &exc, ty) {
            if exc_group::is_group(self, &exc) {
                (exc, Value::None)
            } else {
                (self.wrap_naked(&exc)?, Value::None)
            }
        } else if exc_group::is_group(self, &exc) {
            let (m, r) = exc_group::split_group(self, &exc, &Matcher::Type(ty.clone()), true)?;
            (m.unwrap_or(Value::None), r.unwrap_or(Value::None))
        } else {
            (Value::None, exc)
        };
        if let (Value::Instance(i), Some(top)) = (&matched, self.handled.last_mut()) {
            *top = PyErr(i.clone());
        }
        Ok((rest, matched))
    }

    /// CPython's `check_except_star_type_valid`.
    fn check_except_star_type(&mut self, ty: &Value) -> PyResult<()> {
        let base = self.types().base_exception.clone();
        let beg = self.types().base_exception_group.clone();
        let items: Vec<Value> = match ty {
            Value::Tuple(t) => t.items.to_vec(),
            other => vec![other.clone()],
        };
        let classes: Option<Vec<Arc<crate::object::value::Class>>> = items
            .iter()
            .map(|v| match v {
                Value::Class(c) if is_subclass(c, &base) => Some(c.clone()),
                _ => None,
            })
            .collect();
        let Some(classes) = classes else {
            return Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        };
        if classes.iter().any(|c| is_subclass(c, &beg)) {
            return Err(self.type_error(
                "catching ExceptionGroup with except* is not allowed. Use except instead.",
            ));
        }
        Ok(())
    }

    /// A naked exception caught by `except*`: `BaseExceptionGroup('', [exc])` with its traceback.
    fn wrap_naked(&mut self, exc: &Value) -> PyResult<Value> {
        let wrapped = self.new_group("", vec![exc.clone()])?;
        if let (Value::Instance(from), Value::Instance(to)) = (exc, &wrapped) {
            if let (Some(f), Some(t)) = (&from.exc, &to.exc) {
                let gil = self.gil();
                let tb = f.borrow(gil).traceback.clone();
                t.borrow_mut(gil).traceback = tb;
            }
        }
        Ok(wrapped)
    }

    /// `BaseExceptionGroup(msg, excs)` (an `ExceptionGroup` when they are all Exceptions).
    fn new_group(&mut self, msg: &str, excs: Vec<Value>) -> PyResult<Value> {
        let beg = self.types().base_exception_group.clone();
        exc_group::eg_new(self, &beg, &[Value::str(msg), Value::list(excs)])
    }

    /// `PrepReraiseStar`: what the try statement raises, given the original exception and the
    /// list of what each clause raised (and the unmatched rest); None for nothing.
    pub(crate) fn prep_reraise_star(&mut self, orig: &Value, list: &Value) -> PyResult<Value> {
        let excs: Vec<Value> = match list {
            Value::List(l) => l.borrow(self.gil()).clone(),
            _ => Vec::new(),
        };
        if excs.is_empty() {
            return Ok(Value::None);
        }
        if !exc_group::is_group(self, orig) {
            // A naked exception was caught and wrapped: at most one clause ran.
            return Ok(excs[0].clone());
        }
        let mut raised = Vec::new();
        let mut reraised = Vec::new();
        for e in excs.into_iter().filter(|e| !e.is_none()) {
            if self.same_exception_metadata(&e, orig) {
                reraised.push(e);
            } else {
                raised.push(e);
            }
        }
        let mut ids = Vec::new();
        for e in &reraised {
            self.leaf_ids(e, &mut ids);
        }
        let (reraised_eg, _) = exc_group::split_group(self, orig, &Matcher::Ids(ids), false)?;
        if raised.is_empty() {
            return Ok(reraised_eg.unwrap_or(Value::None));
        }
        raised.extend(reraised_eg);
        if raised.len() > 1 {
            self.new_group("", raised)
        } else {
            Ok(raised.pop().unwrap_or(Value::None))
        }
    }

    /// The addresses of the leaf exceptions of `e` (itself when it is not a group).
    fn leaf_ids(&self, e: &Value, ids: &mut Vec<usize>) {
        let Value::Instance(i) = e else { return };
        if exc_group::is_group(self, e) {
            for sub in exc_group::group_exceptions(self, i) {
                self.leaf_ids(&sub, ids);
            }
        } else {
            ids.push(Arc::as_ptr(i) as usize);
        }
    }

    /// Was `e` re-raised rather than raised (the same traceback, cause and context as the
    /// original, which the parts of a split share)?
    fn same_exception_metadata(&self, e: &Value, orig: &Value) -> bool {
        let (Value::Instance(a), Value::Instance(b)) = (e, orig) else {
            return false;
        };
        let (Some(a), Some(b)) = (state(a), state(b)) else {
            return false;
        };
        let gil = self.gil();
        let (a, b) = (a.borrow(gil), b.borrow(gil));
        let same = |x: &Option<Value>, y: &Option<Value>| match (x, y) {
            (None, None) => true,
            (Some(x), Some(y)) => x.is(y),
            _ => false,
        };
        a.traceback.len() == b.traceback.len()
            && a.traceback
                .iter()
                .zip(b.traceback.iter())
                .all(|(x, y)| Arc::ptr_eq(&x.code, &y.code) && x.ip == y.ip)
            && same(&a.cause, &b.cause)
            && same(&a.context, &b.context)
    }
}

fn state(i: &Instance) -> Option<&crate::object::gilcell::GilCell<crate::object::value::ExcState>> {
    i.exc.as_deref()
}
