//! Where imports look, from the command line: `sys.path` starts with the script's directory
//! (absolute, wherever gilvm is started from) or `''` (the current directory) for `-c`, then
//! the entries of `PYTHONPATH`. What imports do is checked by the differential folder cases
//! (tests/cases/imports/); these checks need a working directory or environment of their own.

use std::process::Command;

use crate::util::{self, Scratch};

fn write(dir: &std::path::Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

#[test]
fn a_script_finds_its_neighbours_from_any_directory() {
    let scratch = Scratch::new("imports-neighbours");
    let app = scratch.path.join("app");
    write(
        &app,
        "main.py",
        "import sys, helper\nprint(helper.X, sys.path[0] == helper.DIR)\n",
    );
    write(
        &app,
        "helper.py",
        "import os\nX = 'found'\nDIR = os.path.dirname(__file__)\n",
    );
    // Started from the scratch directory, with the script given as a relative path.
    let mut cmd = Command::new(util::gilvm_bin());
    cmd.current_dir(&scratch.path).arg("app/main.py");
    let out = util::run(cmd, b"", util::timeout());
    assert_eq!(out.status, Some(0), "{}", out.dump());
    assert_eq!(out.stdout, "found True\n");
}

#[test]
fn dash_c_imports_from_the_current_directory() {
    let scratch = Scratch::new("imports-dash-c");
    write(&scratch.path, "here.py", "WHERE = 'cwd'\n");
    let out = util::gilvm(
        &[
            "-c",
            "import sys, here; print(repr(sys.path[0]), here.WHERE)",
        ],
        b"",
        Some(&scratch.path),
    );
    assert_eq!(out.status, Some(0), "{}", out.dump());
    assert_eq!(out.stdout, "'' cwd\n");
}

#[test]
fn pythonpath_entries_follow_the_script_directory() {
    let scratch = Scratch::new("imports-pythonpath");
    let libs = scratch.path.join("libs");
    write(&libs, "extra/__init__.py", "NAME = 'extra'\n");
    write(&libs, "shadow.py", "WHO = 'pythonpath'\n");
    write(&scratch.path, "shadow.py", "WHO = 'script dir'\n");
    write(
        &scratch.path,
        "main.py",
        "import sys, extra, shadow\nprint(extra.NAME, shadow.WHO, sys.path[1].endswith('libs'))\n",
    );
    let mut cmd = Command::new(util::gilvm_bin());
    cmd.current_dir(&scratch.path)
        .env("PYTHONPATH", &libs)
        .arg("main.py");
    let out = util::run(cmd, b"", util::timeout());
    assert_eq!(out.status, Some(0), "{}", out.dump());
    assert_eq!(out.stdout, "extra script dir True\n");
}

#[test]
fn an_import_error_names_the_module_and_exits_1() {
    let out = util::gilvm(&["-c", "import nosuchpackage.nothing"], b"", None);
    assert_eq!(out.status, Some(1), "{}", out.dump());
    assert!(
        out.stderr
            .ends_with("ModuleNotFoundError: No module named 'nosuchpackage'\n"),
        "{}",
        out.dump()
    );
}
