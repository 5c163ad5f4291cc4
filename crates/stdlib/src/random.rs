//! The `random` module, producing the same numbers as CPython for the same integer seed: the
//! MT19937 generator seeded by `init_by_array` over the 32-bit words of `abs(seed)`, and the
//! algorithms of CPython's Lib/random.py on top (`_randbelow` by rejection sampling on
//! `getrandbits`, `shuffle`, `sample`, `choices`, `gauss`...).
//!
//! Seeds: ints (and bools) match CPython exactly; floats are seeded through `hash(x)` as
//! CPython does; `seed()` / `seed(None)` use the OS's random bytes. Str and bytes seeds are
//! hashed differently from CPython's SHA-512 scheme (so their sequences differ: LIMITATIONS).

use std::sync::Arc;

use parking_lot::Mutex;

use crate::mt::Mt19937;
use gilvm_vm::builtins::{bound_native, native, to_f64, to_index};
use gilvm_vm::interp::vm::Vm;
use gilvm_vm::modules::{new_module, set};
use gilvm_vm::object::args::{self, Kwargs, Params};
use gilvm_vm::object::error::PyResult;
use gilvm_vm::object::value::{BuiltinType, Module, NativeFn, NativeObject, Value};

/// A generator: the Mersenne Twister and `gauss`'s spare value.
#[derive(Debug)]
pub struct RandomState {
    inner: Mutex<(Mt19937, Option<f64>)>,
}

impl NativeObject for RandomState {
    fn type_name(&self) -> &'static str {
        "random.Random"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

const METHODS: &[(&str, NativeFn)] = &[
    ("seed", seed),
    ("random", random),
    ("getrandbits", getrandbits),
    ("randbytes", randbytes),
    ("randrange", randrange),
    ("randint", randint),
    ("choice", choice),
    ("shuffle", shuffle),
    ("sample", sample),
    ("choices", choices),
    ("uniform", uniform),
    ("gauss", gauss),
    ("normalvariate", normalvariate),
    ("expovariate", expovariate),
    ("triangular", triangular),
];

fn os_seeded() -> Mt19937 {
    let bytes = crate::os::random_bytes(32);
    let key: Vec<u32> = bytes
        .chunks(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    Mt19937::from_key(&key)
}

pub fn make(vm: &mut Vm) -> Arc<Module> {
    let m = new_module(vm, "random");
    let class = gilvm_vm::builtins::file::new_class(
        "Random",
        "random",
        Some(&vm.types().object.clone()),
        BuiltinType::Native,
    );
    for &(name, f) in METHODS {
        gilvm_vm::builtins::dict_set_str(vm, &class.dict, name, native(name, f));
    }
    gilvm_vm::builtins::dict_set_str(vm, &class.dict, "__new__", native("__new__", random_new));
    {
        let gil = vm.gil();
        vm.types()
            .natives
            .borrow_mut(gil)
            .insert("random.Random", class.clone());
    }
    set(vm, &m, "Random", Value::Class(class));
    let state = Value::Native(Arc::new(Box::new(RandomState {
        inner: Mutex::new((os_seeded(), None)),
    })));
    for &(name, f) in METHODS {
        set(vm, &m, name, bound_native(name, f, state.clone()));
    }
    m
}

/// `random.Random(seed=None)`
fn random_new(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    args::count(vm, "Random", a, kw, 0, 1)?;
    let state = Value::Native(Arc::new(Box::new(RandomState {
        inner: Mutex::new((os_seeded(), None)),
    })));
    if let Some(s) = a.first() {
        seed(vm, &[state.clone(), s.clone()], &[])?;
    }
    Ok(state)
}

fn state<'a>(vm: &Vm, a: &'a [Value]) -> PyResult<&'a RandomState> {
    match a.first() {
        Some(Value::Native(n)) => n
            .as_any()
            .downcast_ref::<RandomState>()
            .ok_or_else(|| vm.type_error("expected a Random object")),
        _ => Err(vm.type_error("expected a Random object")),
    }
}

