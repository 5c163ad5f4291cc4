//! The import system, as CPython's `importlib._bootstrap` does it: `sys.modules` (a real dict:
//! one object per name, consulted first, assignable from Python), relative-name resolution
//! (`__package__`, `__name__`, `__path__`), what `IMPORT_NAME` pushes (the top-level package or
//! the module itself) with its fromlist handling (submodules named in a `from` import are
//! imported), `IMPORT_FROM`'s fallback to `sys.modules['pkg.name']`, and CPython's ImportError
//! messages. Finding and loading (built-in modules first, then `sys.path`) is finder.rs;
//! `importlib` and `__import__` are importlib.rs.

mod finder;
pub mod importlib;
mod lock;

use std::sync::Arc;

use crate::interp::vm::{Interp, Vm};
use crate::object::error::{PyErr, PyResult};
use crate::object::gilcell::Gil;
use crate::object::value::{Dict, Module, Value};
use crate::protocol::hash::{dict_get_str, str_key};

pub use finder::initial_sys_path;
pub use lock::InitState;

impl Interp {
    /// `sys.modules[name]` if it is a module object.
    pub fn module(&self, gil: Gil, name: &str) -> Option<Arc<Module>> {
        match dict_get_str(&self.modules.borrow(gil), name) {
            Some(Value::Module(m)) => Some(m.clone()),
            _ => None,
        }
    }
    /// `sys.modules.get(name)`: whatever object is stored under the name.
    pub fn module_value(&self, gil: Gil, name: &str) -> Option<Value> {
        dict_get_str(&self.modules.borrow(gil), name).cloned()
    }
    /// `sys.modules[name] = v`
    pub fn set_module(&self, gil: Gil, name: &str, v: Value) {
        self.modules.borrow_mut(gil).insert(str_key(name), v);
    }
    /// `sys.modules.pop(name, None)`
    pub fn remove_module(&self, gil: Gil, name: &str) {
        self.modules.borrow_mut(gil).shift_remove(&str_key(name));
    }
}

/// The value `IMPORT_NAME` finds on the stack for `fromlist`.
enum FromList {
    /// `import a.b`: push the top-level package.
    Top,
    /// `import a.b as c`: push `a.b`.
    Leaf,
    /// `from m import x, y` (names; `*` included).
    Names(Vec<Value>),
}

impl Vm {
    /// Import a module by absolute name and return it (`importlib.import_module(name)` for
    /// native code): a TypeError if `sys.modules` holds something else than a module under it.
    pub fn import(&mut self, name: &str) -> PyResult<Arc<Module>> {
        match self.import_absolute(name)? {
            Value::Module(m) => Ok(m),
            other => {
                let tn = self.type_name(&other);
                Err(self.type_error(format!(
                    "sys.modules['{name}'] is a '{tn}' object, not a module"
                )))
            }
        }
    }

    /// `IMPORT_NAME`: `__import__(name, globals, None, fromlist, level)`.
    pub(crate) fn import_name(
        &mut self,
        name: &str,
        globals: &Arc<Module>,
        fromlist: &Value,
        level: &Value,
    ) -> PyResult<Value> {
        let level = match level {
            Value::Int(n) => *n,
            _ => 0,
        };
        let fromlist = match fromlist {
            Value::None => FromList::Top,
            Value::Bool(true) => FromList::Leaf,
            other => FromList::Names(self.collect(other)?),
        };
        self.import_level(name, Some(&globals.globals), fromlist, level)
    }

    /// `__import__(name, globals, locals, fromlist, level)` (builtins, importlib.rs).
    pub(crate) fn dunder_import(
        &mut self,
        name: &str,
        globals: Option<&Arc<Dict>>,
        fromlist: &Value,
        level: i64,
    ) -> PyResult<Value> {
        let names = if fromlist.is_none() {
            Vec::new()
        } else {
            self.collect(fromlist)?
        };
        let fromlist = if names.is_empty() {
            FromList::Top
        } else {
            FromList::Names(names)
        };
        self.import_level(name, globals, fromlist, level)
    }

