//! Multiple inheritance: the C3 method resolution order, the layout check between built-in
//! bases (`class X(int, str)`), and the choice of the most derived metaclass, with CPython's
//! error messages.

use std::sync::Arc;

use crate::interp::vm::Vm;
use crate::object::error::PyResult;
use crate::object::types::is_subclass;
use crate::object::value::{BuiltinType, Class};

/// The whole MRO of `c`: itself, then its stored (self-excluding) MRO.
fn full_mro(c: &Arc<Class>) -> Vec<Arc<Class>> {
    std::iter::once(c).chain(c.mro.iter()).cloned().collect()
}

/// C3 linearisation of a class with `bases` (the result excludes the class itself). A single
/// base's MRO is the answer at once (the common case). `Err` carries the message.
pub(crate) fn c3(bases: &[Arc<Class>]) -> Result<Vec<Arc<Class>>, String> {
    if let [base] = bases {
        return Ok(full_mro(base));
    }
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|o| Arc::ptr_eq(o, b)) {
            return Err(format!("duplicate base class {}", b.name.as_str()));
        }
    }
    let mut lists: Vec<Vec<Arc<Class>>> = bases.iter().map(full_mro).collect();
    lists.push(bases.to_vec());
    // Each list is consumed from the front; `starts[i]` is the index of its head.
    let mut starts = vec![0usize; lists.len()];
    let mut out = Vec::new();
    loop {
        let mut candidate = None;
        let mut any_left = false;
        for (i, l) in lists.iter().enumerate() {
            let Some(head) = l.get(starts[i]) else {
                continue;
            };
            any_left = true;
            let in_tail = lists.iter().enumerate().any(|(j, o)| {
                o[(starts[j] + 1).min(o.len())..]
                    .iter()
                    .any(|c| Arc::ptr_eq(c, head))
            });
            if !in_tail {
                candidate = Some(head.clone());
                break;
            }
        }
        if !any_left {
            return Ok(out);
        }
        let Some(next) = candidate else {
            // CPython names the remaining heads, in order, once each.
            let mut names: Vec<Arc<Class>> = Vec::new();
            for (i, l) in lists.iter().enumerate() {
                if let Some(h) = l.get(starts[i]) {
                    if !names.iter().any(|n| Arc::ptr_eq(n, h)) {
                        names.push(h.clone());
                    }
                }
            }
            let names: Vec<&str> = names.iter().map(|c| c.name.as_str()).collect();
            return Err(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for (i, l) in lists.iter().enumerate() {
            if l.get(starts[i]).is_some_and(|h| Arc::ptr_eq(h, &next)) {
                starts[i] += 1;
            }
        }
        out.push(next);
    }
}

impl Vm {
    /// The class whose instance layout a class deriving from `c` must have: the nearest
    /// built-in class, where every exception class shares `BaseException`'s and the native
    /// types without a payload share `object`'s.
    fn layout_base(&self, c: &Arc<Class>) -> Arc<Class> {
        let gil = self.gil();
        let t = self.types();
        let solid = crate::object::class::solid_base(c, gil);
        match solid.builtin {
            BuiltinType::Exception => t.base_exception.clone(),
            BuiltinType::Type => t.type_.clone(),
            k if crate::object::class::is_payload_kind(k) => solid,
            _ => t.object.clone(),
        }
    }

    /// The built-in kind of a class with `bases`: that of the most derived layout among them,
    /// or the "multiple bases have instance lay-out conflict" TypeError.
    pub(crate) fn best_base_kind(&self, bases: &[Arc<Class>]) -> PyResult<BuiltinType> {
        let mut best: Option<(Arc<Class>, BuiltinType)> = None;
        for b in bases {
            let layout = self.layout_base(b);
            best = match best {
                None => Some((layout, b.builtin)),
                Some((cur, kind)) => {
                    if is_subclass(&cur, &layout) {
                        Some((cur, kind))
                    } else if is_subclass(&layout, &cur) {
                        Some((layout, b.builtin))
                    } else {
                        return Err(
                            self.type_error("multiple bases have instance lay-out conflict")
                        );
                    }
                }
            };
        }
        Ok(best.map_or(BuiltinType::Object, |(_, k)| k))
    }

    /// The metaclass of a class: `type` unless it was made by another.
    pub fn metaclass_of(&self, c: &Arc<Class>) -> Arc<Class> {
        c.meta.clone().unwrap_or_else(|| self.types().type_.clone())
    }

    /// The most derived of `meta` and the metaclasses of `bases` (CPython's
    /// `_PyType_CalculateMetaclass`), or the "metaclass conflict" TypeError.
    pub(crate) fn winner_metaclass(
        &self,
        meta: &Arc<Class>,
        bases: &[Arc<Class>],
    ) -> PyResult<Arc<Class>> {
        let mut winner = meta.clone();
        for b in bases {
            let m = self.metaclass_of(b);
            if is_subclass(&winner, &m) {
                continue;
            }
            if is_subclass(&m, &winner) {
                winner = m;
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
                 subclass of the metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }
}