fn seed(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = state(vm, a)?;
    const P: Params = Params {
        name: "seed",
        names: &["a", "version"],
        positional: 2,
        positional_only: 0,
        required: 0,
    };
    let s = P.bind(vm, &a[1..], kw)?;
    let mt =
        match &s[0] {
            None | Some(Value::None) => os_seeded(),
            Some(Value::Int(n)) => Mt19937::from_key(&Mt19937::key_for_int(*n)),
            Some(Value::Bool(b)) => Mt19937::from_key(&Mt19937::key_for_int(*b as i64)),
            Some(v @ Value::Float(_)) => {
                let h = vm.hash(v)? as i64;
                Mt19937::from_key(&Mt19937::key_for_int(h))
            }
            Some(v @ (Value::Str(_) | Value::Bytes(_))) => {
                // Not CPython's SHA-512 based scheme: a deterministic FNV-1a digest of the bytes.
                let bytes: Vec<u8> = match v {
                    Value::Str(x) => x.as_str().as_bytes().to_vec(),
                    Value::Bytes(b) => b.data.to_vec(),
                    _ => Vec::new(),
                };
                let mut key = Vec::new();
                for round in 0..8u64 {
                    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ round;
                    for &b in &bytes {
                        h ^= b as u64;
                        h = h.wrapping_mul(0x0000_0100_0000_01b3);
                    }
                    key.push(h as u32);
                    key.push((h >> 32) as u32);
                }
                Mt19937::from_key(&key)
            }
            Some(_) => return Err(vm.type_error(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
            )),
        };
    *st.inner.lock() = (mt, None);
    Ok(Value::None)
}

pub(crate) fn with_mt<R>(st: &RandomState, f: impl FnOnce(&mut Mt19937) -> R) -> R {
    f(&mut st.inner.lock().0)
}

fn random(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = state(vm, a)?;
    args::none(vm, "random", &a[1..], kw)?;
    Ok(Value::Float(with_mt(st, |m| m.random())))
}

fn getrandbits(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = state(vm, a)?;
    let v = args::one(vm, "getrandbits", &a[1..], kw)?;
    let k = to_index(vm, v)?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    if k > 63 {
        let words = with_mt(st, |m| m.getrandbits_words(k as u64));
        let big = num_bigint::BigUint::from_slice(&words);
        return Ok(gilvm_vm::protocol::bigint::big_value(big.into()));
    }
    Ok(Value::Int(with_mt(st, |m| m.getrandbits(k as u32)) as i64))
}

/// `randbytes(n)`: CPython's `getrandbits(n * 8).to_bytes(n, 'little')`.
fn randbytes(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = state(vm, a)?;
    let v = args::one(vm, "randbytes", &a[1..], kw)?;
    let n = to_index(vm, v)?;
    if n < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    let words = with_mt(st, |m| m.getrandbits_words(n as u64 * 8));
    let mut out: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
    out.truncate(n as usize);
    Ok(gilvm_vm::builtins::buffer::new_bytes(out))
}

/// `_randbelow(n)` for n >= 1.
fn randbelow(st: &RandomState, n: u64) -> u64 {
    with_mt(st, |m| m.randbelow(n))
}

fn randrange_impl(
    vm: &mut Vm,
    st: &RandomState,
    start: &Value,
    stop: Option<&Value>,
    step: Option<&Value>,
) -> PyResult<i64> {
    let istart = int_arg(vm, start, "non-integer arg 1 for randrange()")?;
    let Some(stop) = stop.filter(|s| !s.is_none()) else {
        if step.is_some() {
            return Err(vm.type_error("Missing a non-None stop argument"));
        }
        if istart > 0 {
            return Ok(randbelow(st, istart as u64) as i64);
        }
        return Err(vm.value_error("empty range for randrange()"));
    };
    let istop = int_arg(vm, stop, "non-integer stop for randrange()")?;
    let width = istop as i128 - istart as i128;
    let istep = match step {
        Some(s) => int_arg(vm, s, "non-integer step for randrange()")? as i128,
        None => 1,
    };
    if istep == 1 {
        if width > 0 {
            return Ok((istart as i128 + randbelow(st, width as u64) as i128) as i64);
        }
        return Err(vm.value_error(format!(
            "empty range for randrange() ({istart}, {istop}, {width})"
        )));
    }
    let n = if istep > 0 {
        (width + istep - 1).div_euclid(istep)
    } else if istep < 0 {
        (width + istep + 1).div_euclid(istep)
    } else {
        return Err(vm.value_error("zero step for randrange()"));
    };
    if n <= 0 {
        return Err(vm.value_error("empty range for randrange()"));
    }
    Ok((istart as i128 + istep * randbelow(st, n as u64) as i128) as i64)
}