    fn import_level(
        &mut self,
        name: &str,
        globals: Option<&Arc<Dict>>,
        fromlist: FromList,
        level: i64,
    ) -> PyResult<Value> {
        if level < 0 {
            return Err(self.value_error("level must be >= 0"));
        }
        let absname = if level > 0 {
            let package = match globals {
                Some(g) => self.calc_package(g)?,
                None => String::new(),
            };
            self.resolve_relative(name, &package, level)?
        } else {
            if name.is_empty() {
                return Err(self.value_error("Empty module name"));
            }
            name.to_string()
        };
        let module = self.import_absolute(&absname)?;
        match fromlist {
            FromList::Leaf => Ok(module),
            FromList::Names(names) => {
                if self.get_attr_opt(&module, "__path__")?.is_some() {
                    self.handle_fromlist(&module, &names, false)?;
                }
                Ok(module)
            }
            FromList::Top if level == 0 => {
                let top = absname.split('.').next().unwrap_or(&absname).to_string();
                self.import_absolute(&top)
            }
            FromList::Top if name.is_empty() => Ok(module),
            FromList::Top => {
                // `__import__('b.c', level=1)` from package `a`: push `a.b`.
                let cut = name.len() - name.split('.').next().unwrap_or(name).len();
                let modname = self.module_name_of(&module)?;
                let want = &modname[..modname.len().saturating_sub(cut)];
                let gil = self.gil();
                match self.interp.module_value(gil, want) {
                    Some(v) => Ok(v),
                    None => Err(self.key_error_str(want)),
                }
            }
        }
    }

    /// CPython's `_calc___package__`: the package a relative import is relative to.
    fn calc_package(&mut self, globals: &Arc<Dict>) -> PyResult<String> {
        let gil = self.gil();
        let (package, spec, name, has_path) = {
            let g = globals.borrow(gil);
            (
                dict_get_str(&g, "__package__").cloned(),
                dict_get_str(&g, "__spec__").cloned(),
                dict_get_str(&g, "__name__").cloned(),
                dict_get_str(&g, "__path__").is_some(),
            )
        };
        if let Some(p) = package.filter(|p| !p.is_none()) {
            return match p {
                Value::Str(s) => Ok(s.as_str().to_string()),
                _ => Err(self.type_error("package must be a string")),
            };
        }
        if let Some(spec) = spec.filter(|s| !s.is_none()) {
            let parent = self.get_attr(&spec, "parent")?;
            return self.to_str(&parent);
        }
        let Some(name) = name else {
            return Err(self.key_error_str("'__name__' not in globals"));
        };
        let Value::Str(name) = name else {
            return Err(self.type_error("__name__ must be a string"));
        };
        let name = name.as_str();
        Ok(if has_path {
            name.to_string()
        } else {
            name.rsplit_once('.').map_or("", |(p, _)| p).to_string()
        })
    }

    /// CPython's `_resolve_name`: the absolute name of a relative import.
    pub(crate) fn resolve_relative(
        &mut self,
        name: &str,
        package: &str,
        level: i64,
    ) -> PyResult<String> {
        if package.is_empty() {
            return Err(self.import_error(
                "attempted relative import with no known parent package",
                None,
                None,
            ));
        }
        let bits: Vec<&str> = package.rsplitn(level as usize, '.').collect();
        if (bits.len() as i64) < level {
            return Err(self.import_error(
                "attempted relative import beyond top-level package",
                None,
                None,
            ));
        }
        let base = bits[bits.len() - 1];
        Ok(if name.is_empty() {
            base.to_string()
        } else {
            format!("{base}.{name}")
        })
    }

    /// CPython's `_gcd_import`: `sys.modules[name]`, importing it (and its parents) first if
    /// needed.
    pub(crate) fn import_absolute(&mut self, name: &str) -> PyResult<Value> {
        let gil = self.gil();
        if let Some(v) = self.interp.module_value(gil, name) {
            if v.is_none() {
                return Err(self.module_not_found(
                    format!("import of {name} halted; None in sys.modules"),
                    name,
                ));
            }
            if self.wait_for_init(name)? {
                // Another thread finished (or failed) initialising it meanwhile.
                if let Some(v) = self.interp.module_value(gil, name) {
                    return Ok(v);
                }
                return self.find_and_load(name);
            }
            return Ok(v);
        }
        self.find_and_load(name)
    }

