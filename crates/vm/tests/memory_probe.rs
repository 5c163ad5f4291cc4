//! The in-process memory limit (`alloc_limit::set_usage_probe`, what the `run` fuzz target
//! uses), in its own test binary because the probe and the limit are process-wide.

use std::sync::atomic::{AtomicUsize, Ordering};

use gilvm_vm::runtime::alloc_limit;
use gilvm_vm::runtime::instr_limit::MEMORY_LIMIT_STATUS;
use gilvm_vm::runtime::sandbox::run_sandboxed;

/// The heap the probe reports: a test sets it.
static HEAP: AtomicUsize = AtomicUsize::new(0);

fn probe() -> usize {
    HEAP.load(Ordering::Relaxed)
}

#[test]
fn the_heap_limit_refuses_allocations_and_ends_the_program() {
    alloc_limit::set_memory_limit(100 << 20);
    alloc_limit::set_usage_probe(probe);

    // Under the limit: a 1 MB request that fits is allowed, one that would pass it is not.
    HEAP.store(10 << 20, Ordering::Relaxed);
    let run = run_sandboxed(
        "s = 'x' * (2 ** 20)\nprint(len(s))\ntry:\n    t = 'y' * (95 * 2 ** 20)\nexcept MemoryError:\n    print('MemoryError')\n",
        "prog.py",
        None,
    );
    assert_eq!(
        (run.status, run.stdout.as_slice()),
        (0, &b"1048576\nMemoryError\n"[..])
    );

    // A concatenation loop that doubles a string hits the check before the heap explodes.
    let run = run_sandboxed(
        "s = 'ab'\ntry:\n    while True:\n        s = s + s\nexcept MemoryError:\n    print(len(s))\n",
        "prog.py",
        None,
    );
    assert_eq!(run.status, 0);
    assert_eq!(
        run.stdout, b"67108864\n",
        "the last doubling that fits 100 MB"
    );

    // Splitting a big string into many pieces is checked before it is done.
    let run = run_sandboxed(
        "s = 'a ' * (4 * 2 ** 20)\ntry:\n    s.split()\nexcept MemoryError:\n    print('split')\ntry:\n    s.split(' ')\nexcept MemoryError:\n    print('split sep')\ntry:\n    ('a\\n' * (4 * 2 ** 20)).splitlines()\nexcept MemoryError:\n    print('splitlines')\nprint(len(('ab ' * 2 ** 16).split()))\n",
        "prog.py",
        None,
    );
    assert_eq!(
        run.stdout, b"split\nsplit sep\nsplitlines\n65536\n",
        "{run:?}"
    );

    // A replacement that makes a big string much longer is checked before it is done (the
    // `run` fuzz target ran out of memory on this one).
    let run = run_sandboxed(
        "try:\n    ('x' * 100000).replace('x', 'y' * 100000)\nexcept MemoryError:\n    print('replace')\nprint(('ab' * 1000).replace('a', 'xyz').count('xyz'))\n",
        "prog.py",
        None,
    );
    assert_eq!(run.stdout, b"replace\n1000\n", "{run:?}");

    // Above the limit: the program ends at its next check, whatever it catches.
    HEAP.store(200 << 20, Ordering::Relaxed);
    let run = run_sandboxed(
        "while True:\n    try:\n        pass\n    except BaseException:\n        print('caught')\n",
        "prog.py",
        None,
    );
    assert_eq!(run.status, MEMORY_LIMIT_STATUS);
    assert_eq!(run.stdout, b"");
    assert_eq!(run.stderr, b"gilvm: memory limit of 100 MB exceeded\n");
    HEAP.store(0, Ordering::Relaxed);
}
