use super::*;

const PROGRAMS: [&str; 3] = [
    "import sys\nclass A(B):\n    def __init__(self, x=1, *a, **k):\n        self.x = [i ** 2 for i in range(x) if i % 2]\n        print(f\"{self.x!r:>{w}} {x=}\", end='')\n\n@dec\ndef f(a, /, b, *, c):\n    try:\n        return {a: b, **c}\n    except (E, F) as e:\n        raise G from e\n    finally:\n        del a[1:2], b.c\n",
    "x = (1,\n  2)\nwhile x and not y or z < 3 <= w:\n    x -= 1; y = lambda q: q if q else -q\nelse:\n    with open('f') as fh, g:\n        pass\n",
    "s = 'a' \"b\" '''c\nd''' r'\\x' f'{a[\"k\"]:{b}}'\nfor i, (j, *k) in enumerate(z):\n    if i: continue\n    elif j: break\n",
];

/// Every prefix (on char boundaries) of valid programs either parses or fails cleanly.
#[test]
fn prefixes_never_panic() {
    for prog in PROGRAMS {
        assert!(crate::parse(prog).is_ok(), "{prog}");
        for (i, _) in prog.char_indices() {
            let _ = crate::parse(&prog[..i]);
        }
    }
}

/// Byte noise (made valid UTF-8) and token soup never panic.
#[test]
fn noise_never_panics() {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let pieces = [
        "(", ")", "[", "]", "{", "}", "'", "\"", "'''", "f'", "{", "}", "\\", "\n", "    ", "\t",
        ":", "=", "if", "else", "lambda", "def", "x", "1", "*", "**", ",", ".", "not", "in",
        "yield", "@", "#", "é", "\r", "0x", "1e", "!", ":=", "->", "async", "await", "for", "del",
        "class", "try", "except", "with", "as",
    ];
    for _ in 0..3000 {
        let len = (next() % 40) as usize;
        let mut s = String::new();
        for _ in 0..len {
            if next() % 4 == 0 {
                let b = (next() % 128) as u8;
                s.push(b as char);
            } else {
                s.push_str(pieces[(next() % pieces.len() as u64) as usize]);
            }
        }
        let _ = crate::parse(&s);
        let _ = crate::lexer::dump_tokens(&s);
    }
    for prog in PROGRAMS {
        // Swap random bytes of a valid program for random ASCII.
        for _ in 0..300 {
            let mut bytes = prog.as_bytes().to_vec();
            for _ in 0..3 {
                let i = (next() % bytes.len() as u64) as usize;
                bytes[i] = (next() % 128) as u8;
            }
            if let Ok(s) = String::from_utf8(bytes) {
                let _ = crate::parse(&s);
            }
        }
    }
}

#[test]
fn deep_brackets_fail_cleanly() {
    big_stack(|| {
        let n = 10_000;
        let src = format!("x = {}1{}\n", "(".repeat(n), ")".repeat(n));
        assert_eq!(err(&src).message, "too many nested parentheses");
        let src = format!("x = {}1{}\n", "-(".repeat(n), ")".repeat(n));
        assert_eq!(err(&src).message, "too many nested parentheses");
        let src = format!("x = {}1{}\n", "[".repeat(n), "]".repeat(n));
        assert_eq!(err(&src).message, "too many nested parentheses");
        let src = format!("x = {}1\n", "-".repeat(n));
        assert_eq!(err(&src).message, "too many nested parentheses");
        let src = format!("x = {}1\n", "lambda: ".repeat(n));
        assert_eq!(err(&src).message, "too many nested parentheses");
        let src = format!("x = {}1{}\n", "f(".repeat(n), ")".repeat(n));
        assert_eq!(err(&src).message, "too many nested parentheses");
    });
}

#[test]
fn nesting_just_under_the_limits_parses() {
    big_stack(|| {
        // CPython accepts 199 nested brackets.
        let src = format!("x = {}1{}\n", "-(".repeat(199), ")".repeat(199));
        assert!(crate::parse(&src).is_ok());
        let src = format!("x = {}1{}\n", "[".repeat(199), "]".repeat(199));
        assert!(crate::parse(&src).is_ok());
    });
}

#[test]
fn deep_blocks_fail_cleanly() {
    big_stack(|| {
        let nested = |n: usize| {
            let mut src = String::new();
            for i in 0..n {
                src.push_str(&" ".repeat(i));
                src.push_str("if x:\n");
            }
            src.push_str(&" ".repeat(n));
            src.push_str("pass\n");
            src
        };
        assert!(crate::parse(&nested(99)).is_ok());
        assert_eq!(
            err(&nested(100)).message,
            "too many statically nested blocks"
        );
        let e = err(&nested(150));
        assert_eq!(
            (e.kind, e.message.as_str()),
            ("IndentationError", "too many levels of indentation")
        );
    });
}

#[test]
fn long_flat_chains_parse_iteratively() {
    big_stack(|| {
        let sum = format!("x = {}\n", vec!["1"; 10_000].join(" + "));
        assert!(crate::parse(&sum).is_ok());
        let pow = format!("x = {}2\n", "2 ** ".repeat(10_000));
        assert!(crate::parse(&pow).is_ok());
        let attrs = format!("x = a{}\n", ".b".repeat(10_000));
        assert!(crate::parse(&attrs).is_ok());
        let calls = format!("x = f{}\n", "(1)[0]".repeat(5_000));
        assert!(crate::parse(&calls).is_ok());
        let nots = format!("x = {}y\n", "not ".repeat(10_000));
        assert!(crate::parse(&nots).is_ok());
        let ifexp = format!("x = {}0\n", "1 if c else ".repeat(5_000));
        assert!(crate::parse(&ifexp).is_ok());
        let mut elifs = String::from("if x == 0:\n    pass\n");
        for i in 1..5000 {
            elifs.push_str(&format!("elif x == {i}:\n    pass\n"));
        }
        elifs.push_str("else:\n    pass\n");
        let m = crate::parse(&elifs).expect("elif chain");
        assert_eq!(m.body.len(), 1);
        // Dropping these deep trees happens on this (big) stack too.
    });
}

#[test]
fn ten_thousand_lines_parse_quickly() {
    let mut src = String::new();
    for i in 0..2000 {
        src.push_str(&format!(
            "def f{i}(a, b=1):\n    x = a + b * {i} - (a // 3) ** 2\n    if x > 10 and not b:\n        return [i for i in range(x) if i % 2]\n    return {{'k': x, 'v': f'{{x:>8}}'}}\n"
        ));
    }
    assert_eq!(src.lines().count(), 10_000);
    let start = std::time::Instant::now();
    let m = crate::parse(&src).expect("parses");
    let took = start.elapsed();
    assert_eq!(m.body.len(), 2000);
    // Typically well under 100 ms in a debug build. The bound only catches a quadratic parser
    // (seconds per thousand lines), so it is wide enough for a loaded 2-core CI machine.
    assert!(took < std::time::Duration::from_secs(10), "took {took:?}");
}