    /// CPython's `_find_and_load_unlocked`: import the parent package, find the module on the
    /// parent's `__path__` (or as a built-in, then on `sys.path`), load it and bind it as an
    /// attribute of the parent.
    fn find_and_load(&mut self, name: &str) -> PyResult<Value> {
        let gil = self.gil();
        if name.contains('.') && Vm::is_builtin_module(name) {
            // `os.path`, `collections.abc`: made by the built-in finder, then bound as an
            // attribute of the parent, as CPython binds submodules. The parent is imported
            // first, as CPython does (`concurrent.futures.thread` needs its package's body to
            // run before its own) when it is written in Python (such a module is in
            // sys.modules while its body runs; a native parent such as os imports os.path
            // while it is being made, before it is there); the parent's body may have
            // imported this module.
            if let Some((pname, _)) = name.rsplit_once('.') {
                if crate::modules::inittab::is_python(pname)
                    && self.interp.module_value(gil, pname).is_none()
                {
                    self.import_absolute(pname)?;
                    if let Some(v) = self.interp.module_value(gil, name) {
                        return Ok(v);
                    }
                }
            }
            let module = self.find_and_exec(name, None)?.unwrap_or_default();
            if let Some((pname, child)) = name.rsplit_once('.') {
                let pmod = self.import_absolute(pname)?;
                let _ = self.set_attr(&pmod, child, module.clone());
            }
            return Ok(module);
        }
        let mut parent = None;
        let mut search = None;
        if let Some((pname, child)) = name.rsplit_once('.') {
            let pmod = self.import_absolute(pname)?;
            if let Some(v) = self.interp.module_value(gil, name) {
                return Ok(v);
            }
            let Some(path) = self.get_attr_opt(&pmod, "__path__")? else {
                return Err(self.module_not_found(
                    format!("No module named '{name}'; '{pname}' is not a package"),
                    name,
                ));
            };
            let mut dirs = Vec::new();
            for entry in self.collect(&path)? {
                if let Value::Str(s) = entry {
                    dirs.push(s.as_str().to_string());
                }
            }
            search = Some(dirs);
            parent = Some((pmod, child.to_string()));
        }
        let Some(module) = self.find_and_exec(name, search)? else {
            return Err(self.module_not_found(format!("No module named '{name}'"), name));
        };
        if let Some((pmod, child)) = parent {
            // CPython only warns when the parent refuses the attribute.
            let _ = self.set_attr(&pmod, &child, module.clone());
        }
        Ok(module)
    }

    /// CPython's `_handle_fromlist`: import the submodules of package `module` named in a
    /// `from` import (`*` means the package's `__all__`) that are not attributes yet.
    fn handle_fromlist(
        &mut self,
        module: &Value,
        names: &[Value],
        recursive: bool,
    ) -> PyResult<()> {
        for x in names {
            let Value::Str(s) = x else {
                let modname = self.module_name_of(module)?;
                let tn = self.type_name(x);
                let what = if recursive {
                    format!("{modname}.__all__")
                } else {
                    "``from list''".to_string()
                };
                return Err(self.type_error(format!("Item in {what} must be str, not {tn}")));
            };
            let s = s.as_str();
            if s == "*" {
                if !recursive {
                    if let Some(all) = self.get_attr_opt(module, "__all__")? {
                        let all = self.collect(&all)?;
                        self.handle_fromlist(module, &all, true)?;
                    }
                }
            } else if self.get_attr_opt(module, s)?.is_none() {
                let from_name = format!("{}.{s}", self.module_name_of(module)?);
                if let Err(e) = self.import_absolute(&from_name) {
                    // A missing submodule is left to IMPORT_FROM's "cannot import name".
                    let missing = self.err_is(&e, &self.types().module_not_found_error.clone())
                        && self.import_error_name(&e).as_deref() == Some(from_name.as_str());
                    let gil = self.gil();
                    let none = self
                        .interp
                        .module_value(gil, &from_name)
                        .is_some_and(|v| v.is_none());
                    if !missing || none {
                        return Err(e);
                    }
                }
            }
        }
        Ok(())
    }

