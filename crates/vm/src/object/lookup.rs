//! Name lookups in a class and its MRO, by the class dicts alone (no descriptors, no
//! `__getattr__`): what the protocol layer builds attribute access on, and what the object layer
//! uses to ask whether a class defines a dunder.

use std::sync::Arc;

use crate::object::class::{class_flags, flags, is_user_class};
use crate::object::gilcell::Gil;
use crate::object::key::StrKey;
use crate::object::value::{Class, Value};

/// Look `name` up in `class` and then its MRO.
pub fn class_lookup(class: &Arc<Class>, name: &str, gil: Gil) -> Option<Value> {
    let key = StrKey::new(name);
    if let Some(v) = class.dict.borrow(gil).get(&key) {
        return Some(v.clone());
    }
    for c in class.mro.iter() {
        if let Some(v) = c.dict.borrow(gil).get(&key) {
            return Some(v.clone());
        }
    }
    None
}

/// Like [`class_lookup`] but only in user classes: stops at the first built-in class (so the
/// native defaults of `object` and `BaseException` are not mistaken for user dunders).
pub fn user_lookup(class: &Arc<Class>, name: &str, gil: Gil) -> Option<Value> {
    let key = StrKey::new(name);
    for c in std::iter::once(class).chain(class.mro.iter()) {
        if !is_user_class(c, gil) {
            if class_flags(class) & flags::MIXED_MRO != 0 {
                continue;
            }
            return None;
        }
        if let Some(v) = c.dict.borrow(gil).get(&key) {
            return Some(v.clone());
        }
    }
    None
}
