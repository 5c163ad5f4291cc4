//! The interpreter layer: the [`vm::Vm`] handle every function receives, frames
//! ([`frame`]), the eval loop ([`eval`], [`eval_ops`], [`fused`], [`unwind`]), calls
//! ([`call`]), generators and coroutines ([`generator`], [`async_gen`]), `match`
//! ([`matching`]) and dynamic execution (`eval`/`exec`/`compile`: [`dynamic`]).

pub mod async_gen;
mod atexit;
pub(crate) mod call;
pub mod dynamic;
pub mod eval;
pub(crate) mod eval_ops;
mod except_star;
pub(crate) mod frame;
mod frame_info;
pub(crate) mod fused;
pub mod generator;
pub(crate) mod matching;
pub(crate) mod unwind;
pub mod vm;
