//! gilvm-lab: the lab of design §6 — `gilvm compare` (jobs run sequentially, with threads,
//! processes and coroutines, as measured child processes), `gilvm sweep` (the GIL knobs against
//! CPU throughput and I/O wake latency), and the views of a run's threads: the Chrome trace
//! (`--trace`, for Perfetto) and the SVG timeline (`--timeline`).
//!
//! The child runs report their GIL statistics through `gilvm run --stats-json FILE`
//! ([`gilstats`]); the binary's `main.rs` only parses arguments and calls [`cli`].

#![forbid(unsafe_code)]

pub mod args;
pub mod chart;
pub mod child;
pub mod cli;
pub mod compare;
pub mod gilstats;
pub mod progress;
pub mod report;
pub mod runner;
pub mod spans;
pub mod sweep;
pub mod sweep_chart;
pub mod timeline;
pub mod trace;
pub mod workloads;

#[cfg(test)]
mod testdata;
