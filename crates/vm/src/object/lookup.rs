//! Name lookups in a class and its MRO, by the class dicts alone (no descriptors, no
//! `__getattr__`): what the protocol layer builds attribute access on, and what the object layer
//! uses to ask whether a class defines a dunder.
//!
//! [`class_lookup`] is cached per class: a class's [`MroCache`] maps names to what the MRO walk
//! found (including "nothing"). Every class dict is a [`ClassDict`], whose only mutable access
//! bumps both the dict's own version and a global epoch. A cache is trusted outright while the
//! global epoch is unchanged; otherwise it compares the versions of the dicts along its MRO with
//! those it recorded (a write to an unrelated class costs one integer compare per MRO entry) and
//! is emptied if any differs. A class's bases and MRO never change after it is made (there is
//! no `__bases__` or `__class__` assignment), so dict writes are the only invalidation.

use std::cell::{Ref, RefMut};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::{Arc, Weak};

use rustc_hash::FxBuildHasher;

use crate::object::class::{class_flags, flags, is_user_class};
use crate::object::gilcell::{Gil, GilCell};
use crate::object::key::{str_key, StrKey};
use crate::object::value::{Class, DictMap, Key, Value};

/// Bumped on every write to any class dict (under the GIL, so plain load/store suffices).
static EPOCH: AtomicU64 = AtomicU64::new(1);

/// A class's attribute dict. Reads are free; a write (`borrow_mut`) invalidates lookup caches.
pub struct ClassDict {
    map: GilCell<DictMap>,
    version: AtomicU64,
}

impl ClassDict {
    pub fn new(map: DictMap) -> ClassDict {
        ClassDict {
            map: GilCell::new(map),
            version: AtomicU64::new(0),
        }
    }
    #[inline]
    pub fn borrow<'a>(&'a self, gil: Gil) -> Ref<'a, DictMap> {
        self.map.borrow(gil)
    }
    /// Mutable access; marks every MRO lookup cache that saw this dict as stale.
    #[inline]
    pub fn borrow_mut<'a>(&'a self, gil: Gil) -> RefMut<'a, DictMap> {
        self.version.store(self.version.load(Relaxed) + 1, Relaxed);
        EPOCH.store(EPOCH.load(Relaxed) + 1, Relaxed);
        self.map.borrow_mut(gil)
    }
    #[inline]
    pub fn try_borrow<'a>(&'a self, gil: Gil) -> Option<Ref<'a, DictMap>> {
        self.map.try_borrow(gil)
    }
    fn version(&self) -> u64 {
        self.version.load(Relaxed)
    }
}

impl std::fmt::Debug for ClassDict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ClassDict(..)")
    }
}

/// A dict cell that setup code may write into: a plain dict (module globals) or a class dict.
pub trait DictCell {
    fn write<'a>(&'a self, gil: Gil) -> RefMut<'a, DictMap>;
}

impl DictCell for GilCell<DictMap> {
    fn write<'a>(&'a self, gil: Gil) -> RefMut<'a, DictMap> {
        self.borrow_mut(gil)
    }
}

impl<T: DictCell> DictCell for Arc<T> {
    fn write<'a>(&'a self, gil: Gil) -> RefMut<'a, DictMap> {
        (**self).write(gil)
    }
}

impl DictCell for ClassDict {
    fn write<'a>(&'a self, gil: Gil) -> RefMut<'a, DictMap> {
        self.borrow_mut(gil)
    }
}

/// The results of MRO walks of one class, valid while the recorded dict versions hold.
#[derive(Default)]
pub struct MroCache {
    /// The global epoch when the cache was last known valid (0: never).
    epoch: u64,
    /// The versions of the class's own dict and of each MRO entry's, in MRO order.
    versions: Vec<u64>,
    map: indexmap::IndexMap<Key, Option<Value>, FxBuildHasher>,
}

impl std::fmt::Debug for MroCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MroCache(..)")
    }
}

