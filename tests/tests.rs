//! gilvm's integration tests, in one test binary with a module per topic (the way ripgrep
//! organises its tests): `differential` runs every program and case under python3 and gilvm
//! and compares them, `hostile` runs malformed and hostile programs, `cli` checks the command
//! line, `lab` checks compare / sweep / traces, `readme` runs README.md's commands, `signals` checks Ctrl-C, `util` holds the process helpers.

mod cli;
mod differential;
mod hostile;
mod lab;
mod multiprocessing;
mod readme;
mod signals;
mod threads_cli;
mod util;
