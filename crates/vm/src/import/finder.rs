//! Finding and loading modules, CPython's `sys.meta_path` in two finders: the built-in modules
//! (crates/vm/src/modules, made on first import), then the file system along `sys.path` (or a
//! package's `__path__`): `DIR/NAME/__init__.py` (a package), `DIR/NAME.py` (a module), and
//! `DIR/NAME/` without `__init__.py` as a namespace package when nothing else matched on the
//! whole path. A file module is registered in `sys.modules` before its code runs (so a cycle
//! sees it partly initialised) and removed again if its code raises. Also the initial
//! `sys.path`: the script's directory (the current one for `-c` and stdin), then `PYTHONPATH`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::interp::vm::{Vm, VmConfig};
use crate::object::error::PyResult;
use crate::object::gilcell::GilCell;
use crate::object::value::{DictMap, Module, PyStr, Value};
use crate::protocol::hash::str_key;

/// `sys.path` at start-up: `argv[0]`'s directory made absolute (`''` for `-c`, stdin or an
/// interactive run), then the entries of `PYTHONPATH`.
pub fn initial_sys_path(config: &VmConfig) -> Vec<String> {
    if let Some(path) = &config.sys_path {
        return path.clone();
    }
    let script = config.argv.first().map(String::as_str).unwrap_or("");
    let first = if script.is_empty() || script == "-c" || script == "-" || script.starts_with('<') {
        String::new()
    } else {
        let dir = Path::new(script).parent().unwrap_or(Path::new(""));
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        std::fs::canonicalize(dir)
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| dir.display().to_string())
    };
    let mut path = vec![first];
    if let Ok(pp) = std::env::var("PYTHONPATH") {
        path.extend(pp.split(':').filter(|s| !s.is_empty()).map(str::to_string));
    }
    path
}

/// What a path search found for a name.
enum Found {
    /// `DIR/NAME/__init__.py`: the file and the package directory.
    Package(PathBuf, PathBuf),
    /// `DIR/NAME.py`
    Module(PathBuf),
}

impl Vm {
    /// Is `name` one of gilvm's built-in modules (without making it)?
    pub(crate) fn is_builtin_module(name: &str) -> bool {
        crate::modules::BUILTIN_NAMES.contains(&name) || crate::modules::inittab::contains(name)
    }

    /// Find module `name` (absolute; its parent is imported already and `search` is the
    /// parent's `__path__`, or `None` for a top-level name meaning `sys.path`), create it and run
    /// it. `None` when no finder knows the name.
    pub(super) fn find_and_exec(
        &mut self,
        name: &str,
        search: Option<Vec<String>>,
    ) -> PyResult<Option<Value>> {
        if Vm::is_builtin_module(name) {
            return self.load_builtin(name).map(Some);
        }
        if self.sandboxed() {
            // The sandbox has no file system: only built-in modules.
            return Ok(None);
        }
        let dirs = match search {
            Some(dirs) => dirs,
            None => self.sys_path()?,
        };
        let leaf = name.rsplit('.').next().unwrap_or(name);
        let mut namespace = Vec::new();
        for dir in &dirs {
            let base = if dir.is_empty() {
                std::env::current_dir().unwrap_or_default()
            } else {
                PathBuf::from(dir)
            };
            let pkg = base.join(leaf);
            if pkg.is_dir() {
                let init = pkg.join("__init__.py");
                if init.is_file() {
                    return self.load_file(name, Found::Package(init, pkg)).map(Some);
                }
            }
            let file = base.join(format!("{leaf}.py"));
            if file.is_file() {
                return self.load_file(name, Found::Module(file)).map(Some);
            }
            if pkg.is_dir() {
                namespace.push(pkg.display().to_string());
            }
        }
        if namespace.is_empty() {
            return Ok(None);
        }
        self.load_namespace(name, namespace).map(Some)
    }

    /// A built-in module, made and registered in `sys.modules` (refused ones in the sandbox
    /// raise ImportError).
    fn load_builtin(&mut self, name: &str) -> PyResult<Value> {
        if let Some(err) = self.sandbox_import(name) {
            return Err(err);
        }
        let gil = self.gil();
        match crate::modules::make_module(self, name) {
            Some(Ok(m)) => {
                // A module written in Python (threading, asyncio) registered itself already.
                if let Some(v) = self.interp.module_value(gil, name) {
                    return Ok(v);
                }
                self.interp.set_module(gil, name, Value::Module(m.clone()));
                Ok(Value::Module(m))
            }
            Some(Err(e)) => Err(e),
            None => Err(self.module_not_found(format!("No module named '{name}'"), name)),
        }
    }

    /// The current `sys.path` entries that are strings.
    pub fn sys_path(&mut self) -> PyResult<Vec<String>> {
        let sys = self.import("sys")?;
        let path =
            crate::protocol::hash::dict_get_str(&sys.globals.borrow(self.gil()), "path").cloned();
        let Some(path) = path else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for entry in self.collect(&path)? {
            if let Value::Str(s) = entry {
                out.push(s.as_str().to_string());
            }
        }
        Ok(out)
    }

