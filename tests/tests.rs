//! gilvm's integration tests, in one test binary with a module per topic (the way ripgrep
//! organises its tests): `differential` runs every program and case under python3 and gilvm
//! and compares them, `hostile` runs malformed and hostile programs, `cli` checks the command
//! line, `imports` checks where imports look (`sys.path`), `lab` checks compare / sweep / traces, `readme` runs README.md's commands, `signals` checks Ctrl-C, `util` holds the process helpers.

mod cli;
mod differential;
mod hostile;
mod imports;
mod lab;
mod layers;
mod multiprocessing;
mod native_gil;
mod readme;
mod signals;
mod threads_cli;
mod tree_limits;
mod util;
