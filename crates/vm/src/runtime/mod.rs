//! The runtime layer: what runs the interpreter on real OS threads and keeps it inside its
//! limits — the GIL ([`gil`]), blocking calls with the GIL released ([`blocking`]), interrupts
//! and the shutdown signal ([`interrupt`]), the exit hooks registered modules run at the end ([`exit_hooks`]), Python-level signal handlers ([`signals`]), the instruction and memory budgets
//! ([`instr_limit`], [`alloc_limit`]), the sandbox ([`sandbox`]) and the native stack guard
//! ([`stack_guard`]).

pub mod alloc_limit;
pub mod blocking;
pub mod exit_hooks;
pub mod gil;
pub mod instr_limit;
pub mod interrupt;
pub mod sandbox;
pub mod signals;
pub mod stack_guard;