    /// A new module object with CPython's module attributes.
    fn new_file_module(
        &mut self,
        name: &str,
        file: Option<&str>,
        path: Option<Vec<String>>,
    ) -> Arc<Module> {
        let module = Arc::new(Module {
            name: Arc::new(PyStr::new(name)),
            globals: Arc::new(GilCell::new(DictMap::default())),
            filename: file.map(Arc::from),
        });
        let package = if path.is_some() {
            name.to_string()
        } else {
            name.rsplit_once('.').map_or("", |(p, _)| p).to_string()
        };
        let gil = self.gil();
        let mut g = module.globals.borrow_mut(gil);
        g.insert(str_key("__name__"), Value::str(name));
        g.insert(str_key("__doc__"), Value::None);
        g.insert(str_key("__package__"), Value::str(package));
        g.insert(str_key("__loader__"), Value::None);
        g.insert(str_key("__spec__"), Value::None);
        if let Some(path) = path {
            let items = path.into_iter().map(Value::str).collect();
            g.insert(str_key("__path__"), Value::list(items));
        }
        g.insert(str_key("__file__"), file.map_or(Value::None, Value::str));
        g.insert(
            str_key("__builtins__"),
            Value::Module(self.interp.builtins.clone()),
        );
        drop(g);
        module
    }

    /// Read, compile and run a source file as module `name`.
    fn load_file(&mut self, name: &str, found: Found) -> PyResult<Value> {
        let (file, path) = match found {
            Found::Package(init, dir) => (init, Some(vec![dir.display().to_string()])),
            Found::Module(file) => (file, None),
        };
        let filename = file.display().to_string();
        let source = match std::fs::read(&file) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(s) => s,
                Err(_) => {
                    let class = self.types().syntax_error.clone();
                    return Err(self.new_error(
                        &class,
                        format!("Non-UTF-8 code in file '{filename}' (gilvm reads UTF-8 only)"),
                    ));
                }
            },
            Err(e) => {
                return Err(self.import_error(
                    format!("cannot read '{filename}': {e}"),
                    Some(name),
                    Some(&filename),
                ))
            }
        };
        let code = match gilvm_compiler::compile_source(&source, &filename) {
            Ok(code) => code,
            Err(err) => {
                return Err(crate::interp::dynamic::syntax_error(
                    self,
                    &err,
                    &source,
                    Some(&source),
                    &filename,
                ))
            }
        };
        self.interp
            .sources
            .lock()
            .insert(Arc::from(filename.as_str()), Arc::from(source));
        let module = self.new_file_module(name, Some(&filename), path);
        self.exec_module(name, code, module)
    }

    /// A namespace package: a module with a `__path__` and no file.
    fn load_namespace(&mut self, name: &str, dirs: Vec<String>) -> PyResult<Value> {
        let module = self.new_file_module(name, None, Some(dirs));
        let gil = self.gil();
        self.interp
            .set_module(gil, name, Value::Module(module.clone()));
        Ok(Value::Module(module))
    }

    /// Register `module` in `sys.modules`, run `code` in it and return what `sys.modules` then
    /// holds under the name (a module may replace itself); on an error the name is removed.
    pub(crate) fn exec_module(
        &mut self,
        name: &str,
        code: Arc<gilvm_compiler::CodeObject>,
        module: Arc<Module>,
    ) -> PyResult<Value> {
        let gil = self.gil();
        self.interp
            .set_module(gil, name, Value::Module(module.clone()));
        self.init_begin(name);
        let code = crate::interp::frame::load_code(code, &mut self.interp.interned.borrow_mut(gil));
        let result = self.run_code(code, module.clone(), None);
        self.init_end(name);
        if let Err(e) = result {
            self.interp.remove_module(gil, name);
            return Err(e);
        }
        match self.interp.module_value(gil, name) {
            Some(v) => Ok(v),
            None => Err(self.import_error(
                format!("Loaded module {name} not found in sys.modules"),
                Some(name),
                None,
            )),
        }
    }

    /// `importlib.reload`: run the module's file again in the module's own namespace (a
    /// built-in module is returned as it is).
    pub(crate) fn reload_module(&mut self, name: &str, module: &Arc<Module>) -> PyResult<Value> {
        let Some(filename) = module.filename.clone() else {
            return Ok(Value::Module(module.clone()));
        };
        let source = match std::fs::read_to_string(&*filename) {
            Ok(s) => s,
            Err(_) => return Err(self.module_not_found(format!("No module named '{name}'"), name)),
        };
        let code = match gilvm_compiler::compile_source(&source, &filename) {
            Ok(code) => code,
            Err(err) => {
                return Err(crate::interp::dynamic::syntax_error(
                    self,
                    &err,
                    &source,
                    Some(&source),
                    &filename,
                ))
            }
        };
        self.interp
            .sources
            .lock()
            .insert(filename.clone(), Arc::from(source));
        let gil = self.gil();
        let code = crate::interp::frame::load_code(code, &mut self.interp.interned.borrow_mut(gil));
        self.run_code(code, module.clone(), None)?;
        Ok(self
            .interp
            .module_value(gil, name)
            .unwrap_or(Value::Module(module.clone())))
    }
}
