//! Criterion benchmarks of the eval loop: each program is compiled once, outside the timed loop;
//! the timed part is `Vm::new` + `run_module`, i.e. interpreter start-up plus running the module.
//! The programs print nothing (they check their own results with `assert`).
//!
//! Run with `cargo bench` (or `cargo bench -- fib` for one of them).

mod common;

use common::bench_program;
use criterion::{criterion_group, criterion_main, Criterion};

/// A bare `while` loop with a local counter: dispatch, a compare, a subtraction, a store.
const COUNTDOWN: &str = "\
def countdown(n):
    while n > 0:
        n -= 1
    return n

assert countdown(1_000_000) == 0
";

/// Recursive calls: frame push/pop, argument passing, global lookups.
const FIB: &str = "\
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

assert fib(20) == 6765
";

/// Strings and dicts: build a text from a word list with a small LCG, split it, count the words
/// in a dict, sort the counts with a key and format the top entries.
const WORDCOUNT: &str = "\
WORDS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota',
         'kappa', 'lambda', 'mu', 'nu', 'xi', 'omicron', 'pi', 'rho', 'sigma', 'tau']

def make_text(n):
    seed = 12345
    parts = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        word = WORDS[(seed >> 16) % len(WORDS)]
        if i % 7 == 0:
            word = word.upper()
        parts.append(word)
    return ' '.join(parts)

def count(text):
    counts = {}
    for raw in text.split():
        word = raw.lower()
        counts[word] = counts.get(word, 0) + 1
    return counts

counts = count(make_text(20000))
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
lines = [f'{word:<10}{n:>6}' for word, n in ranked[:5]]
assert len(counts) == len(WORDS)
assert sum(counts.values()) == 20000
assert len(lines) == 5
";

/// A sieve over a list held in a closure cell (the list comprehension captures it): `for` over a
/// range, `cell[j] = v` and `cell[i]` in a condition.
const SIEVE: &str = "\
def sieve(limit):
    flags = [True] * limit
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i < limit:
        if flags[i]:
            for j in range(i * i, limit, i):
                flags[j] = False
        i += 1
    return [n for n in range(limit) if flags[n]]

assert len(sieve(200_000)) == 17984
";

/// Method calls on built-in objects: `dict.get` and `list.append` in a loop over a list.
const METHODS: &str = "\
def tally(words, repeat):
    counts = {}
    seen = []
    for _ in range(repeat):
        for w in words:
            counts[w] = counts.get(w, 0) + 1
            seen.append(w)
    return counts, len(seen)

counts, n = tally(['a', 'bb', 'a', 'ccc', 'bb', 'a'], 20_000)
assert counts == {'a': 60_000, 'bb': 40_000, 'ccc': 20_000} and n == 120_000
";

fn eval_benches(c: &mut Criterion) {
    bench_program(c, "eval", "countdown_1M", COUNTDOWN, 10);
    bench_program(c, "eval", "fib_20", FIB, 20);
    bench_program(c, "eval", "wordcount_20k", WORDCOUNT, 10);
    bench_program(c, "eval", "sieve_200k", SIEVE, 10);
    bench_program(c, "eval", "methods_120k", METHODS, 10);
}

criterion_group!(benches, eval_benches);
criterion_main!(benches);
