//! The `atexit` hook of a normal exit: once the main module has finished and the non-daemon
//! threads are joined, the functions registered with `atexit.register` run (the module, in
//! gilvm-stdlib, keeps them and runs them in LIFO order through its `_run_exitfuncs`). Nothing
//! happens if the program never imported `atexit`.

use crate::interp::vm::Vm;
use crate::object::key::dict_get_str;

impl Vm {
    /// Run `atexit._run_exitfuncs()` if `atexit` is in `sys.modules` (errors in it are the
    /// module's to report; whatever escapes is dropped, as CPython's exit does).
    pub(crate) fn run_atexit(&mut self) {
        let gil = self.gil();
        let module = dict_get_str(&self.interp.modules.borrow(gil), "atexit").cloned();
        if let Some(m) = module {
            if let Ok(Some(f)) = self.get_attr_opt(&m, "_run_exitfuncs") {
                let _ = self.call(&f, &[]);
            }
        }
    }
}
