//! Unit tests of the CPython set-table simulation. Expected orders come from python3.11.

use super::*;
use crate::protocol::hash::hash_int;

fn k(n: i64) -> Key {
    Key {
        hash: hash_int(n) as u64,
        value: Value::Int(n),
    }
}

fn ints(t: &Table) -> Vec<i64> {
    t.order()
        .map(|k| match k.value {
            Value::Int(n) => n,
            _ => panic!("not an int"),
        })
        .collect()
}

fn table_of(xs: &[i64]) -> Table {
    let mut t = Table::new();
    for &x in xs {
        t.add(k(x));
    }
    t
}

#[test]
fn small_ints_iterate_by_slot() {
    // print({3, 1, 2}) -> {1, 2, 3}
    assert_eq!(ints(&table_of(&[3, 1, 2])), vec![1, 2, 3]);
    // print({10, 5, 100}) -> {10, 100, 5}
    assert_eq!(ints(&table_of(&[10, 5, 100])), vec![10, 100, 5]);
}

#[test]
fn growth_resizes_like_cpython() {
    // set(range(20, 0, -3)) -> {2, 5, 8, 11, 14, 17, 20}
    let xs: Vec<i64> = (0..7).map(|i| 20 - 3 * i).collect();
    let t = table_of(&xs);
    assert_eq!(ints(&t), vec![2, 5, 8, 11, 14, 17, 20]);
    assert_eq!(t.capacity(), 32);
    // 5 elements fill 5/8: resize to used*4 = 20 -> 32 slots
    assert_eq!(table_of(&[1, 2, 3, 4, 5]).capacity(), 32);
    assert_eq!(table_of(&[1, 2, 3, 4]).capacity(), 8);
}

#[test]
fn negative_ints_use_unsigned_hash() {
    // print(set([-1, -2, -3, 0, 5])) -> {0, 5, -2, -3, -1}
    assert_eq!(ints(&table_of(&[-1, -2, -3, 0, 5])), vec![0, 5, -2, -3, -1]);
}

#[test]
fn deletions_leave_dummies_reused_by_adds() {
    // s = {1, 9}; s.discard(1); s.add(17); s.add(1) -> {17, 9, 1}
    let mut t = table_of(&[1, 9]);
    assert!(t.discard(&k(1)));
    assert!(!t.discard(&k(1)));
    t.add(k(17));
    t.add(k(1));
    assert_eq!(ints(&t), vec![17, 9, 1]);
    assert_eq!(t.len(), 3);
}

#[test]
fn pop_follows_the_finger() {
    // s = {1, 2, 3, 4}; s.pop(), s.pop() -> 1, 2; s.add(1); s.pop() -> 3
    let mut t = table_of(&[1, 2, 3, 4]);
    assert_eq!(t.pop().map(|k| k.value.is(&Value::Int(1))), Some(true));
    assert!(matches!(t.pop().map(|k| k.value), Some(Value::Int(2))));
    t.add(k(1));
    assert!(matches!(t.pop().map(|k| k.value), Some(Value::Int(3))));
    // the finger survives clear()
    t.clear();
    for x in [1, 2, 3, 4, 5] {
        t.add(k(x));
    }
    assert!(matches!(t.pop().map(|k| k.value), Some(Value::Int(4))));
    let mut e = Table::new();
    assert!(e.pop().is_none());
}

#[test]
fn merge_into_empty_presizes() {
    // a = set([1, 17, 3, 4, 5]) has 32 slots; a.copy() gets 16: 17 collides with 1
    let a = table_of(&[1, 17, 3, 4, 5]);
    assert_eq!(ints(&a), vec![1, 3, 4, 5, 17]);
    let mut c = Table::new();
    c.merge(&a);
    assert_eq!(c.capacity(), 16);
    assert_eq!(ints(&c), vec![1, 17, 3, 4, 5]);
    // same size and no dummies: a plain copy of the slots
    let small = table_of(&[9, 1]);
    let mut d = Table::new();
    d.merge(&small);
    assert_eq!(ints(&d), vec![9, 1]);
}

#[test]
fn duplicates_and_equal_numbers_are_one_key() {
    let mut t = table_of(&[1, 1, 2]);
    assert!(!t.add(Key {
        hash: 1,
        value: Value::Float(1.0)
    }));
    assert!(!t.add(Key {
        hash: 1,
        value: Value::Bool(true)
    }));
    assert_eq!(t.len(), 2);
    assert!(t.contains(&k(2)));
    assert!(!t.contains(&k(3)));
}

#[test]
fn eligibility() {
    assert!(eligible(&Value::Int(3)));
    assert!(eligible(&Value::Float(2.5)));
    assert!(!eligible(&Value::Float(f64::NAN)));
    assert!(!eligible(&Value::str("a")));
    assert!(eligible(&Value::tuple(vec![
        Value::Int(1),
        Value::Bool(true)
    ])));
    assert!(!eligible(&Value::tuple(vec![Value::Int(1), Value::None])));
}

#[test]
fn big_tables_use_linear_probes() {
    // list(set(list(range(200)) + [1024, 2048, 3072, 4096]))[-6:]
    let mut xs: Vec<i64> = (0..200).collect();
    xs.extend((1..5).map(|i| i * 1024));
    let order = ints(&table_of(&xs));
    assert_eq!(order.len(), 204);
    assert_eq!(&order[198..], &[198, 199, 1024, 2048, 4096, 3072]);
    // list(set(x * 97 for x in range(300)))[:12]
    let xs: Vec<i64> = (0..300).map(|x| x * 97).collect();
    assert_eq!(
        &ints(&table_of(&xs))[..12],
        &[0, 22019, 12804, 3589, 25608, 16393, 7178, 19982, 10767, 1552, 23571, 14356]
    );
}