/// An int argument; integral floats are accepted (deprecated in CPython 3.10+).
fn int_arg(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<i64> {
    match v {
        Value::Float(x) => {
            if x.fract() != 0.0 || !x.is_finite() {
                return Err(vm.value_error(msg.to_string()));
            }
            gilvm_vm::builtins::funcs::float_to_i64(vm, *x)
        }
        _ => to_index(vm, v),
    }
}

fn randrange(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = state(vm, a)?;
    const P: Params = Params {
        name: "randrange",
        names: &["start", "stop", "step"],
        positional: 3,
        positional_only: 0,
        required: 1,
    };
    let s = P.bind(vm, &a[1..], kw)?;
    let start = s[0].clone().unwrap_or_default();
    if s.iter().flatten().any(|v| matches!(v, Value::BigInt(_))) {
        return crate::random_big::randrange(vm, st, &start, s[1].as_ref(), s[2].as_ref());
    }
    Ok(Value::Int(randrange_impl(
        vm,
        st,
        &start,
        s[1].as_ref(),
        s[2].as_ref(),
    )?))
}

fn randint(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = state(vm, a)?;
    args::count(vm, "randint", &a[1..], kw, 2, 2)?;
    if a[1..].iter().any(|v| matches!(v, Value::BigInt(_))) {
        let b = gilvm_vm::protocol::bigint::to_big(&a[2]).unwrap_or_default();
        let stop = gilvm_vm::protocol::bigint::big_value(b + 1);
        return crate::random_big::randrange(vm, st, &a[1], Some(&stop), None);
    }
    let b = int_arg(vm, &a[2], "non-integer stop for randrange()")?;
    let stop = Value::Int(
        b.checked_add(1)
            .ok_or_else(|| vm.overflow_error("integer overflow"))?,
    );
    Ok(Value::Int(randrange_impl(
        vm,
        st,
        &a[1],
        Some(&stop),
        None,
    )?))
}

fn choice(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = state(vm, a)?;
    let seq = args::one(vm, "choice", &a[1..], kw)?;
    let n = vm.len(seq)?;
    if n == 0 {
        return Err(vm.index_error("Cannot choose from an empty sequence"));
    }
    let i = randbelow(st, n as u64);
    vm.get_item(seq, &Value::Int(i as i64))
}

fn shuffle(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = state(vm, a)?;
    let x = args::one(vm, "shuffle", &a[1..], kw)?;
    match x {
        Value::List(l) => {
            let n = l.borrow(vm.gil()).len();
            for i in (1..n).rev() {
                let j = randbelow(st, i as u64 + 1) as usize;
                let mut items = l.borrow_mut(vm.gil());
                if i < items.len() && j < items.len() {
                    items.swap(i, j);
                }
            }
            Ok(Value::None)
        }
        other => {
            let n = vm.len(other)?;
            for i in (1..n).rev() {
                let j = randbelow(st, i as u64 + 1) as i64;
                let xi = vm.get_item(other, &Value::Int(i as i64))?;
                let xj = vm.get_item(other, &Value::Int(j))?;
                vm.set_item(other, &Value::Int(i as i64), xj)?;
                vm.set_item(other, &Value::Int(j), xi)?;
            }
            Ok(Value::None)
        }
    }
}

fn sample(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = state(vm, a)?;
    const P: Params = Params {
        name: "sample",
        names: &["population", "k", "counts"],
        positional: 2,
        positional_only: 0,
        required: 2,
    };
    let s = P.bind(vm, &a[1..], kw)?;
    let population = s[0].clone().unwrap_or_default();
    if !matches!(
        population,
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_) | Value::Bytes(_)
    ) {
        return Err(
            vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).")
        );
    }
    if s[2].as_ref().is_some_and(|c| !c.is_none()) {
        return Err(vm.type_error("gilvm's random.sample does not support counts="));
    }
    let k = to_index(vm, s[1].as_ref().unwrap_or(&Value::Int(0)))?;
    let n = vm.len(&population)? as i64;
    if !(0..=n).contains(&k) {
        return Err(vm.value_error("Sample larger than population or is negative"));
    }
    let mut setsize: i64 = 21;
    if k > 5 {
        let e = (((k * 3) as f64).ln() / 4f64.ln()).ceil() as u32;
        setsize += 4i64.saturating_pow(e);
    }
    vm.check_alloc(k as usize, std::mem::size_of::<Value>())?;
    let mut result = Vec::with_capacity(k as usize);
    if n <= setsize {
        let mut pool = vm.collect(&population)?;
        for i in 0..k {
            let j = randbelow(st, (n - i) as u64) as usize;
            result.push(pool[j].clone());
            pool[j] = pool[(n - i - 1) as usize].clone();
        }
    } else {
        let mut selected = std::collections::HashSet::new();
        for _ in 0..k {
            let mut j = randbelow(st, n as u64);
            while selected.contains(&j) {
                j = randbelow(st, n as u64);
            }
            selected.insert(j);
            result.push(vm.get_item(&population, &Value::Int(j as i64))?);
        }
    }
    Ok(Value::list(result))
}

