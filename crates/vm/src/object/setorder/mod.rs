//! CPython's iteration order for sets of numbers.
//!
//! gilvm's sets are insertion-ordered `IndexMap`s. CPython iterates a set in the order of its
//! hash table's slots; for elements whose hash is the same in CPython and gilvm (ints, bools,
//! floats other than NaN, and tuples of those) that order is deterministic, and programs print
//! it. For such sets a side registry keeps a simulated CPython table ([`table::Table`]) next to
//! the map: additions are replayed lazily (a set's new keys are always at the map's end),
//! deletions, `pop` and whole-set operations update it eagerly. Sets holding any other
//! element (strings, whose CPython order is randomised, instances, ...) keep insertion order.
//!
//! The registry is keyed by the set's address and holds a `Weak` to it, so an entry can never
//! be confused with a later set at the same address; dead entries are swept as it grows.

pub mod build;
pub mod table;
#[cfg(test)]
mod tests;

use std::sync::{Arc, Mutex, Weak};

use rustc_hash::FxHashMap;

use crate::object::gilcell::Gil;
use crate::object::value::{Key, Set, SetMap, Value};
pub use build::Builder;
pub use table::Table;

/// Whether gilvm's hash of `v` equals CPython's, so its slot in a CPython table is known.
pub fn eligible(v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) => true,
        Value::Float(f) => !f.is_nan(),
        Value::Tuple(t) => t.items.iter().all(eligible),
        _ => false,
    }
}

struct Entry {
    set: Weak<Set>,
    /// `None` once the set held an ineligible key.
    table: Option<Table>,
    /// How many of the map's first keys the table has seen.
    synced: usize,
    /// The values in CPython order, while the table is unchanged.
    cache: Option<Arc<[Value]>>,
}

#[derive(Default)]
struct Registry {
    entries: FxHashMap<usize, Entry>,
    live_after_sweep: usize,
}

static REGISTRY: Mutex<Option<Registry>> = Mutex::new(None);

fn addr(set: &Arc<Set>) -> usize {
    Arc::as_ptr(set) as *const u8 as usize
}

/// Run `f` on the registry (a poisoned lock is recovered: the registry only caches layouts).
fn with_registry<R>(f: impl FnOnce(&mut Registry) -> R) -> R {
    let mut guard = match REGISTRY.lock() {
        Ok(g) => g,
        Err(p) => p.into_inner(),
    };
    f(guard.get_or_insert_with(Registry::default))
}

impl Registry {
    /// The entry of `set`, brought up to date with its map.
    fn synced(&mut self, set: &Arc<Set>, map: &SetMap) -> &mut Entry {
        let a = addr(set);
        let stale = match self.entries.get(&a) {
            Some(e) => !std::ptr::eq(e.set.as_ptr(), Arc::as_ptr(set)),
            None => true,
        };
        if stale {
            self.insert(
                a,
                Entry {
                    set: Arc::downgrade(set),
                    table: Some(Table::new()),
                    synced: 0,
                    cache: None,
                },
            );
        }
        let Some(e) = self.entries.get_mut(&a) else {
            unreachable!("entry inserted above")
        };
        if map.len() < e.synced || e.table.as_ref().is_some_and(|t| t.len() != e.synced) {
            // The map changed behind the registry's back: replay it.
            e.table = Some(Table::new());
            e.synced = 0;
        }
        if map.len() > e.synced {
            e.cache = None;
            if let Some(t) = &mut e.table {
                for (k, _) in map.get_range(e.synced..).into_iter().flatten() {
                    if !eligible(&k.value) {
                        e.table = None;
                        break;
                    }
                    t.add(k.clone());
                }
            }
            e.synced = map.len();
        }
        if e.table.as_ref().is_some_and(|t| t.len() != map.len()) {
            // Keys equal in gilvm but not in the table (cannot happen for eligible keys).
            e.table = None;
        }
        e
    }

    fn insert(&mut self, a: usize, e: Entry) {
        self.entries.insert(a, e);
        if self.entries.len() > 2 * self.live_after_sweep + 1024 {
            self.entries.retain(|_, e| e.set.strong_count() > 0);
            self.live_after_sweep = self.entries.len();
        }
    }
}