    /// `IMPORT_FROM`: `module.name`, else `sys.modules['module.name']` (a submodule being
    /// imported in a cycle), else CPython's ImportError.
    pub(crate) fn import_from(&mut self, m: &Value, name: &str) -> PyResult<Value> {
        if let Some(v) = self.get_attr_opt(m, name)? {
            return Ok(v);
        }
        let pkgname = match self.get_attr_opt(m, "__name__")? {
            Some(Value::Str(s)) => Some(s.as_str().to_string()),
            _ => None,
        };
        if let Some(p) = &pkgname {
            let gil = self.gil();
            if let Some(v) = self.interp.module_value(gil, &format!("{p}.{name}")) {
                return Ok(v);
            }
        }
        let path = match self.get_attr_opt(m, "__file__")? {
            Some(Value::Str(s)) => Some(s.as_str().to_string()),
            _ => None,
        };
        let shown = pkgname.as_deref().unwrap_or("<unknown module name>");
        let initializing = pkgname.as_deref().is_some_and(|p| {
            self.interp
                .initializing
                .borrow(self.gil())
                .is_initializing(p)
        });
        let msg = match &path {
            None => format!("cannot import name '{name}' from '{shown}' (unknown location)"),
            Some(path) if initializing => format!(
                "cannot import name '{name}' from partially initialized module '{shown}' \
                 (most likely due to a circular import) ({path})"
            ),
            Some(path) => format!("cannot import name '{name}' from '{shown}' ({path})"),
        };
        Err(self.import_error(msg, pkgname.as_deref(), path.as_deref()))
    }

    /// `module.__name__` as a string.
    fn module_name_of(&mut self, module: &Value) -> PyResult<String> {
        if let Value::Module(m) = module {
            if let Some(Value::Str(s)) = dict_get_str(&m.globals.borrow(self.gil()), "__name__") {
                return Ok(s.as_str().to_string());
            }
        }
        let n = self.get_attr(module, "__name__")?;
        self.to_str(&n)
    }

    /// An ImportError with its `name` and `path` attributes.
    pub(crate) fn import_error(
        &mut self,
        msg: impl Into<String>,
        name: Option<&str>,
        path: Option<&str>,
    ) -> PyErr {
        let class = self.types().import_error.clone();
        let err = self.new_error(&class, msg);
        self.set_import_attrs(&err, name, path);
        err
    }

    /// A ModuleNotFoundError for module `name`.
    pub(crate) fn module_not_found(&mut self, msg: String, name: &str) -> PyErr {
        let class = self.types().module_not_found_error.clone();
        let err = self.new_error(&class, msg);
        self.set_import_attrs(&err, Some(name), None);
        err
    }

    fn set_import_attrs(&mut self, err: &PyErr, name: Option<&str>, path: Option<&str>) {
        let gil = self.gil();
        let mut attrs = err.0.attrs.borrow_mut(gil);
        attrs.insert(str_key("name"), name.map_or(Value::None, Value::str));
        attrs.insert(str_key("path"), path.map_or(Value::None, Value::str));
    }

    /// The `name` attribute of an ImportError.
    fn import_error_name(&self, err: &PyErr) -> Option<String> {
        match dict_get_str(&err.0.attrs.borrow(self.gil()), "name") {
            Some(Value::Str(s)) => Some(s.as_str().to_string()),
            _ => None,
        }
    }

    fn key_error_str(&mut self, key: &str) -> PyErr {
        let class = self.types().key_error.clone();
        self.new_error(&class, key)
    }

    /// `ImportError(*args, name=None, path=None)`: the keywords become attributes.
    pub(crate) fn import_error_kwargs(
        &mut self,
        inst: &Value,
        class: &Arc<crate::object::value::Class>,
        kwargs: &[(Arc<crate::object::value::PyStr>, Value)],
    ) -> PyResult<()> {
        let Value::Instance(i) = inst else {
            return Ok(());
        };
        for (k, v) in kwargs {
            let k = k.as_str();
            if k != "name" && k != "path" {
                return Err(self.type_error(format!(
                    "'{k}' is an invalid keyword argument for {}()",
                    class.name.as_str()
                )));
            }
            i.attrs.borrow_mut(self.gil()).insert(str_key(k), v.clone());
        }
        Ok(())
    }
}