/// The uncached walk.
fn walk(class: &Arc<Class>, key: &StrKey, gil: Gil) -> Option<Value> {
    if let Some(v) = class.dict.borrow(gil).get(key) {
        return Some(v.clone());
    }
    for c in class.mro.iter() {
        if let Some(v) = c.dict.borrow(gil).get(key) {
            return Some(v.clone());
        }
    }
    None
}

/// Bring `cache` up to date with the global epoch: keep it if no dict along the MRO changed,
/// empty it otherwise.
#[cold]
fn revalidate(class: &Arc<Class>, cache: &mut MroCache, epoch: u64) {
    let mro = std::iter::once(class).chain(class.mro.iter());
    let same = cache.versions.len() == class.mro.len() + 1
        && mro
            .clone()
            .zip(cache.versions.iter())
            .all(|(c, v)| c.dict.version() == *v);
    if !same {
        cache.map.clear();
        cache.versions.clear();
        cache.versions.extend(mro.map(|c| c.dict.version()));
    }
    cache.epoch = epoch;
}

/// Look `name` up in `class` and then its MRO (cached per class).
#[inline]
pub fn class_lookup(class: &Arc<Class>, name: &str, gil: Gil) -> Option<Value> {
    class_lookup_key(class, &StrKey::new(name), gil)
}

/// [`class_lookup`] with the name's hash already computed.
pub fn class_lookup_key(class: &Arc<Class>, key: &StrKey, gil: Gil) -> Option<Value> {
    let Some(mut cache) = class.lookup_cache.try_borrow_mut(gil) else {
        return walk(class, key, gil);
    };
    let epoch = EPOCH.load(Relaxed);
    if cache.epoch != epoch {
        revalidate(class, &mut cache, epoch);
    }
    if let Some(v) = cache.map.get(key) {
        return v.clone();
    }
    let found = walk(class, key, gil);
    // Reading class dicts runs no Python code, so the epoch still holds.
    cache.map.insert(str_key(key.s), found.clone());
    found
}

/// An attribute site's inline cache (one per name slot of a code object, shared by the
/// LoadAttr/LoadMethod sites using that name): the class last seen there and what the MRO
/// lookup found for it, valid while the global epoch is the one recorded (no class dict
/// anywhere was written since). The class is held weakly, so its address cannot be reused
/// while the entry exists.
pub struct AttrSite {
    class: Weak<Class>,
    epoch: u64,
    found: Option<Value>,
}

impl Default for AttrSite {
    fn default() -> AttrSite {
        AttrSite {
            class: Weak::new(),
            epoch: 0,
            found: None,
        }
    }
}

impl std::fmt::Debug for AttrSite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AttrSite(..)")
    }
}

/// [`class_lookup_key`] through a site's inline cache.
#[inline]
pub fn site_lookup(
    site: &GilCell<AttrSite>,
    class: &Arc<Class>,
    key: &StrKey,
    gil: Gil,
) -> Option<Value> {
    let epoch = EPOCH.load(Relaxed);
    if let Some(s) = site.try_borrow(gil) {
        if s.epoch == epoch && std::ptr::eq(s.class.as_ptr(), Arc::as_ptr(class)) {
            return s.found.clone();
        }
    }
    site_fill(site, class, key, epoch, gil)
}

#[inline(never)]
fn site_fill(
    site: &GilCell<AttrSite>,
    class: &Arc<Class>,
    key: &StrKey,
    epoch: u64,
    gil: Gil,
) -> Option<Value> {
    let found = class_lookup_key(class, key, gil);
    if let Some(mut s) = site.try_borrow_mut(gil) {
        let new = AttrSite {
            class: Arc::downgrade(class),
            epoch,
            found: found.clone(),
        };
        let old = std::mem::replace(&mut *s, new);
        drop(s);
        // Dropping the old entry may run `__del__`: only after the cell is released.
        drop(old);
    }
    found
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