/// The set's values in CPython's iteration order, or `None` when the set keeps insertion
/// order (it holds a key whose CPython hash gilvm does not reproduce).
pub fn ordered(gil: Gil, set: &Arc<Set>) -> Option<Arc<[Value]>> {
    let map = set.borrow(gil);
    match map.first() {
        Some((k, ())) if eligible(&k.value) => {}
        _ => return None,
    }
    with_registry(|r| {
        let e = r.synced(set, &map);
        let t = e.table.as_ref()?;
        if e.cache.is_none() {
            e.cache = Some(t.order().map(|k| k.value.clone()).collect());
        }
        e.cache.clone()
    })
}

/// The set's values in the order Python code sees them.
pub fn values(gil: Gil, set: &Arc<Set>) -> Vec<Value> {
    match ordered(gil, set) {
        Some(v) => v.to_vec(),
        None => set.borrow(gil).keys().map(|k| k.value.clone()).collect(),
    }
}

/// A copy of the set's map and simulated table, to compute a set operation from.
pub fn snapshot(gil: Gil, set: &Arc<Set>) -> Builder {
    let map = set.borrow(gil).clone();
    let table = match map.first() {
        Some((k, ())) if !eligible(&k.value) => None,
        _ => with_registry(|r| r.synced(set, &map).table.clone()),
    };
    Builder::from_parts(map, table)
}

/// Make `set` hold what `b` built (map and layout).
pub fn store(gil: Gil, set: &Arc<Set>, b: Builder) {
    let (map, table) = b.into_parts();
    let synced = map.len();
    *set.borrow_mut(gil) = map;
    with_registry(|r| {
        r.insert(
            addr(set),
            Entry {
                set: Arc::downgrade(set),
                table,
                synced,
                cache: None,
            },
        )
    });
}

/// A new set value holding what `b` built.
pub fn new_set(gil: Gil, b: Builder) -> Value {
    let set: Arc<Set> = Arc::new(crate::object::gilcell::GilCell::new(SetMap::default()));
    store(gil, &set, b);
    Value::Set(set)
}

/// Remove `key` from the set (map and layout); returns whether it was present.
pub fn remove(gil: Gil, set: &Arc<Set>, key: &Key) -> bool {
    let mut map = set.borrow_mut(gil);
    if !map.contains_key(key) {
        return false;
    }
    let laid_out = with_registry(|r| {
        let e = r.synced(set, &map);
        e.cache = None;
        match &mut e.table {
            Some(t) => {
                t.discard(key);
                e.synced -= 1;
                true
            }
            None => {
                // Forget the ineligible set: if it becomes eligible again, its order is
                // replayed from the map.
                e.synced = usize::MAX;
                false
            }
        }
    });
    // With a table the map's order is irrelevant (all its keys are synced): O(1) removal.
    if laid_out {
        map.swap_remove(key);
    } else {
        map.shift_remove(key);
    }
    true
}

/// `set.pop()`: the element CPython would remove.
pub fn pop(gil: Gil, set: &Arc<Set>) -> Option<Key> {
    let mut map = set.borrow_mut(gil);
    if map.is_empty() {
        return None;
    }
    let chosen = if map.first().is_some_and(|(k, ())| eligible(&k.value)) {
        with_registry(|r| {
            let e = r.synced(set, &map);
            e.cache = None;
            let k = e.table.as_mut()?.pop()?;
            e.synced -= 1;
            Some(k)
        })
    } else {
        None
    };
    match chosen {
        Some(k) => map.swap_remove_full(&k).map(|(_, k, ())| k),
        None => map.shift_remove_index(0).map(|(k, ())| k),
    }
}

/// `set.clear()`.
pub fn clear(gil: Gil, set: &Arc<Set>) {
    let mut map = set.borrow_mut(gil);
    with_registry(|r| {
        let e = r.synced(set, &map);
        e.cache = None;
        e.table.get_or_insert_with(Table::new).clear();
        e.synced = 0;
    });
    map.clear();
}

/// Move the set's contents (map and layout) out, to update them and [`store`] them back.
pub fn take(gil: Gil, set: &Arc<Set>) -> Builder {
    let mut map = set.borrow_mut(gil);
    let table = match map.first() {
        Some((k, ())) if !eligible(&k.value) => None,
        _ => with_registry(|r| {
            r.synced(set, &map);
            r.entries.remove(&addr(set)).and_then(|e| e.table)
        }),
    };
    Builder::from_parts(std::mem::take(&mut *map), table)
}
