//! asyncio (placeholder hooks).
use crate::error::{PyErr, PyResult};
use crate::generator::GenStep;
use crate::value::Value;
use crate::vm::Vm;

pub fn native_send(_vm: &mut Vm, _it: &Value, _v: &Value) -> Option<PyResult<GenStep>> {
    None
}
pub fn native_throw(_vm: &mut Vm, _it: &Value, _e: &PyErr) -> Option<PyResult<GenStep>> {
    None
}
pub fn is_native_awaitable(_v: &Value) -> bool {
    false
}
