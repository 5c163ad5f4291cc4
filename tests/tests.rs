//! gilvm's integration tests, in one test binary with a module per topic (the way ripgrep
//! organises its tests): `differential` runs every program and case under python3 and gilvm
//! and compares them, `hostile` runs malformed and hostile programs, `cli` checks the command
//! line, `imports` checks where imports look (`sys.path`), `asyncio_io` checks that the event loop's wait releases the GIL and leaves no descriptor, `futures` checks that executors leave no workers, `io_blocking` checks that blocking socket and subprocess calls release the GIL, `lab` checks compare / sweep / traces, `readme` runs README.md's commands, `sandbox` checks the instruction limit and the sandbox in process, `signals` checks Ctrl-C, `util` holds the process helpers.

mod asyncio_io;
mod cli;
mod differential;
mod futures;
mod hostile;
mod imports;
mod io_blocking;
mod lab;
mod layers;
mod managers;
mod multiprocessing;
mod native_gil;
mod pyperformance;
mod readme;
mod sandbox;
mod signals;
mod threads_cli;
mod tree_limits;
mod util;
