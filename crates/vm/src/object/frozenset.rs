//! The `frozenset` object: an immutable set, a native object (`Value::Native`) so that `Value`
//! and the eval loop are untouched. It holds a set [`Builder`] (the map and, for sets of
//! numbers, CPython's simulated table, so it iterates in CPython's order) that is never changed
//! after construction, and its hash, computed once as CPython's `frozenset_hash` does. Its
//! methods and operators are `crate::builtins::frozenset_methods`'.
//!
//! Because the contents never change they need no `GilCell`: key equality (which has no GIL
//! token) compares two frozensets directly.

use std::sync::{Arc, OnceLock};

use crate::object::gilcell::{Gil, GilCell};
use crate::object::setorder::{self, Builder};
use crate::object::value::{NativeObject, Set, SetMap, Value};

/// An immutable set.
#[derive(Debug)]
pub struct FrozenSet {
    contents: Builder,
    hash: OnceLock<i64>,
}

/// The contents are held without a cell: `x = frozenset({x})` chains free through the trashcan.
impl Drop for FrozenSet {
    fn drop(&mut self) {
        crate::object::trashcan::release(std::mem::take(&mut self.contents));
    }
}

impl NativeObject for FrozenSet {
    fn type_name(&self) -> &'static str {
        "frozenset"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl FrozenSet {
    pub fn map(&self) -> &SetMap {
        self.contents.map()
    }

    pub fn len(&self) -> usize {
        self.contents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.contents.is_empty()
    }

    /// The contents (map and layout), to compute a set operation from.
    pub fn builder(&self) -> &Builder {
        &self.contents
    }

    /// The elements in the order Python code sees them.
    pub fn values(&self) -> Vec<Value> {
        self.contents.keys().into_iter().map(|k| k.value).collect()
    }

    /// CPython's `frozenset_hash`: the xor of each element's shuffled hash (so independent of
    /// the table's layout), mixed with the size.
    pub fn hash(&self) -> i64 {
        *self.hash.get_or_init(|| {
            fn shuffle(h: u64) -> u64 {
                ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
            }
            let mut h: u64 = 0;
            for k in self.contents.map().keys() {
                h ^= shuffle(k.hash);
            }
            h ^= (self.contents.len() as u64 + 1).wrapping_mul(1927868237);
            h ^= (h >> 11) ^ (h >> 25);
            h = h.wrapping_mul(69069).wrapping_add(907133923);
            if h == u64::MAX {
                h = 590923713;
            }
            h as i64
        })
    }
}

/// A new frozenset value holding what `b` built.
pub fn frozen_value(b: Builder) -> Value {
    crate::object::class::native(FrozenSet {
        contents: b,
        hash: OnceLock::new(),
    })
}

/// A frozenset with the contents of a set.
pub fn from_set(gil: Gil, s: &Arc<Set>) -> Value {
    frozen_value(Builder::copy_of(&setorder::snapshot(gil, s)))
}

/// The frozenset inside a value (a frozenset, not a subclass instance).
pub fn as_frozen(v: &Value) -> Option<&FrozenSet> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<FrozenSet>(),
        _ => None,
    }
}

/// The frozenset of a frozenset or of an instance of a subclass of frozenset.
pub fn as_frozen_any(v: &Value) -> Option<&FrozenSet> {
    as_frozen(crate::object::class::strip(v))
}

/// A (temporary) set with the same contents and layout, for the set algorithms.
pub fn to_set(gil: Gil, f: &FrozenSet) -> Arc<Set> {
    let set: Arc<Set> = Arc::new(GilCell::new(SetMap::default()));
    setorder::store(gil, &set, f.contents.clone());
    set
}

/// Equality of two frozensets (same elements).
pub fn eq(a: &FrozenSet, b: &FrozenSet) -> bool {
    a.len() == b.len() && a.map().keys().all(|k| b.map().contains_key(k))
}

/// A set (or an instance of a subclass of set) used as a key of a set lookup stands for the
/// frozenset of its elements (CPython's `set_contains`, `set.remove`, `set.discard`); `None`
/// for any other value.
pub fn set_as_key(gil: Gil, v: &Value) -> Option<Value> {
    match crate::object::class::strip(v) {
        Value::Set(s) => Some(from_set(gil, s)),
        _ => None,
    }
}
