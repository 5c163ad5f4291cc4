//! Dict and set keys compared with a class's own `__eq__`. The maps' `Key` equality
//! (`object::key::key_eq`) is Python's for the built-in types and identity for instances, since
//! it cannot call Python code; [`Vm::key_in`] closes the gap for a key that is an instance of a
//! class defining `__eq__`: among the keys already in the map with the same hash it finds, with
//! Python `==`, one that equals the new key, and returns that stored key, which the map then
//! finds by identity. As CPython, the user `__eq__` is called only for keys whose hashes are
//! equal, and no map borrow is held while it runs (it may touch the map itself).

use indexmap::map::RawEntryApiV1;
use indexmap::IndexMap;
use rustc_hash::FxBuildHasher;
use std::hash::BuildHasher;

use crate::interp::vm::Vm;
use crate::object::error::PyResult;
use crate::object::gilcell::GilCell;
use crate::object::key::has_own_eq;
use crate::object::value::{Key, Value};

impl Vm {
    /// The key for `v` in `map`: `v` with its hash, or the equal key the map already holds.
    pub fn key_in<V>(
        &mut self,
        map: &GilCell<IndexMap<Key, V, FxBuildHasher>>,
        v: Value,
    ) -> PyResult<Key> {
        let key = self.key(v)?;
        if !has_own_eq(&key.value) {
            return Ok(key);
        }
        let mut candidates = Vec::new();
        {
            let m = map.borrow(self.gil());
            let h = m.hasher().hash_one(&key);
            let mut identical = false;
            let _ = m.raw_entry_v1().from_hash(h, |stored| {
                if stored.hash == key.hash {
                    if stored.value.is(&key.value) {
                        identical = true;
                    } else {
                        candidates.push(stored.value.clone());
                    }
                }
                identical
            });
            if identical {
                return Ok(key);
            }
        }
        for c in candidates {
            if self.eq(&key.value, &c)? {
                return Ok(Key {
                    hash: key.hash,
                    value: c,
                });
            }
        }
        Ok(key)
    }
}
