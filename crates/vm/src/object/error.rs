//! Raised exceptions (`PyErr`), constructors for the common built-in errors, and traceback
//! printing in CPython's format.

use std::sync::Arc;

use crate::interp::vm::Vm;
use crate::object::gilcell::GilCell;
use crate::object::value::{Class, DictMap, ExcState, Instance, Value};

/// A raised Python exception: always an instance of a BaseException subclass.
#[derive(Debug, Clone)]
pub struct PyErr(pub Arc<Instance>);

pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    pub fn value(&self) -> Value {
        Value::Instance(self.0.clone())
    }
    pub fn class(&self) -> &Arc<Class> {
        &self.0.class
    }
}

/// A fresh exception instance of `class` with `args` (no traceback yet).
pub fn new_exception(class: &Arc<Class>, args: Vec<Value>) -> Arc<Instance> {
    Arc::new(Instance {
        class: class.clone(),
        attrs: Arc::new(GilCell::new(DictMap::default())),
        exc: Some(Box::new(GilCell::new(ExcState {
            args,
            ..ExcState::default()
        }))),
        payload: None,
        slot_values: None,
    })
}

impl Vm {
    /// A new exception of `class` with one str argument (`class(msg)`).
    pub fn new_error(&self, class: &Arc<Class>, msg: impl Into<String>) -> PyErr {
        PyErr(new_exception(class, vec![Value::str(msg.into())]))
    }
    /// A new exception of `class` with the given args.
    pub fn new_error_args(&self, class: &Arc<Class>, args: Vec<Value>) -> PyErr {
        PyErr(new_exception(class, args))
    }
    pub fn type_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.types().type_error.clone(), msg)
    }
    pub fn value_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.types().value_error.clone(), msg)
    }
    pub fn index_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.types().index_error.clone(), msg)
    }
    /// `KeyError(key)`: the argument is the key itself (its repr is the message).
    pub fn key_error(&self, key: Value) -> PyErr {
        self.new_error_args(&self.types().key_error.clone(), vec![key])
    }
    pub fn attribute_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.types().attribute_error.clone(), msg)
    }
    pub fn zero_division(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.types().zero_division_error.clone(), msg)
    }
    /// gilvm's ints are 64-bit: arithmetic that leaves that range raises this.
    pub fn overflow_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.types().overflow_error.clone(), msg)
    }
    pub fn runtime_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.types().runtime_error.clone(), msg)
    }
    pub fn name_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error(&self.types().name_error.clone(), msg)
    }
    pub fn os_error(&self, class: &Arc<Class>, msg: impl Into<String>) -> PyErr {
        self.new_error(class, msg)
    }
    /// The standard int overflow error of gilvm's 64-bit ints.
    pub fn int_overflow(&self) -> PyErr {
        self.overflow_error("integer overflow (gilvm ints are 64-bit)")
    }
    /// Is `err` an instance of `class` (or a subclass)?
    pub fn err_is(&self, err: &PyErr, class: &Arc<Class>) -> bool {
        crate::object::types::is_subclass(&err.0.class, class)
    }

    /// `str(exc)` for an exception without a user `__str__`: '' for no args, str(arg) for one
    /// (repr(key) for KeyError), else str of the args tuple.
    pub(crate) fn exc_args_str(&mut self, inst: &Arc<Instance>) -> crate::PyResult<String> {
        if crate::object::types::is_subclass(&inst.class, &self.types().syntax_error.clone()) {
            return crate::interp::dynamic::syntax_error_str(self, inst);
        }
        let args = exc_args(inst, self);
        match args.len() {
            0 => Ok(String::new()),
            1 => {
                if crate::object::types::is_subclass(&inst.class, &self.types().key_error.clone()) {
                    self.repr(&args[0])
                } else {
                    self.to_str(&args[0])
                }
            }
            n => {
                let os = self.types().os_error.clone();
                if n == 2 && crate::object::types::is_subclass(&inst.class, &os) {
                    let this = Value::Instance(inst.clone());
                    if let Some(text) = crate::object::class::os_error_str(self, &this)? {
                        return Ok(text);
                    }
                }
                self.repr(&Value::tuple(args))
            }
        }
    }

    /// The name an exception's class is printed under (`module.Qualname` outside `__main__`
    /// and builtins).
    fn exception_type_name(&self, class: &Class) -> String {
        let mut name = String::new();
        let module = class.module.as_str();
        if module != "__main__" && module != "builtins" {
            name.push_str(module);
            name.push('.');
        }
        name.push_str(class.qualname.as_str());
        name
    }

    /// The one-line summary `Type: message` (or `Type` for an empty message).
    pub fn format_exception_only(&mut self, exc: &Value) -> String {
        let class = self.type_of(exc);
        let name = self.exception_type_name(&class);
        let msg = match self.to_str(exc) {
            Ok(m) => m,
            Err(_) => "<exception str() failed>".to_string(),
        };
        if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        }
    }

    /// Render an uncaught exception the way CPython does: "Traceback (most recent call
    /// last):", one `File "x.py", line N, in f` entry per frame with its source line, then
    /// `Type: message` (chained causes and contexts first, as CPython prints them).
    pub fn format_exception(&mut self, err: &PyErr) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        self.format_chain(&err.0, &mut out, &mut seen);
        out
    }

    fn format_chain(&mut self, inst: &Arc<Instance>, out: &mut String, seen: &mut Vec<usize>) {
        seen.push(Arc::as_ptr(inst) as usize);
        let gil = self.gil();
        let st = inst
            .exc
            .as_ref()
            .map(|e| e.borrow(gil).clone())
            .unwrap_or_default();
        let unseen = |v: &Option<Value>, seen: &Vec<usize>| match v {
            Some(Value::Instance(i))
                if i.exc.is_some() && !seen.contains(&(Arc::as_ptr(i) as usize)) =>
            {
                Some(i.clone())
            }
            _ => None,
        };
        if seen.len() < 100 {
            if let Some(cause) = unseen(&st.cause, seen) {
                self.format_chain(&cause, out, seen);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            } else if let (false, Some(ctx)) = (st.suppress_context, unseen(&st.context, seen)) {
                self.format_chain(&ctx, out, seen);
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
        }
        if !st.traceback.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            self.format_traceback_entries(&st.traceback, out);
        }
        if crate::object::types::is_subclass(&inst.class, &self.types().syntax_error.clone()) {
            let name = self.exception_type_name(&inst.class);
            out.push_str(&crate::interp::dynamic::format_syntax_error(
                self, inst, &name,
            ));
            return;
        }
        out.push_str(&self.format_exception_only(&Value::Instance(inst.clone())));
        out.push('\n');
    }

    fn format_traceback_entries(
        &mut self,
        entries: &[crate::object::value::TracebackEntry],
        out: &mut String,
    ) {
        // CPython collapses runs of more than 3 identical entries.
        let mut last: Option<(usize, u32)> = None;
        let mut repeat = 0usize;
        let flush_repeat = |out: &mut String, repeat: usize| {
            if repeat > 3 {
                let n = repeat - 3;
                out.push_str(&format!(
                    "  [Previous line repeated {} more time{}]\n",
                    n,
                    if n == 1 { "" } else { "s" }
                ));
            }
        };
        for e in entries {
            let code = &e.code.code;
            let line = code.line_at(e.ip as usize);
            let key = (Arc::as_ptr(&e.code) as usize, line);
            if last == Some(key) {
                repeat += 1;
                if repeat > 3 {
                    continue;
                }
            } else {
                flush_repeat(out, repeat);
                repeat = 1;
                last = Some(key);
            }
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                code.filename, line, code.name
            ));
            if let Some(src) = self.source_of(&code.filename) {
                if let Some(text) = src.lines().nth((line as usize).wrapping_sub(1)) {
                    let text = text.trim();
                    if !text.is_empty() {
                        out.push_str("    ");
                        out.push_str(text);
                        out.push('\n');
                    }
                }
            }
        }
        flush_repeat(out, repeat);
    }
}

/// What `exc.__traceback__` and the `tb` argument of `__exit__` are: an opaque object (gilvm
/// keeps tracebacks inside the exception; see LIMITATIONS).
#[derive(Debug)]
pub struct TracebackObj;

impl crate::object::value::NativeObject for TracebackObj {
    fn type_name(&self) -> &'static str {
        "traceback"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The args of an exception instance (empty for non-exceptions).
pub fn exc_args(inst: &Instance, vm: &Vm) -> Vec<Value> {
    inst.exc
        .as_ref()
        .map(|e| e.borrow(vm.gil()).args.clone())
        .unwrap_or_default()
}