fn choices(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = state(vm, a)?;
    if a.len() > 3 {
        return Err(vm.type_error(format!(
            "choices() takes from 2 to 3 positional arguments but {} were given",
            a.len()
        )));
    }
    let opts = args::kwonly(
        vm,
        "choices",
        kw,
        &["population", "weights", "cum_weights", "k"],
    )?;
    let population = match (a.get(1), &opts[0]) {
        (Some(p), _) | (None, Some(p)) => p.clone(),
        _ => {
            return Err(
                vm.type_error("choices() missing 1 required positional argument: 'population'")
            )
        }
    };
    let weights = a
        .get(2)
        .cloned()
        .or_else(|| opts[1].clone())
        .filter(|w| !w.is_none());
    let cum_weights = opts[2].clone().filter(|w| !w.is_none());
    let k = match &opts[3] {
        Some(v) => to_index(vm, v)?,
        None => 1,
    };
    let items = vm.collect(&population)?;
    let n = items.len();
    vm.check_alloc(k.max(0) as usize, std::mem::size_of::<Value>())?;
    let mut out = Vec::with_capacity(k.max(0) as usize);
    let cum: Vec<f64> = match (weights, cum_weights) {
        (None, None) => {
            let nf = n as f64;
            for _ in 0..k {
                let r = with_mt(st, |m| m.random());
                let i = (r * nf).floor() as usize;
                match items.get(i) {
                    Some(v) => out.push(v.clone()),
                    None => return Err(vm.index_error("list index out of range")),
                }
            }
            return Ok(Value::list(out));
        }
        (Some(_), Some(_)) => {
            return Err(vm.type_error("Cannot specify both weights and cumulative weights"))
        }
        (Some(w), None) => {
            let mut acc = 0.0;
            let mut cum = Vec::new();
            for x in vm.collect(&w)? {
                acc += to_f64(vm, &x)?;
                cum.push(acc);
            }
            cum
        }
        (None, Some(c)) => {
            let mut cum = Vec::new();
            for x in vm.collect(&c)? {
                cum.push(to_f64(vm, &x)?);
            }
            cum
        }
    };
    if cum.len() != n {
        return Err(vm.value_error("The number of weights does not match the population"));
    }
    let total = cum.last().copied().unwrap_or(0.0);
    if total <= 0.0 {
        return Err(vm.value_error("Total of weights must be greater than zero"));
    }
    if !total.is_finite() {
        return Err(vm.value_error("Total of weights must be finite"));
    }
    let hi = n - 1;
    for _ in 0..k {
        let x = with_mt(st, |m| m.random()) * total;
        // bisect_right(cum, x, 0, hi)
        let (mut lo, mut h) = (0usize, hi);
        while lo < h {
            let mid = (lo + h) / 2;
            if x < cum[mid] {
                h = mid;
            } else {
                lo = mid + 1;
            }
        }
        out.push(items[lo].clone());
    }
    Ok(Value::list(out))
}

