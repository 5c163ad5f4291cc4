//! `__slots__`: a class that declares them gets a member descriptor per name
//! (`<member 'x' of 'P' objects>`); when every user class of its MRO declares slots (and none
//! names `'__dict__'`) its instances have no `__dict__` and refuse other attributes.
//!
//! The values live in the instance's `slot_values`, indexed by the descriptor: a class's slots
//! come after those of its bases (two bases that both have slots conflict, as in CPython).
//! Classes without slots pay nothing on the attribute paths.

use std::sync::Arc;

use crate::interp::vm::Vm;
use crate::object::error::PyResult;
use crate::object::value::{Class, DictMap, Instance, PyStr, Value};
use crate::protocol::hash::{str_key, StrKey};

/// A slot's descriptor in the class dict.
#[derive(Debug)]
pub struct MemberDescr {
    pub name: Arc<PyStr>,
    /// The name of the class that declared the slot (for its repr).
    pub owner: Arc<PyStr>,
    /// Index in an instance's `slot_values`.
    pub index: usize,
}

impl crate::object::value::NativeObject for MemberDescr {
    fn type_name(&self) -> &'static str {
        "member_descriptor"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The member descriptor `v` is, if it is one.
pub fn member(v: &Value) -> Option<&MemberDescr> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<MemberDescr>(),
        _ => None,
    }
}

/// Read `__slots__` from a new class's namespace `dict` (whose MRO, after itself, is `mro`):
/// add a member descriptor per slot and say which attribute names instances are limited to
/// (`None`: instances have a `__dict__`).
/// Also returns the number of slot values instances carry.
/// The slot names (`None`: instances have a `__dict__`) and the number of slot values.
pub(crate) type SlotLayout = (Option<Box<[Arc<PyStr>]>>, u32);

pub(crate) fn prepare(
    vm: &mut Vm,
    owner: &Arc<PyStr>,
    bases: &[Arc<Class>],
    mro: &[Arc<Class>],
    dict: &mut DictMap,
) -> PyResult<SlotLayout> {
    // The slot layout inherited: that of the one base (line) that has slots. Bases are
    // compared by the class that added their slots (CPython's solid base), so two subclasses
    // of one slotted class that add none (`class C(Path, PurePosixPath)`) can be combined.
    fn solid(b: &Arc<Class>) -> &Arc<Class> {
        b.mro
            .iter()
            .rev()
            .find(|c| c.nslots == b.nslots)
            .unwrap_or(b)
    }
    let mut inherited: Option<&Arc<Class>> = None;
    for b in bases.iter().filter(|b| b.nslots > 0) {
        inherited = match inherited {
            None => Some(b),
            Some(cur) if crate::object::types::is_subclass(cur, solid(b)) => Some(cur),
            Some(cur) if crate::object::types::is_subclass(b, solid(cur)) => Some(b),
            Some(_) => {
                return Err(vm.type_error("multiple bases have instance lay-out conflict"));
            }
        };
    }
    let base_count = inherited.map_or(0, |b| b.nslots);
    let Some(spec) = dict.get(&StrKey::new("__slots__")).cloned() else {
        return Ok((None, base_count));
    };
    let items = match &spec {
        Value::Str(_) => vec![spec.clone()],
        other => vm.collect(other)?,
    };
    let mut names: Vec<Arc<PyStr>> = Vec::new();
    let mut has_dict = false;
    let mut has_weakref = false;
    for item in items {
        let Value::Str(s) = &item else {
            let tn = vm.type_name(&item);
            return Err(vm.type_error(format!("__slots__ items must be strings, not '{tn}'")));
        };
        match s.as_str() {
            "__dict__" => has_dict = true,
            "__weakref__" => has_weakref = true,
            n => {
                if dict.contains_key(&StrKey::new(n)) {
                    return Err(
                        vm.value_error(format!("'{n}' in __slots__ conflicts with class variable"))
                    );
                }
                names.push(s.clone());
            }
        }
    }
    for (i, n) in names.iter().enumerate() {
        let descr = MemberDescr {
            name: n.clone(),
            owner: owner.clone(),
            index: base_count as usize + i,
        };
        dict.insert(str_key(n.as_str()), crate::object::class::native(descr));
    }
    let count = base_count + names.len() as u32;
    if has_dict {
        return Ok((None, count));
    }
    let gil = vm.gil();
    let mut allowed = names;
    if has_weakref {
        // Not a member: marks that instances take weak references (object/weakref.rs).
        allowed.push(Arc::new(PyStr::new("__weakref__")));
    }
    for c in mro {
        if crate::object::class::is_user_class(c, gil) {
            match &c.slots {
                Some(s) => allowed.extend(s.iter().cloned()),
                None => return Ok((None, count)),
            }
        } else if c.builtin == crate::object::value::BuiltinType::Exception {
            // Exceptions always have a `__dict__`.
            return Ok((None, count));
        }
    }
    Ok((Some(allowed.into_boxed_slice()), count))
}

impl Vm {
    /// `obj.name` through the member descriptor `m`; `Ok(None)` when unset.
    pub(crate) fn slot_get(&self, inst: &Instance, m: &MemberDescr) -> Option<Value> {
        let vals = inst.slot_values.as_ref()?;
        let v = vals.borrow(self.gil()).get(m.index).cloned().flatten();
        v
    }

    /// `obj.name = v` (`v` None: `del obj.name`) through the member descriptor `m`.
    pub(crate) fn slot_set(
        &self,
        obj: &Value,
        inst: &Instance,
        m: &MemberDescr,
        v: Option<Value>,
    ) -> PyResult<()> {
        let Some(vals) = inst.slot_values.as_ref() else {
            let tn = self.type_name(obj);
            return Err(self.type_error(format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{tn}' object",
                m.name.as_str(),
                m.owner.as_str()
            )));
        };
        let mut vals = vals.borrow_mut(self.gil());
        let Some(slot) = vals.get_mut(m.index) else {
            return Err(self.attribute_error(m.name.as_str()));
        };
        let deleting = v.is_none();
        if std::mem::replace(slot, v).is_none() && deleting {
            return Err(self.attribute_error(m.name.as_str()));
        }
        Ok(())
    }
}

/// `repr` of a member descriptor.
fn member_repr(vm: &mut Vm, a: &[Value], _: &[(Arc<PyStr>, Value)]) -> PyResult<Value> {
    match a.first().and_then(member) {
        Some(m) => Ok(Value::str(format!(
            "<member '{}' of '{}' objects>",
            m.name.as_str(),
            m.owner.as_str()
        ))),
        None => Err(vm.type_error("descriptor '__repr__' requires a 'member_descriptor' object")),
    }
}

/// Register the `member_descriptor` class.
pub(crate) fn install(vm: &mut Vm) {
    let object = vm.types().object.clone();
    let c = crate::object::types::new_builtin_class(
        "member_descriptor",
        Some(&object),
        crate::object::value::BuiltinType::Native,
    );
    c.dict.borrow_mut(vm.gil()).insert(
        str_key("__repr__"),
        Value::Builtin(Arc::new(crate::object::value::Builtin {
            name: "__repr__",
            func: member_repr,
            receiver: None,
        })),
    );
    vm.types()
        .natives
        .borrow_mut(vm.gil())
        .insert("member_descriptor", c);
}
