//! A simulation of CPython 3.11's set hash table (Objects/setobject.c), used to reproduce the
//! order in which CPython iterates a set whose elements have CPython-identical hashes.
//!
//! Only the layout is simulated: which slot each element lands in, the dummies left by
//! deletions, the resize rules and `set.pop`'s finger. Membership itself stays in gilvm's
//! `IndexMap`; a table holds clones of the keys in a side vector, its slots index into it.

use crate::object::value::Key;
use crate::protocol::hash::key_eq;

const MINSIZE: usize = 8;
const LINEAR_PROBES: u64 = 9;
const PERTURB_SHIFT: u32 = 5;
const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;

/// The layout of one CPython set table.
#[derive(Clone, Debug)]
pub struct Table {
    /// `EMPTY`, `DUMMY` or an index into `keys`.
    slots: Vec<u32>,
    /// Keys referenced by the slots (entries no slot refers to any more are garbage until the
    /// next resize compacts them).
    keys: Vec<Key>,
    fill: usize,
    used: usize,
    finger: usize,
}

impl Default for Table {
    fn default() -> Self {
        Table::new()
    }
}

impl Table {
    pub fn new() -> Table {
        Table {
            slots: vec![EMPTY; MINSIZE],
            keys: Vec::new(),
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    fn mask(&self) -> u64 {
        (self.slots.len() - 1) as u64
    }

    /// Number of active elements (`so->used`).
    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Table size (`so->mask + 1`).
    pub fn capacity(&self) -> usize {
        self.slots.len()
    }

    fn place(&mut self, j: usize, key: Key) {
        self.slots[j] = self.keys.len() as u32;
        self.keys.push(key);
    }

    fn key_at(&self, slot: u32) -> &Key {
        &self.keys[slot as usize]
    }

    /// `set_add_entry`: returns whether the key was new.
    pub fn add(&mut self, key: Key) -> bool {
        let hash = key.hash;
        let mask = self.mask();
        let mut i = hash & mask;
        let mut perturb = hash;
        let mut freeslot: Option<usize> = None;
        loop {
            let mut j = i as usize;
            let mut probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            loop {
                match self.slots[j] {
                    EMPTY => {
                        if let Some(f) = freeslot {
                            self.place(f, key);
                            self.used += 1;
                            return true;
                        }
                        self.place(j, key);
                        self.fill += 1;
                        self.used += 1;
                        if (self.fill as u64) * 5 >= mask * 3 {
                            let used = self.used;
                            self.resize(if used > 50000 { used * 2 } else { used * 4 });
                        }
                        return true;
                    }
                    // CPython 3.11 reuses the last dummy met on the probe path.
                    DUMMY => freeslot = Some(j),
                    s => {
                        let k = self.key_at(s);
                        if k.hash == hash && key_eq(&k.value, &key.value) {
                            return false;
                        }
                    }
                }
                if probes == 0 {
                    break;
                }
                probes -= 1;
                j += 1;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    /// The slot holding a key equal to `key` (`set_lookkey`).
    fn find(&self, key: &Key) -> Option<usize> {
        let hash = key.hash;
        let mask = self.mask();
        let mut i = hash & mask;
        let mut perturb = hash;
        loop {
            let mut j = i as usize;
            let mut probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            loop {
                match self.slots[j] {
                    EMPTY => return None,
                    DUMMY => {}
                    s => {
                        let k = self.key_at(s);
                        if k.hash == hash && key_eq(&k.value, &key.value) {
                            return Some(j);
                        }
                    }
                }
                if probes == 0 {
                    break;
                }
                probes -= 1;
                j += 1;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    pub fn contains(&self, key: &Key) -> bool {
        self.find(key).is_some()
    }

    /// `set_discard_entry`: the slot becomes a dummy. Returns whether the key was present.
    pub fn discard(&mut self, key: &Key) -> bool {
        match self.find(key) {
            Some(j) => {
                self.slots[j] = DUMMY;
                self.used -= 1;
                true
            }
            None => false,
        }
    }

    /// `set_insert_clean` into a table known to hold no dummies and not the key.
    fn insert_clean(slots: &mut [u32], hash: u64, idx: u32) {
        let mask = (slots.len() - 1) as u64;
        let mut i = hash & mask;
        let mut perturb = hash;
        loop {
            if slots[i as usize] == EMPTY {
                slots[i as usize] = idx;
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    let at = (i + j) as usize;
                    if slots[at] == EMPTY {
                        slots[at] = idx;
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    /// `set_table_resize`: the smallest power of two > `minused` (at least 8), the active
    /// entries reinserted in their old slot order.
    pub fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        if newsize == MINSIZE && self.slots.len() == MINSIZE && self.fill == self.used {
            // The small table is kept as it is when it holds no dummies.
            return;
        }
        let old_slots = std::mem::replace(&mut self.slots, vec![EMPTY; newsize]);
        let old_keys = std::mem::take(&mut self.keys);
        self.keys.reserve(self.used);
        for s in old_slots {
            if s < DUMMY {
                let k = old_keys[s as usize].clone();
                Self::insert_clean(&mut self.slots, k.hash, self.keys.len() as u32);
                self.keys.push(k);
            }
        }
        self.fill = self.used;
    }

    /// Active keys in slot order: CPython's iteration order.
    pub fn order(&self) -> impl Iterator<Item = &Key> + '_ {
        self.slots
            .iter()
            .filter(|&&s| s < DUMMY)
            .map(move |&s| self.key_at(s))
    }

    /// `set.pop()`: the first active slot at or after the finger.
    pub fn pop(&mut self) -> Option<Key> {
        if self.used == 0 {
            return None;
        }
        let size = self.slots.len();
        let mut i = self.finger & (size - 1);
        while self.slots[i] >= DUMMY {
            i += 1;
            if i >= size {
                i = 0;
            }
        }
        let k = self.key_at(self.slots[i]).clone();
        self.slots[i] = DUMMY;
        self.used -= 1;
        self.finger = i + 1;
        Some(k)
    }

    /// `set_clear_internal`: back to an empty small table (the pop finger is kept).
    pub fn clear(&mut self) {
        self.slots = vec![EMPTY; MINSIZE];
        self.keys.clear();
        self.fill = 0;
        self.used = 0;
    }

    /// `set_merge(self, other)`.
    pub fn merge(&mut self, other: &Table) {
        if other.used == 0 {
            return;
        }
        if ((self.fill + other.used) as u64) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.slots.len() == other.slots.len() && other.fill == other.used {
            for (j, &s) in other.slots.iter().enumerate() {
                if s < DUMMY {
                    self.place(j, other.key_at(s).clone());
                }
            }
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for k in other.order() {
                Self::insert_clean(&mut self.slots, k.hash, self.keys.len() as u32);
                self.keys.push(k.clone());
            }
            return;
        }
        for k in other.order() {
            self.add(k.clone());
        }
    }

    /// The one big resize `set_update_internal` does before adding the keys of a dict of
    /// `n` entries.
    pub fn presize_for_dict(&mut self, n: usize) {
        if ((self.fill + n) as u64) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
    }

    /// The resize at the end of `set_difference_update_internal`: when more than a quarter of
    /// the table is dummies.
    pub fn purge_dummies_if_many(&mut self) {
        if (self.fill - self.used) as u64 <= self.mask() / 4 {
            return;
        }
        let used = self.used;
        self.resize(if used > 50000 { used * 2 } else { used * 4 });
    }
}