fn uniform(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = state(vm, a)?;
    args::count(vm, "uniform", &a[1..], kw, 2, 2)?;
    let lo = to_f64(vm, &a[1])?;
    let hi = to_f64(vm, &a[2])?;
    let r = with_mt(st, |m| m.random());
    Ok(Value::Float(lo + (hi - lo) * r))
}

fn mu_sigma(vm: &mut Vm, a: &[Value], kw: &Kwargs, name: &'static str) -> PyResult<(f64, f64)> {
    let p = Params {
        name,
        names: &["mu", "sigma"],
        positional: 2,
        positional_only: 0,
        required: 0,
    };
    let s = p.bind(vm, &a[1..], kw)?;
    let mu = match &s[0] {
        Some(v) => to_f64(vm, v)?,
        None => 0.0,
    };
    let sigma = match &s[1] {
        Some(v) => to_f64(vm, v)?,
        None => 1.0,
    };
    Ok((mu, sigma))
}

fn gauss(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = state(vm, a)?;
    let (mu, sigma) = mu_sigma(vm, a, kw, "gauss")?;
    let mut guard = st.inner.lock();
    let z = match guard.1.take() {
        Some(z) => z,
        None => {
            let x2pi = guard.0.random() * std::f64::consts::TAU;
            let g2rad = (-2.0 * (1.0 - guard.0.random()).ln()).sqrt();
            guard.1 = Some(x2pi.sin() * g2rad);
            x2pi.cos() * g2rad
        }
    };
    Ok(Value::Float(mu + z * sigma))
}

fn normalvariate(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = state(vm, a)?;
    let (mu, sigma) = mu_sigma(vm, a, kw, "normalvariate")?;
    let magic = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
    let z = with_mt(st, |m| loop {
        let u1 = m.random();
        let u2 = 1.0 - m.random();
        let z = magic * (u1 - 0.5) / u2;
        let zz = z * z / 4.0;
        if zz <= -u2.ln() {
            break z;
        }
    });
    Ok(Value::Float(mu + z * sigma))
}

fn expovariate(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = state(vm, a)?;
    let v = args::one(vm, "expovariate", &a[1..], kw)?;
    let lambd = to_f64(vm, v)?;
    if lambd == 0.0 {
        return Err(vm.zero_division("float division by zero"));
    }
    let r = with_mt(st, |m| m.random());
    Ok(Value::Float(-(1.0 - r).ln() / lambd))
}

fn triangular(vm: &mut Vm, a: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let st = state(vm, a)?;
    const P: Params = Params {
        name: "triangular",
        names: &["low", "high", "mode"],
        positional: 3,
        positional_only: 0,
        required: 0,
    };
    let s = P.bind(vm, &a[1..], kw)?;
    let mut low = match &s[0] {
        Some(v) => to_f64(vm, v)?,
        None => 0.0,
    };
    let mut high = match &s[1] {
        Some(v) => to_f64(vm, v)?,
        None => 1.0,
    };
    let mode = match &s[2] {
        Some(Value::None) | None => None,
        Some(v) => Some(to_f64(vm, v)?),
    };
    let mut u = with_mt(st, |m| m.random());
    let mut c = match mode {
        None => 0.5,
        Some(_) if high == low => return Ok(Value::Float(low)),
        Some(md) => (md - low) / (high - low),
    };
    if u > c {
        u = 1.0 - u;
        c = 1.0 - c;
        std::mem::swap(&mut low, &mut high);
    }
    Ok(Value::Float(low + (high - low) * (u * c).sqrt()))
}
