//! [`Builder`]: a set under construction (map plus simulated CPython layout), and the set
//! algorithms of CPython's setobject.c written over it so that results are laid out (and so
//! iterate) as CPython's are.

use super::{eligible, Table};
use crate::object::value::{Key, SetMap};

/// A set's map and, while every key is eligible, its simulated CPython table.
#[derive(Clone, Debug)]
pub struct Builder {
    map: SetMap,
    table: Option<Table>,
}

impl Default for Builder {
    fn default() -> Self {
        Builder::new()
    }
}

impl Builder {
    /// An empty set.
    pub fn new() -> Builder {
        Builder {
            map: SetMap::default(),
            table: Some(Table::new()),
        }
    }

    pub(crate) fn from_parts(map: SetMap, table: Option<Table>) -> Builder {
        Builder { map, table }
    }

    pub(crate) fn into_parts(self) -> (SetMap, Option<Table>) {
        (self.map, self.table)
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn contains(&self, k: &Key) -> bool {
        self.map.contains_key(k)
    }

    pub fn map(&self) -> &SetMap {
        &self.map
    }

    /// The keys in the order CPython iterates them (insertion order without a table).
    pub fn keys(&self) -> Vec<Key> {
        match &self.table {
            Some(t) => t.order().cloned().collect(),
            None => self.map.keys().cloned().collect(),
        }
    }

    /// Visit the keys in the order CPython iterates them, without collecting them.
    pub fn each_key(&self, mut f: impl FnMut(&Key)) {
        match &self.table {
            Some(t) => t.order().for_each(f),
            None => self.map.keys().for_each(&mut f),
        }
    }

    /// `set_add_entry`.
    pub fn add(&mut self, k: Key) {
        if let Some(t) = &mut self.table {
            if eligible(&k.value) {
                t.add(k.clone());
            } else {
                self.table = None;
            }
        }
        self.map.insert(k, ());
    }

    /// `set_discard_entry`: returns whether the key was present.
    pub fn discard(&mut self, k: &Key) -> bool {
        match &mut self.table {
            // The map's order only matters without a table.
            Some(t) => {
                if self.map.swap_remove(k).is_none() {
                    return false;
                }
                t.discard(k);
            }
            None => {
                if self.map.shift_remove(k).is_none() {
                    return false;
                }
            }
        }
        true
    }

    /// `set_clear_internal`.
    pub fn clear(&mut self) {
        self.map.clear();
        self.table.get_or_insert_with(Table::new).clear();
    }

    /// `set_merge(self, other)`: `update` with a set.
    pub fn merge(&mut self, other: &Builder) {
        match (&mut self.table, &other.table) {
            (Some(t), Some(o)) => t.merge(o),
            _ => self.table = None,
        }
        self.map.extend(other.map.keys().map(|k| (k.clone(), ())));
    }

    /// `update` with the keys of a dict, in the dict's order.
    pub fn update_from_dict(&mut self, keys: Vec<Key>) {
        if let Some(t) = &mut self.table {
            t.presize_for_dict(keys.len());
        }
        for k in keys {
            self.add(k);
        }
    }

    /// A copy of a set (`set_copy`: a merge into a new empty set).
    pub fn copy_of(other: &Builder) -> Builder {
        let mut b = Builder::new();
        b.merge(other);
        b
    }

    /// `set_intersection(self, other)` for a set `other`: iterate the smaller set (`other`
    /// when the sizes are equal) and add its keys found in the larger one.
    pub fn intersection(&self, other: &Builder) -> Builder {
        let (big, small) = if other.len() > self.len() {
            (other, self)
        } else {
            (self, other)
        };
        let mut r = Builder::new();
        small.each_key(|k| {
            if big.contains(k) {
                r.add(k.clone());
            }
        });
        r
    }

    /// `set_intersection(self, iterable)` for keys of a non-set iterable.
    pub fn intersection_keys(&self, keys: Vec<Key>) -> Builder {
        let mut r = Builder::new();
        for k in keys {
            if self.contains(&k) {
                r.add(k);
            }
        }
        r
    }

    /// `set_difference(self, other)` for a set (`other_is_dict`: a dict's keys as a set, which
    /// only changes nothing here but the size test).
    pub fn difference(&self, other: &Builder) -> Builder {
        if (self.len() >> 2) > other.len() {
            let mut r = Builder::copy_of(self);
            r.difference_update_keys(other.keys());
            return r;
        }
        let mut r = Builder::new();
        self.each_key(|k| {
            if !other.contains(k) {
                r.add(k.clone());
            }
        });
        r
    }

    /// `set_difference_update_internal` with the keys of `other` (any order: deletions only
    /// leave dummies), then the purge of many dummies.
    pub fn difference_update_keys(&mut self, keys: Vec<Key>) {
        for k in &keys {
            self.discard(k);
        }
        if let Some(t) = &mut self.table {
            t.purge_dummies_if_many();
        }
    }

    /// `set_symmetric_difference_update` with keys in the order CPython visits them.
    pub fn symmetric_difference_update_keys(&mut self, keys: Vec<Key>) {
        for k in keys {
            if !self.discard(&k) {
                self.add(k);
            }
        }
    }

    /// `set.pop()`.
    pub fn pop(&mut self) -> Option<Key> {
        match &mut self.table {
            Some(t) => {
                let k = t.pop()?;
                self.map.swap_remove_full(&k).map(|(_, k, ())| k)
            }
            None => self.map.shift_remove_index(0).map(|(k, ())| k),
        }
    }
}
