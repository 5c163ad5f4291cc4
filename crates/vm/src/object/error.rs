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
    /// `Type: message` (chained causes and contexts first, as CPython prints them), its
    /// `__notes__`, and for an exception group the boxed sub-exceptions of CPython 3.11's
    /// `print_exception_group`.
    pub fn format_exception(&mut self, err: &PyErr) -> String {
        let mut ctx = PrintCtx::default();
        self.format_chain(&err.0, &mut ctx);
        ctx.out
    }

    fn format_chain(&mut self, inst: &Arc<Instance>, ctx: &mut PrintCtx) {
        ctx.seen.push(Arc::as_ptr(inst) as usize);
        let gil = self.gil();
        let (cause, context, suppress) = match &inst.exc {
            Some(e) => {
                let st = e.borrow(gil);
                (st.cause.clone(), st.context.clone(), st.suppress_context)
            }
            None => (None, None, false),
        };
        let unseen = |v: &Option<Value>, seen: &Vec<usize>| match v {
            Some(Value::Instance(i))
                if i.exc.is_some() && !seen.contains(&(Arc::as_ptr(i) as usize)) =>
            {
                Some(i.clone())
            }
            _ => None,
        };
        if ctx.seen.len() < 100 {
            let chained = if let Some(cause) = unseen(&cause, &ctx.seen) {
                Some((
                    cause,
                    "The above exception was the direct cause of the following exception:\n",
                ))
            } else if let (false, Some(c)) = (suppress, unseen(&context, &ctx.seen)) {
                Some((
                    c,
                    "During handling of the above exception, another exception occurred:\n",
                ))
            } else {
                None
            };
            if let Some((exc, message)) = chained {
                let need_close = ctx.need_close;
                self.format_chain(&exc, ctx);
                ctx.need_close = need_close;
                let m = ctx.margin();
                ctx.out.push_str(&format!("{m}\n{m}{message}{m}\n"));
            }
        }
        if crate::object::exc_group::is_group(self, &Value::Instance(inst.clone())) {
            self.format_group(inst, ctx);
        } else {
            self.format_one(inst, ctx);
        }
    }

    /// One exception: its traceback, `Type: message` and notes, behind the current margin.
    fn format_one(&mut self, inst: &Arc<Instance>, ctx: &mut PrintCtx) {
        let gil = self.gil();
        let traceback = inst
            .exc
            .as_ref()
            .map(|e| e.borrow(gil).traceback.clone())
            .unwrap_or_default();
        let margin = ctx.margin();
        if !traceback.is_empty() {
            let is_group = crate::object::exc_group::is_group(self, &Value::Instance(inst.clone()));
            let indent = " ".repeat(2 * ctx.depth);
            if is_group {
                let m = if ctx.depth == 1 { "+ " } else { "| " };
                ctx.out.push_str(&format!(
                    "{indent}{m}Exception Group Traceback (most recent call last):\n"
                ));
            } else {
                ctx.out
                    .push_str(&format!("{margin}Traceback (most recent call last):\n"));
            }
            let mut text = String::new();
            self.format_traceback_entries(&traceback, &mut text);
            push_lines(&mut ctx.out, &margin, &text);
        }
        if crate::object::types::is_subclass(&inst.class, &self.types().syntax_error.clone()) {
            let name = self.exception_type_name(&inst.class);
            let text = crate::interp::dynamic::format_syntax_error(self, inst, &name);
            push_lines(&mut ctx.out, &margin, &text);
        } else {
            ctx.out.push_str(&margin);
            let line = self.format_exception_only(&Value::Instance(inst.clone()));
            ctx.out.push_str(&line);
            ctx.out.push('\n');
        }
        self.format_notes(inst, ctx);
    }

    /// CPython's `print_exception_notes`: each note's lines behind the margin.
    fn format_notes(&mut self, inst: &Arc<Instance>, ctx: &mut PrintCtx) {
        let v = Value::Instance(inst.clone());
        let Ok(Some(notes)) = self.get_attr_opt(&v, "__notes__") else {
            return;
        };
        let margin = ctx.margin();
        let items = match &notes {
            Value::List(_) | Value::Tuple(_) | Value::Str(_) => {
                self.collect(&notes).unwrap_or_default()
            }
            _ => {
                let r = self
                    .repr(&notes)
                    .unwrap_or_else(|_| "<__notes__ repr() failed>".to_string());
                ctx.out.push_str(&format!("{margin}{r}\n"));
                return;
            }
        };
        for note in items {
            match self.to_str(&note) {
                Ok(text) => {
                    for line in text.split_inclusive('\n') {
                        ctx.out.push_str(&margin);
                        ctx.out.push_str(line);
                    }
                }
                Err(_) => ctx.out.push_str("<note str() failed>"),
            }
            ctx.out.push('\n');
        }
    }

    /// CPython 3.11's `print_exception_group`: the group, then each sub-exception in a box.
    fn format_group(&mut self, inst: &Arc<Instance>, ctx: &mut PrintCtx) {
        const MAX_WIDTH: usize = 15;
        const MAX_DEPTH: usize = 10;
        if ctx.depth > MAX_DEPTH {
            let m = ctx.margin();
            ctx.out
                .push_str(&format!("{m}... (max_group_depth is {MAX_DEPTH})\n"));
            return;
        }
        if ctx.depth == 0 {
            ctx.depth += 1;
        }
        self.format_one(inst, ctx);
        let excs = crate::object::exc_group::group_exceptions(self, inst);
        let n = excs.len().min(MAX_WIDTH + 1);
        ctx.need_close = false;
        for (i, exc) in excs.iter().take(n).enumerate() {
            let last = i == n - 1;
            if last {
                ctx.need_close = true;
            }
            let indent = " ".repeat(2 * ctx.depth);
            let corner = if i == 0 { "+-" } else { "  " };
            let truncated = i >= MAX_WIDTH;
            if truncated {
                ctx.out.push_str(&format!(
                    "{indent}{corner}+---------------- ... ----------------\n"
                ));
            } else {
                ctx.out.push_str(&format!(
                    "{indent}{corner}+---------------- {} ----------------\n",
                    i + 1
                ));
            }
            ctx.depth += 1;
            if truncated {
                let rest = excs.len() - MAX_WIDTH;
                let m = ctx.margin();
                ctx.out.push_str(&format!(
                    "{m}and {rest} more exception{}\n",
                    if rest > 1 { "s" } else { "" }
                ));
            } else if let Value::Instance(sub) = exc {
                if self.enter_native().is_ok() {
                    self.format_chain(sub, ctx);
                    self.leave_native();
                }
            }
            if last && ctx.need_close {
                let indent = " ".repeat(2 * ctx.depth);
                ctx.out
                    .push_str(&format!("{indent}+------------------------------------\n"));
                ctx.need_close = false;
            }
            ctx.depth -= 1;
        }
        if ctx.depth == 1 {
            ctx.depth -= 1;
        }
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

/// The state of printing one uncaught exception (CPython's `exception_print_context`).
#[derive(Default)]
struct PrintCtx {
    out: String,
    /// Exceptions already printed (chains are cut at them).
    seen: Vec<usize>,
    /// How deep inside exception groups: 0 outside, each level a 2-space indent and "| ".
    depth: usize,
    /// The box of the last sub-exception still needs its closing line.
    need_close: bool,
}

impl PrintCtx {
    fn margin(&self) -> String {
        if self.depth == 0 {
            String::new()
        } else {
            format!("{}| ", " ".repeat(2 * self.depth))
        }
    }
}

/// Append `text` with `prefix` before each of its lines.
fn push_lines(out: &mut String, prefix: &str, text: &str) {
    for line in text.split_inclusive('\n') {
        out.push_str(prefix);
        out.push_str(line);
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
