//! `multiprocessing.Manager()`: its server process is reaped at `shutdown()` and at interpreter
//! exit (a manager never shut down), leaving no process and no socket directory behind.

use std::process::Command;

use crate::multiprocessing::assert_no_workers;
use crate::util::{self, Scratch};

fn run(name: &str, source: &str) {
    let scratch = Scratch::new(name);
    let script = scratch.write(&format!("{name}.py"), source);
    let mut cmd = Command::new(util::gilvm_bin());
    cmd.arg(&script).current_dir(&scratch.path);
    let out = util::run(cmd, b"", util::timeout());
    assert!(!out.timed_out, "{}", out.dump());
    assert_eq!(out.status, Some(0), "{}", out.dump());
    let stdout = out.stdout.clone();
    let mut lines = stdout.lines();
    let pid = lines.next().expect("the manager's pid");
    let dir = lines.next().expect("the manager's socket directory");
    assert_eq!(lines.next(), Some("ok"), "{}", out.dump());
    assert_no_workers(&script);
    assert!(
        !std::path::Path::new(&format!("/proc/{pid}")).exists(),
        "manager {pid} left"
    );
    assert!(
        !std::path::Path::new(dir).exists(),
        "socket directory {dir} left"
    );
}

#[test]
fn a_manager_shut_down_leaves_no_process() {
    run(
        "mgr_shutdown",
        "import multiprocessing as mp, os\n\
         if __name__ == '__main__':\n\
         \x20   m = mp.Manager()\n\
         \x20   d = m.dict(a=1)\n\
         \x20   print(m._process.pid)\n\
         \x20   print(os.path.dirname(m.address))\n\
         \x20   m.shutdown()\n\
         \x20   print('ok' if not m._process.is_alive() and d is not None else 'alive')\n",
    );
}

#[test]
fn a_manager_left_running_is_reaped_at_exit() {
    run(
        "mgr_atexit",
        "import multiprocessing as mp, os\n\
         if __name__ == '__main__':\n\
         \x20   m = mp.Manager()\n\
         \x20   q = m.Queue()\n\
         \x20   q.put(1)\n\
         \x20   print(m._process.pid)\n\
         \x20   print(os.path.dirname(m.address))\n\
         \x20   print('ok' if q.get() == 1 else 'bad')\n",
    );
}
