//! gilvm-stdlib: the standard library's leaf modules — those that need nothing of the VM's
//! internals beyond the public interface — registered into the VM's module table
//! (`gilvm_vm::modules::inittab`) by the binary at start-up. The VM knows none of them.
//!
//! Modules written in Python live in `lib/NAME.py` and are embedded in the binary; a module
//! whose speed or OS access demands Rust gets a file of its own under `src/`.

mod binascii;
mod cmath;
mod codecs;
mod fdio;
mod frozen;
pub mod hashlib;
mod json;
mod math;
mod math_int;
mod mt;
pub mod multiprocessing;
mod os;
mod os_fd;
mod os_fs;
mod random;
mod random_big;
pub mod re;
mod select;
mod signal;
mod socket;
mod socket_addr;
mod struct_mod;
mod subprocess;
mod tb;
mod time;
mod weakref;
mod zlib;
mod zlib_stream;

use gilvm_vm::modules::inittab::{self, ModuleDef, ModuleInit};

/// Every module of this crate, by its import name.
pub const MODULES: &[ModuleDef] = &[
    python(
        "_collections_abc",
        include_str!("../lib/_collections_abc.py"),
    ),
    native("_gilvm_codecs", codecs::make),
    native("_gilvm_hashlib", hashlib::make),
    native("_gilvm_mp", |vm| Ok(multiprocessing::make_native(vm))),
    native("_gilvm_re", re::make),
    python("_gilvm_reduce", include_str!("../lib/_gilvm_reduce.py")),
    native("_gilvm_select", select::make),
    native("_gilvm_struct", struct_mod::make),
    native("_gilvm_subprocess", subprocess::make),
    native("_gilvm_tb", tb::make),
    native("_gilvm_zlib", zlib::make),
    native("_json", json::make),
    python("_markupbase", include_str!("../lib/_markupbase.py")),
    native("_signal", signal::make),
    native("_socket", socket::make),
    python("_strptime", include_str!("../lib/_strptime.py")),
    native("_time", |vm| Ok(time::make(vm))),
    native("_weakref", weakref::make),
    python("abc", include_str!("../lib/abc.py")),
    python("argparse", include_str!("../lib/argparse.py")),
    python("array", include_str!("../lib/array.py")),
    python("atexit", include_str!("../lib/atexit.py")),
    python("base64", include_str!("../lib/base64.py")),
    native("binascii", binascii::make),
    python("bisect", include_str!("../lib/bisect.py")),
    python("calendar", include_str!("../lib/calendar.py")),
    native("cmath", cmath::make),
    python("codecs", include_str!("../lib/codecs.py")),
    python("collections", include_str!("../lib/collections.py")),
    python("collections.abc", include_str!("../lib/collections_abc.py")),
    python("colorsys", include_str!("../lib/colorsys.py")),
    python("concurrent", include_str!("../lib/concurrent/__init__.py")),
    python(
        "concurrent.futures",
        include_str!("../lib/concurrent/futures/__init__.py"),
    ),
    python(
        "concurrent.futures._base",
        include_str!("../lib/concurrent/futures/_base.py"),
    ),
    python(
        "concurrent.futures.process",
        include_str!("../lib/concurrent/futures/process.py"),
    ),
    python(
        "concurrent.futures.thread",
        include_str!("../lib/concurrent/futures/thread.py"),
    ),
    python("contextlib", include_str!("../lib/contextlib.py")),
    python("contextvars", include_str!("../lib/contextvars.py")),
    python("copy", include_str!("../lib/copy.py")),
    python("dataclasses", include_str!("../lib/dataclasses.py")),
    python("datetime", include_str!("../lib/datetime.py")),
    python("difflib", include_str!("../lib/difflib.py")),
    python("enum", include_str!("../lib/enum.py")),
    python("errno", include_str!("../lib/errno.py")),
    python("fnmatch", include_str!("../lib/fnmatch.py")),
    python("fractions", include_str!("../lib/fractions.py")),
    python("functools", include_str!("../lib/functools.py")),
    python("gc", include_str!("../lib/gc.py")),
    python("genericpath", include_str!("../lib/genericpath.py")),
    python("getopt", include_str!("../lib/getopt.py")),
    python("glob", include_str!("../lib/glob.py")),
    python("gzip", include_str!("../lib/gzip.py")),
    python("hashlib", include_str!("../lib/hashlib.py")),
    python("heapq", include_str!("../lib/heapq.py")),
    python("hmac", include_str!("../lib/hmac.py")),
    python("html", include_str!("../lib/html/__init__.py")),
    python("html.entities", include_str!("../lib/html/entities.py")),
    python("html.parser", include_str!("../lib/html/parser.py")),
    python("io", include_str!("../lib/io.py")),
    python("itertools", include_str!("../lib/itertools.py")),
    python("json", include_str!("../lib/json.py")),
    python("json.decoder", include_str!("../lib/json_decoder.py")),
    python("json.encoder", include_str!("../lib/json_encoder.py")),
    python("json.scanner", include_str!("../lib/json_scanner.py")),
    python("keyword", include_str!("../lib/keyword.py")),
    python("linecache", include_str!("../lib/linecache.py")),
    python("logging", include_str!("../lib/logging.py")),
    native("math", |vm| Ok(math::make(vm))),
    native("multiprocessing", multiprocessing::make),
    python(
        "multiprocessing.dummy",
        include_str!("../lib/multiprocessing/dummy.py"),
    ),
    python(
        "multiprocessing.managers",
        include_str!("../lib/multiprocessing/managers.py"),
    ),
    python(
        "multiprocessing.pool",
        include_str!("../lib/multiprocessing/pool.py"),
    ),
    python("numbers", include_str!("../lib/numbers.py")),
    python("operator", include_str!("../lib/operator.py")),
    python("os", include_str!("../lib/os.py")),
    // os.py binds os.path in sys.modules; this body runs only if that binding was removed.
    python(
        "os.path",
        "import sys, posixpath\nsys.modules['os.path'] = posixpath\n",
    ),
    python("pathlib", include_str!("../lib/pathlib.py")),
    native("posix", |vm| Ok(os::make(vm))),
    python("posixpath", include_str!("../lib/posixpath.py")),
    python("pprint", include_str!("../lib/pprint.py")),
    native("random", |vm| Ok(random::make(vm))),
    python("re", include_str!("../lib/re.py")),
    python("reprlib", include_str!("../lib/reprlib.py")),
    python("sched", include_str!("../lib/sched.py")),
    python("secrets", include_str!("../lib/secrets.py")),
    python("select", include_str!("../lib/select.py")),
    python("selectors", include_str!("../lib/selectors.py")),
    python("shlex", include_str!("../lib/shlex.py")),
    python("shutil", include_str!("../lib/shutil.py")),
    python("signal", include_str!("../lib/signal.py")),
    python("socket", include_str!("../lib/socket.py")),
    python("stat", include_str!("../lib/stat.py")),
    python("statistics", include_str!("../lib/statistics.py")),
    python("string", include_str!("../lib/string.py")),
    python("struct", include_str!("../lib/struct.py")),
    python("subprocess", include_str!("../lib/subprocess.py")),
    python("tempfile", include_str!("../lib/tempfile.py")),
    python("textwrap", include_str!("../lib/textwrap.py")),
    python("time", include_str!("../lib/time.py")),
    python("traceback", include_str!("../lib/traceback.py")),
    python("types", include_str!("../lib/types.py")),
    python("typing", include_str!("../lib/typing.py")),
    python("uuid", include_str!("../lib/uuid.py")),
    python("warnings", include_str!("../lib/warnings.py")),
    python("weakref", include_str!("../lib/weakref.py")),
    python("zlib", include_str!("../lib/zlib.py")),
];

const fn native(
    name: &'static str,
    init: fn(
        &mut gilvm_vm::Vm,
    ) -> gilvm_vm::PyResult<std::sync::Arc<gilvm_vm::object::value::Module>>,
) -> ModuleDef {
    ModuleDef {
        name,
        init: ModuleInit::Native(init),
    }
}

const fn python(name: &'static str, source: &'static str) -> ModuleDef {
    ModuleDef {
        name,
        init: ModuleInit::Python(source),
    }
}

/// Register [`MODULES`] into the VM's module table (once per process; later calls do
/// nothing).
pub fn register() {
    inittab::register(MODULES);
    inittab::register_frozen(frozen::lookup);
    multiprocessing::register_exit_hook();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_sorted() {
        let names: Vec<&str> = MODULES.iter().map(|m| m.name).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(names, sorted);
    }

    #[test]
    fn every_python_module_compiles() {
        for m in MODULES {
            if let ModuleInit::Python(source) = m.init {
                let filename = format!("<gilvm>/{}.py", m.name);
                if let Err(e) = gilvm_compiler::compile_source(source, &filename) {
                    panic!("{filename}: {}", e.message);
                }
            }
        }
    }
}
