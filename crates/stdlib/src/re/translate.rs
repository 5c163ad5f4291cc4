//! CPython's regular-expression syntax (Lib/re/_parser.py's grammar and its error messages,
//! positions in code points) translated into the syntax of the fancy-regex engine.
//!
//! The translator parses the pattern as CPython does — the same tokens, the same checks, the
//! same `re.error` messages at the same positions — and writes an equivalent fancy-regex
//! pattern in which nothing is left to the two syntaxes agreeing: every literal that is not an
//! ASCII letter or digit is written `\x{..}`, every group is an unnamed capture group (names
//! are kept here, as `groupindex`), backreferences are `\k<N>`. The parts whose meaning
//! differs are rewritten: `$` (end, or before a final newline) becomes `(?=\n?\z)`, `\Z`
//! becomes `\z`, `^`/`.` follow the M/S flags explicitly, `\s` gains CPython's `\x1c-\x1f`,
//! and under the ASCII flag `\d`, `\w`, `\s` and `\b` are ASCII classes.

use std::fmt::Write;

pub const TEMPLATE: u32 = 1;
pub const IGNORECASE: u32 = 2;
pub const LOCALE: u32 = 4;
pub const MULTILINE: u32 = 8;
pub const DOTALL: u32 = 16;
pub const UNICODE: u32 = 32;
pub const VERBOSE: u32 = 64;
pub const DEBUG: u32 = 128;
pub const ASCII: u32 = 256;

const MAXREPEAT: u64 = 4294967295;
const MAXGROUPS: usize = 1073741823;

/// A translated pattern.
#[derive(Debug)]
pub struct Translated {
    /// fancy-regex syntax.
    pub pattern: String,
    /// The pattern's flags: those given, the inline global ones, and UNICODE for a str
    /// pattern without ASCII.
    pub flags: u32,
    /// Capture groups (without group 0).
    pub groups: usize,
    /// Group names with their numbers, in the order defined.
    pub names: Vec<(String, usize)>,
}

/// What went wrong, as CPython raises it.
#[derive(Debug, PartialEq)]
pub enum Error {
    /// `re.error(msg, pattern, pos)`.
    Re(String, Option<usize>),
    Overflow(String),
    Value(String),
}

#[derive(Clone, Copy, PartialEq)]
enum Tok {
    Ch(char),
    Esc(char),
}

struct Source<'a> {
    s: &'a [char],
    index: usize,
    next: Option<Tok>,
}

impl<'a> Source<'a> {
    fn new(s: &'a [char]) -> Result<Self, Error> {
        let mut src = Source {
            s,
            index: 0,
            next: None,
        };
        src.advance()?;
        Ok(src)
    }
    fn advance(&mut self) -> Result<(), Error> {
        let Some(&c) = self.s.get(self.index) else {
            self.next = None;
            return Ok(());
        };
        if c == '\\' {
            match self.s.get(self.index + 1) {
                Some(&d) => {
                    self.index += 2;
                    self.next = Some(Tok::Esc(d));
                }
                None => {
                    return Err(Error::Re(
                        "bad escape (end of pattern)".into(),
                        Some(self.s.len() - 1),
                    ))
                }
            }
        } else {
            self.index += 1;
            self.next = Some(Tok::Ch(c));
        }
        Ok(())
    }
    fn get(&mut self) -> Result<Option<Tok>, Error> {
        let t = self.next;
        self.advance()?;
        Ok(t)
    }
    fn matches(&mut self, c: char) -> Result<bool, Error> {
        if self.next == Some(Tok::Ch(c)) {
            self.advance()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }
    fn next_is(&self, f: impl Fn(char) -> bool) -> bool {
        matches!(self.next, Some(Tok::Ch(c)) if f(c))
    }
    fn tell(&self) -> usize {
        self.index
            - match self.next {
                None => 0,
                Some(Tok::Ch(_)) => 1,
                Some(Tok::Esc(_)) => 2,
            }
    }
    fn seek(&mut self, index: usize) -> Result<(), Error> {
        self.index = index;
        self.advance()
    }
    fn error(&self, msg: impl Into<String>, offset: usize) -> Error {
        Error::Re(msg.into(), Some(self.tell() - offset))
    }
    /// Take up to `n` chars that satisfy `f`.
    fn getwhile(&mut self, n: usize, f: impl Fn(char) -> bool) -> Result<String, Error> {
        let mut out = String::new();
        for _ in 0..n {
            match self.next {
                Some(Tok::Ch(c)) if f(c) => {
                    out.push(c);
                    self.advance()?;
                }
                _ => break,
            }
        }
        Ok(out)
    }
    fn getuntil(&mut self, term: char, name: &str) -> Result<String, Error> {
        let mut out = String::new();
        loop {
            let c = self.next;
            self.advance()?;
            match c {
                None => {
                    if out.is_empty() {
                        return Err(self.error(format!("missing {name}"), 0));
                    }
                    return Err(self.error(
                        format!("missing {term}, unterminated name"),
                        out.chars().count(),
                    ));
                }
                Some(Tok::Ch(c)) if c == term => {
                    if out.is_empty() {
                        return Err(self.error(format!("missing {name}"), 1));
                    }
                    return Ok(out);
                }
                Some(Tok::Ch(c)) => out.push(c),
                Some(Tok::Esc(c)) => {
                    out.push('\\');
                    out.push(c);
                }
            }
        }
    }
    fn checkgroupname(&self, name: &str, offset: usize) -> Result<(), Error> {
        if !is_identifier(name) {
            return Err(self.error(
                format!("bad character in group name {}", py_repr(name)),
                name.chars().count() + offset,
            ));
        }
        Ok(())
    }
}

/// `str.isidentifier()` closely enough for group names (XID rules approximated by
/// alphanumeric).
pub fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    cs.all(|c| c == '_' || c.is_alphanumeric())
}

/// Python's repr of a str, for messages.
pub fn py_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

fn flag_of(c: char) -> Option<u32> {
    Some(match c {
        'i' => IGNORECASE,
        'L' => LOCALE,
        'm' => MULTILINE,
        's' => DOTALL,
        'x' => VERBOSE,
        'a' => ASCII,
        't' => TEMPLATE,
        'u' => UNICODE,
        _ => return None,
    })
}

const TYPE_FLAGS: u32 = ASCII | LOCALE | UNICODE;
const GLOBAL_FLAGS: u32 = DEBUG | TEMPLATE;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// A zero-width anchor (`^`, `$`, `\A`, `\Z`, `\b`, `\B`): not repeatable.
    At,
    Repeat,
    /// A non-capturing group without flags (unpacked by CPython, so repeating what it holds).
    Plain,
    Other,
}

struct Item {
    kind: Kind,
    text: String,
}

struct State {
    flags: u32,
    /// Per group (index 0 unused): whether it is closed.
    closed: Vec<bool>,
    names: Vec<(String, usize)>,
    lookbehind_groups: Option<usize>,
    grouprefpos: Vec<(usize, usize)>,
}

impl State {
    fn groups(&self) -> usize {
        self.closed.len()
    }
    fn checkgroup(&self, gid: usize) -> bool {
        gid < self.groups() && self.closed[gid]
    }
    fn checklookbehindgroup(&self, gid: usize, src: &Source) -> Result<(), Error> {
        if let Some(lb) = self.lookbehind_groups {
            if !self.checkgroup(gid) {
                return Err(src.error("cannot refer to an open group", 0));
            }
            if gid >= lb {
                return Err(src.error(
                    "cannot refer to group defined in the same lookbehind subpattern",
                    0,
                ));
            }
        }
        Ok(())
    }
}

/// Translate `pattern` (a str pattern) compiled with `flags`.
pub fn translate(pattern: &str, flags: u32) -> Result<Translated, Error> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut src = Source::new(&chars)?;
    let mut state = State {
        flags,
        closed: vec![true],
        names: Vec::new(),
        lookbehind_groups: None,
        grouprefpos: Vec::new(),
    };
    let body = parse_sub(&mut src, &mut state, flags & VERBOSE != 0, 0, flags)?;
    let mut flags = state.flags;
    if flags & LOCALE != 0 {
        return Err(Error::Value(
            "cannot use LOCALE flag with a str pattern".into(),
        ));
    }
    if flags & ASCII == 0 {
        flags |= UNICODE;
    } else if flags & UNICODE != 0 {
        return Err(Error::Value(
            "ASCII and UNICODE flags are incompatible".into(),
        ));
    }
    if src.next.is_some() {
        return Err(src.error("unbalanced parenthesis", 0));
    }
    for &(g, pos) in &state.grouprefpos {
        if g >= state.groups() {
            return Err(Error::Re(format!("invalid group reference {g}"), Some(pos)));
        }
    }
    let mut out = String::new();
    if flags & IGNORECASE != 0 {
        out.push_str("(?i)");
    }
    out.push_str(&body);
    Ok(Translated {
        pattern: out,
        flags,
        groups: state.groups() - 1,
        names: state.names,
    })
}

/// `a|b|c`; `cur` is the flags in force here (global and scoped).
fn parse_sub(
    src: &mut Source,
    state: &mut State,
    mut verbose: bool,
    nested: usize,
    cur: u32,
) -> Result<String, Error> {
    let mut alts = Vec::new();
    loop {
        let first = nested == 0 && alts.is_empty();
        let (text, _) = parse(src, state, verbose, nested + 1, first, cur)?;
        alts.push(text);
        if !src.matches('|')? {
            break;
        }
        if nested == 0 {
            verbose = state.flags & VERBOSE != 0;
        }
    }
    Ok(alts.join("|"))
}

/// Whether the flags in force make `$`, `.` and `^` multi-line / dot-all, and classes ASCII.
fn effective(state: &State, cur: u32) -> u32 {
    cur | state.flags
}

fn parse(
    src: &mut Source,
    state: &mut State,
    mut verbose: bool,
    nested: usize,
    first: bool,
    cur: u32,
) -> Result<(String, usize), Error> {
    let mut items: Vec<Item> = Vec::new();
    while let Some(this) = src.next {
        if this == Tok::Ch('|') || this == Tok::Ch(')') {
            break;
        }
        src.get()?;
        if verbose {
            if let Tok::Ch(c) = this {
                if " \t\n\r\x0b\x0c".contains(c) {
                    continue;
                }
                if c == '#' {
                    loop {
                        match src.get()? {
                            None | Some(Tok::Ch('\n')) => break,
                            _ => {}
                        }
                    }
                    continue;
                }
            }
        }
        let fl = effective(state, cur);
        match this {
            Tok::Esc(c) => items.push(escape(src, state, c, fl)?),
            Tok::Ch('[') => items.push(Item {
                kind: Kind::Other,
                text: class(src, fl)?,
            }),
            Tok::Ch(c @ ('?' | '*' | '+' | '{')) => {
                let here = src.tell();
                let (min, max): (u64, u64);
                if c == '{' {
                    if src.next == Some(Tok::Ch('}')) {
                        items.push(lit_item('{'));
                        continue;
                    }
                    let lo = src.getwhile(usize::MAX, |c| c.is_ascii_digit())?;
                    let hi = if src.matches(',')? {
                        src.getwhile(usize::MAX, |c| c.is_ascii_digit())?
                    } else {
                        lo.clone()
                    };
                    if !src.matches('}')? {
                        items.push(lit_item('{'));
                        src.seek(here)?;
                        continue;
                    }
                    let too_large = || Error::Overflow("the repetition number is too large".into());
                    min = if lo.is_empty() {
                        0
                    } else {
                        lo.parse::<u64>()
                            .ok()
                            .filter(|&n| n < MAXREPEAT)
                            .ok_or_else(too_large)?
                    };
                    max = if hi.is_empty() {
                        MAXREPEAT
                    } else {
                        let m = hi
                            .parse::<u64>()
                            .ok()
                            .filter(|&n| n < MAXREPEAT)
                            .ok_or_else(too_large)?;
                        if m < min {
                            return Err(
                                src.error("min repeat greater than max repeat", src.tell() - here)
                            );
                        }
                        m
                    };
                } else {
                    (min, max) = match c {
                        '?' => (0, 1),
                        '*' => (0, MAXREPEAT),
                        _ => (1, MAXREPEAT),
                    };
                }
                let off = src.tell() - here + 1;
                let item = match items.pop() {
                    None => return Err(src.error("nothing to repeat", off)),
                    Some(i) if i.kind == Kind::At => {
                        return Err(src.error("nothing to repeat", off));
                    }
                    Some(i) if i.kind == Kind::Repeat => {
                        return Err(src.error("multiple repeat", off));
                    }
                    Some(i) => i,
                };
                let mut q = match (min, max) {
                    (0, 1) => "?".to_string(),
                    (0, MAXREPEAT) => "*".to_string(),
                    (1, MAXREPEAT) => "+".to_string(),
                    (m, MAXREPEAT) => format!("{{{m},}}"),
                    (m, n) if m == n => format!("{{{m}}}"),
                    (m, n) => format!("{{{m},{n}}}"),
                };
                if src.matches('?')? {
                    q.push('?');
                } else if src.matches('+')? {
                    q.push('+');
                }
                items.push(Item {
                    kind: Kind::Repeat,
                    text: format!("(?:{}){q}", item.text),
                });
            }
            Tok::Ch('.') => items.push(Item {
                kind: Kind::Other,
                text: if fl & DOTALL != 0 { "(?s:.)" } else { "." }.into(),
            }),
            Tok::Ch('^') => items.push(Item {
                kind: Kind::At,
                text: if fl & MULTILINE != 0 { "(?m:^)" } else { "\\A" }.into(),
            }),
            Tok::Ch('$') => items.push(Item {
                kind: Kind::At,
                text: if fl & MULTILINE != 0 {
                    "(?m:$)"
                } else {
                    "(?=\\n?\\z)"
                }
                .into(),
            }),
            Tok::Ch('(') => {
                let start = src.tell() - 1;
                match group(src, state, verbose, nested, start, fl)? {
                    Group::Item(item) => items.push(item),
                    Group::Comment => {}
                    Group::Global => {
                        if !first || !items.is_empty() {
                            return Err(src.error(
                                "global flags not at the start of the expression",
                                src.tell() - start,
                            ));
                        }
                        verbose = state.flags & VERBOSE != 0;
                    }
                }
            }
            Tok::Ch(c) => items.push(lit_item(c)),
        }
    }
    let n = items.len();
    Ok((items.into_iter().map(|i| i.text).collect(), n))
}

/// What a parenthesis opened.
enum Group {
    Item(Item),
    Comment,
    /// Global flags, folded into `State::flags`.
    Global,
}

fn lit_item(c: char) -> Item {
    let mut text = String::new();
    push_lit(&mut text, c);
    Item {
        kind: Kind::Other,
        text,
    }
}

/// A literal char in fancy-regex syntax (meaningful characters as `\x{..}`).
fn push_lit(out: &mut String, c: char) {
    if c.is_ascii_alphanumeric() || (!c.is_ascii() && !c.is_whitespace() && !c.is_control()) {
        out.push(c);
    } else {
        let _ = write!(out, "\\x{{{:x}}}", c as u32);
    }
}

/// A category escape (`\d`, `\D`, `\w`...) as a class item (to go inside `[...]`), or None.
fn category(c: char, fl: u32) -> Option<&'static str> {
    let ascii = fl & ASCII != 0;
    Some(match (c, ascii) {
        ('d', false) => "\\d",
        ('D', false) => "\\D",
        ('w', false) => "\\w",
        ('W', false) => "\\W",
        ('s', false) => "\\s\\x{1c}-\\x{1f}",
        ('S', false) => "[^\\s\\x{1c}-\\x{1f}]",
        ('d', true) => "0-9",
        ('D', true) => "[^0-9]",
        ('w', true) => "0-9A-Za-z_",
        ('W', true) => "[^0-9A-Za-z_]",
        ('s', true) => "\\x{20}\\x{9}-\\x{d}",
        ('S', true) => "[^\\x{20}\\x{9}-\\x{d}]",
        _ => return None,
    })
}

fn simple_escape(c: char) -> Option<char> {
    Some(match c {
        'a' => '\x07',
        'f' => '\x0c',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'v' => '\x0b',
        '\\' => '\\',
        _ => return None,
    })
}

/// The hex/unicode/octal escapes common to classes and the rest; `Ok(None)` if `c` is not one.
fn number_escape(src: &mut Source, c: char) -> Result<Option<char>, Error> {
    let hexd = |c: char| c.is_ascii_hexdigit();
    let (n, name) = match c {
        'x' => (2, 'x'),
        'u' => (4, 'u'),
        'U' => (8, 'U'),
        _ => return Ok(None),
    };
    let digits = src.getwhile(n, hexd)?;
    let esc = format!("\\{name}{digits}");
    if digits.len() != n {
        return Err(src.error(format!("incomplete escape {esc}"), esc.chars().count()));
    }
    let v = u32::from_str_radix(&digits, 16).unwrap_or(u32::MAX);
    match char::from_u32(v) {
        Some(ch) => Ok(Some(ch)),
        None => Err(src.error(format!("bad escape {esc}"), esc.chars().count())),
    }
}

fn bad_escape(src: &Source, c: char) -> Error {
    src.error(format!("bad escape \\{c}"), 2)
}

/// An escape outside a class.
fn escape(src: &mut Source, state: &mut State, c: char, fl: u32) -> Result<Item, Error> {
    let at = |t: &str| Item {
        kind: Kind::At,
        text: t.to_string(),
    };
    match c {
        'A' => return Ok(at("\\A")),
        'Z' => return Ok(at("\\z")),
        'b' if fl & ASCII != 0 => {
            return Ok(at(
                "(?:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))",
            ))
        }
        'B' if fl & ASCII != 0 => {
            return Ok(at(
                "(?:(?<=[0-9A-Za-z_])(?=[0-9A-Za-z_])|(?<![0-9A-Za-z_])(?![0-9A-Za-z_]))",
            ))
        }
        'b' => return Ok(at("\\b")),
        'B' => return Ok(at("\\B")),
        _ => {}
    }
    if let Some(cat) = category(c, fl) {
        return Ok(Item {
            kind: Kind::Other,
            text: if cat.starts_with('[') {
                cat.to_string()
            } else {
                format!("[{cat}]")
            },
        });
    }
    if let Some(ch) = simple_escape(c) {
        return Ok(lit_item(ch));
    }
    if let Some(ch) = number_escape(src, c)? {
        return Ok(lit_item(ch));
    }
    if c == 'N' {
        return Err(src.error(
            "named Unicode escapes (\\N{...}) are not supported by gilvm",
            2,
        ));
    }
    if c == '0' {
        let more = src.getwhile(2, |c| ('0'..='7').contains(&c))?;
        let v = u32::from_str_radix(&format!("0{more}"), 8).unwrap_or(0);
        return Ok(lit_item(char::from_u32(v).unwrap_or('\0')));
    }
    if c.is_ascii_digit() {
        let mut esc = c.to_string();
        if src.next_is(|c| c.is_ascii_digit()) {
            if let Some(Tok::Ch(d)) = src.get()? {
                esc.push(d);
            }
            let oct = |c: char| ('0'..='7').contains(&c);
            let e: Vec<char> = esc.chars().collect();
            if oct(e[0]) && oct(e[1]) && src.next_is(oct) {
                if let Some(Tok::Ch(d)) = src.get()? {
                    esc.push(d);
                }
                let v = u32::from_str_radix(&esc, 8).unwrap_or(0);
                if v > 0o377 {
                    return Err(src.error(
                        format!("octal escape value \\{esc} outside of range 0-0o377"),
                        esc.len() + 1,
                    ));
                }
                return Ok(lit_item(char::from_u32(v).unwrap_or('\0')));
            }
        }
        let group: usize = esc.parse().unwrap_or(0);
        if group < state.groups() {
            if !state.checkgroup(group) {
                return Err(src.error("cannot refer to an open group", esc.len() + 1));
            }
            state.checklookbehindgroup(group, src)?;
            return Ok(Item {
                kind: Kind::Other,
                text: format!("\\k<{group}>"),
            });
        }
        return Err(src.error(format!("invalid group reference {group}"), esc.len()));
    }
    if c.is_ascii_alphabetic() {
        return Err(bad_escape(src, c));
    }
    Ok(lit_item(c))
}

/// An escape inside a class: `Ok(Err(text))` for a category (not usable in a range),
/// `Ok(Ok(char))` for a literal.
fn class_escape(src: &mut Source, c: char, fl: u32) -> Result<Result<char, String>, Error> {
    if let Some(ch) = simple_escape(c) {
        return Ok(Ok(ch));
    }
    if c == 'b' {
        return Ok(Ok('\x08'));
    }
    if let Some(cat) = category(c, fl) {
        return Ok(Err(cat.to_string()));
    }
    if let Some(ch) = number_escape(src, c)? {
        return Ok(Ok(ch));
    }
    if c == 'N' {
        return Err(src.error(
            "named Unicode escapes (\\N{...}) are not supported by gilvm",
            2,
        ));
    }
    if ('0'..='7').contains(&c) {
        let more = src.getwhile(2, |c| ('0'..='7').contains(&c))?;
        let esc = format!("{c}{more}");
        let v = u32::from_str_radix(&esc, 8).unwrap_or(0);
        if v > 0o377 {
            return Err(src.error(
                format!("octal escape value \\{esc} outside of range 0-0o377"),
                esc.len() + 1,
            ));
        }
        return Ok(Ok(char::from_u32(v).unwrap_or('\0')));
    }
    if c.is_ascii_alphanumeric() {
        return Err(bad_escape(src, c));
    }
    Ok(Ok(c))
}

fn tok_text(t: Tok) -> String {
    match t {
        Tok::Ch(c) => c.to_string(),
        Tok::Esc(c) => format!("\\{c}"),
    }
}

/// `[...]`, after the `[`.
fn class(src: &mut Source, fl: u32) -> Result<String, Error> {
    let here = src.tell() - 1;
    let negate = src.matches('^')?;
    let mut body = String::new();
    let mut count = 0usize;
    loop {
        let Some(this) = src.get()? else {
            return Err(src.error("unterminated character set", src.tell() - here));
        };
        if this == Tok::Ch(']') && count > 0 {
            break;
        }
        let code1 = match this {
            Tok::Esc(c) => class_escape(src, c, fl)?,
            Tok::Ch(c) => Ok(c),
        };
        count += 1;
        if src.matches('-')? {
            let Some(that) = src.get()? else {
                return Err(src.error("unterminated character set", src.tell() - here));
            };
            if that == Tok::Ch(']') {
                match code1 {
                    Ok(c) => push_lit(&mut body, c),
                    Err(cat) => body.push_str(&cat),
                }
                push_lit(&mut body, '-');
                break;
            }
            let code2 = match that {
                Tok::Esc(c) => class_escape(src, c, fl)?,
                Tok::Ch(c) => Ok(c),
            };
            let (a, b) = (tok_text(this), tok_text(that));
            let msg = format!("bad character range {a}-{b}");
            let off = a.chars().count() + 1 + b.chars().count();
            match (code1, code2) {
                (Ok(lo), Ok(hi)) if hi >= lo => {
                    push_lit(&mut body, lo);
                    body.push('-');
                    push_lit(&mut body, hi);
                }
                _ => return Err(src.error(msg, off)),
            }
        } else {
            match code1 {
                Ok(c) => push_lit(&mut body, c),
                Err(cat) => body.push_str(&cat),
            }
        }
    }
    Ok(if negate {
        format!("[^{body}]")
    } else {
        format!("[{body}]")
    })
}

/// Parse inline flags after `(?` (the first flag char already taken as `c`). Returns None for
/// global flags `(?aiLmsux)` (added to `state.flags`), or the scoped (add, del).
fn parse_flags(
    src: &mut Source,
    state: &mut State,
    mut c: char,
) -> Result<Option<(u32, u32)>, Error> {
    let mut add = 0;
    let mut del = 0;
    if c != '-' {
        loop {
            let flag = flag_of(c).unwrap_or(0);
            if c == 'L' {
                return Err(src.error(
                    "bad inline flags: cannot use 'L' flag with a str pattern",
                    0,
                ));
            }
            add |= flag;
            if flag & TYPE_FLAGS != 0 && add & TYPE_FLAGS != flag {
                return Err(src.error(
                    "bad inline flags: flags 'a', 'u' and 'L' are incompatible",
                    0,
                ));
            }
            match src.get()? {
                None => return Err(src.error("missing -, : or )", 0)),
                Some(Tok::Ch(d)) if ")-:".contains(d) => {
                    c = d;
                    break;
                }
                Some(Tok::Ch(d)) if flag_of(d).is_some() => c = d,
                Some(t) => {
                    let alpha = matches!(t, Tok::Ch(d) if d.is_alphabetic());
                    let msg = if alpha {
                        "unknown flag"
                    } else {
                        "missing -, : or )"
                    };
                    return Err(src.error(msg, tok_text(t).chars().count()));
                }
            }
        }
    }
    if c == ')' {
        state.flags |= add;
        return Ok(None);
    }
    if add & GLOBAL_FLAGS != 0 {
        return Err(src.error("bad inline flags: cannot turn on global flag", 1));
    }
    if c == '-' {
        match src.get()? {
            None => return Err(src.error("missing flag", 0)),
            Some(Tok::Ch(d)) if flag_of(d).is_some() => c = d,
            Some(t) => {
                let alpha = matches!(t, Tok::Ch(d) if d.is_alphabetic());
                let msg = if alpha {
                    "unknown flag"
                } else {
                    "missing flag"
                };
                return Err(src.error(msg, tok_text(t).chars().count()));
            }
        }
        loop {
            let flag = flag_of(c).unwrap_or(0);
            if flag & TYPE_FLAGS != 0 {
                return Err(src.error(
                    "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                    0,
                ));
            }
            del |= flag;
            match src.get()? {
                None => return Err(src.error("missing :", 0)),
                Some(Tok::Ch(':')) => break,
                Some(Tok::Ch(d)) if flag_of(d).is_some() => c = d,
                Some(t) => {
                    let alpha = matches!(t, Tok::Ch(d) if d.is_alphabetic());
                    let msg = if alpha { "unknown flag" } else { "missing :" };
                    return Err(src.error(msg, tok_text(t).chars().count()));
                }
            }
        }
    }
    if del & GLOBAL_FLAGS != 0 {
        return Err(src.error("bad inline flags: cannot turn off global flag", 1));
    }
    if add & del != 0 {
        return Err(src.error("bad inline flags: flag turned on and off", 1));
    }
    Ok(Some((add, del)))
}

/// A group after its `(` (global flags are folded into `state.flags`; the caller checks
/// their place).
fn group(
    src: &mut Source,
    state: &mut State,
    verbose: bool,
    nested: usize,
    start: usize,
    fl: u32,
) -> Result<Group, Error> {
    let mut capture = true;
    let mut atomic = false;
    let mut name: Option<String> = None;
    let mut add = 0;
    let mut del = 0;
    let unterminated =
        |src: &Source| src.error("missing ), unterminated subpattern", src.tell() - start);
    if src.matches('?')? {
        let Some(t) = src.get()? else {
            return Err(src.error("unexpected end of pattern", 0));
        };
        let ch = match t {
            Tok::Ch(c) => c,
            Tok::Esc(_) => {
                return Err(src.error(format!("unknown extension ?{}", tok_text(t)), 3));
            }
        };
        match ch {
            'P' => {
                if src.matches('<')? {
                    let n = src.getuntil('>', "group name")?;
                    src.checkgroupname(&n, 1)?;
                    name = Some(n);
                } else if src.matches('=')? {
                    let n = src.getuntil(')', "group name")?;
                    src.checkgroupname(&n, 1)?;
                    let off = n.chars().count() + 1;
                    let Some(gid) = state.names.iter().find(|(k, _)| *k == n).map(|x| x.1) else {
                        return Err(src.error(format!("unknown group name {}", py_repr(&n)), off));
                    };
                    if !state.checkgroup(gid) {
                        return Err(src.error("cannot refer to an open group", off));
                    }
                    state.checklookbehindgroup(gid, src)?;
                    return Ok(Group::Item(Item {
                        kind: Kind::Other,
                        text: format!("\\k<{gid}>"),
                    }));
                } else {
                    let Some(t) = src.get()? else {
                        return Err(src.error("unexpected end of pattern", 0));
                    };
                    let tt = tok_text(t);
                    return Err(
                        src.error(format!("unknown extension ?P{tt}"), tt.chars().count() + 2)
                    );
                }
            }
            ':' => capture = false,
            '#' => {
                loop {
                    if src.next.is_none() {
                        return Err(
                            src.error("missing ), unterminated comment", src.tell() - start)
                        );
                    }
                    if src.get()? == Some(Tok::Ch(')')) {
                        break;
                    }
                }
                return Ok(Group::Comment);
            }
            '=' | '!' | '<' => {
                let mut kind = ch;
                let mut behind = false;
                let mut saved_lb = Some(0);
                if ch == '<' {
                    let Some(t) = src.get()? else {
                        return Err(src.error("unexpected end of pattern", 0));
                    };
                    match t {
                        Tok::Ch(c @ ('=' | '!')) => kind = c,
                        t => {
                            let tt = tok_text(t);
                            return Err(src.error(
                                format!("unknown extension ?<{tt}"),
                                tt.chars().count() + 2,
                            ));
                        }
                    }
                    behind = true;
                    saved_lb = state.lookbehind_groups;
                    if saved_lb.is_none() {
                        state.lookbehind_groups = Some(state.groups());
                    }
                }
                let p = parse_sub(src, state, verbose, nested + 1, fl)?;
                if behind && saved_lb.is_none() {
                    state.lookbehind_groups = None;
                }
                if !src.matches(')')? {
                    return Err(unterminated(src));
                }
                let op = match (behind, kind) {
                    (false, '=') => "?=",
                    (false, _) => "?!",
                    (true, '=') => "?<=",
                    (true, _) => "?<!",
                };
                return Ok(Group::Item(Item {
                    kind: Kind::Other,
                    text: format!("({op}{p})"),
                }));
            }
            '(' => {
                let condname = src.getuntil(')', "group name")?;
                let off = condname.chars().count() + 1;
                let condgroup = if is_identifier(&condname) {
                    match state.names.iter().find(|(k, _)| *k == condname) {
                        Some(&(_, g)) => g,
                        None => {
                            return Err(src
                                .error(format!("unknown group name {}", py_repr(&condname)), off))
                        }
                    }
                } else {
                    let Ok(g) = condname.parse::<usize>() else {
                        return Err(src.error(
                            format!("bad character in group name {}", py_repr(&condname)),
                            off,
                        ));
                    };
                    if g == 0 {
                        return Err(src.error("bad group number", off));
                    }
                    if g >= MAXGROUPS {
                        return Err(src.error(format!("invalid group reference {g}"), off));
                    }
                    if !state.grouprefpos.iter().any(|x| x.0 == g) {
                        state.grouprefpos.push((g, src.tell() - off));
                    }
                    g
                };
                state.checklookbehindgroup(condgroup, src)?;
                let (yes, _) = parse(src, state, verbose, nested + 1, false, fl)?;
                let no = if src.matches('|')? {
                    let (no, _) = parse(src, state, verbose, nested + 1, false, fl)?;
                    if src.next == Some(Tok::Ch('|')) {
                        return Err(src.error("conditional backref with more than two branches", 0));
                    }
                    Some(no)
                } else {
                    None
                };
                if !src.matches(')')? {
                    return Err(unterminated(src));
                }
                let text = match no {
                    Some(no) => format!("(?({condgroup})(?:{yes})|(?:{no}))"),
                    None => format!("(?({condgroup})(?:{yes}))"),
                };
                return Ok(Group::Item(Item {
                    kind: Kind::Other,
                    text,
                }));
            }
            '>' => {
                capture = false;
                atomic = true;
            }
            c if flag_of(c).is_some() || c == '-' => match parse_flags(src, state, c)? {
                None => return Ok(Group::Global),
                Some((a, d)) => {
                    add = a;
                    del = d;
                    capture = false;
                }
            },
            c => {
                return Err(src.error(format!("unknown extension ?{c}"), 2));
            }
        }
    }
    let gid = if capture {
        let gid = state.groups();
        if gid >= MAXGROUPS {
            return Err(src.error("too many groups", 0));
        }
        state.closed.push(false);
        if let Some(n) = &name {
            if let Some(&(_, old)) = state.names.iter().find(|(k, _)| k == n) {
                return Err(src.error(
                    format!(
                        "redefinition of group name {} as group {gid}; was group {old}",
                        py_repr(n)
                    ),
                    n.chars().count() + 1,
                ));
            }
            state.names.push((n.clone(), gid));
        }
        Some(gid)
    } else {
        None
    };
    let sub_verbose = (verbose || add & VERBOSE != 0) && del & VERBOSE == 0;
    let inner_flags = (fl | add) & !del;
    let inner_flags = if add & ASCII != 0 {
        inner_flags & !UNICODE
    } else if add & UNICODE != 0 {
        inner_flags & !ASCII
    } else {
        inner_flags
    };
    // The flags' own state for the group: `state.flags` holds only the global ones.
    let saved = state.flags;
    state.flags &= !del;
    let p = parse_sub(src, state, sub_verbose, nested + 1, inner_flags)?;
    state.flags = saved;
    if !src.matches(')')? {
        return Err(unterminated(src));
    }
    if let Some(g) = gid {
        state.closed[g] = true;
    }
    let (kind, text) = if atomic {
        (Kind::Other, format!("(?>{p})"))
    } else if capture {
        (Kind::Other, format!("({p})"))
    } else if add & IGNORECASE != 0 {
        (Kind::Other, format!("(?i:{p})"))
    } else if del & IGNORECASE != 0 {
        (Kind::Other, format!("(?-i:{p})"))
    } else if add == 0 && del == 0 {
        (Kind::Plain, format!("(?:{p})"))
    } else {
        (Kind::Other, format!("(?:{p})"))
    };
    Ok(Group::Item(Item { kind, text }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(p: &str) -> (String, Option<usize>) {
        match translate(p, 0) {
            Err(Error::Re(m, pos)) => (m, pos),
            other => panic!("{p}: {other:?}"),
        }
    }

    #[test]
    fn messages_and_positions() {
        assert_eq!(
            err("(a"),
            ("missing ), unterminated subpattern".into(), Some(0))
        );
        assert_eq!(err("a)"), ("unbalanced parenthesis".into(), Some(1)));
        assert_eq!(err("*a"), ("nothing to repeat".into(), Some(0)));
        assert_eq!(err("a**"), ("multiple repeat".into(), Some(2)));
        assert_eq!(err("[a"), ("unterminated character set".into(), Some(0)));
        assert_eq!(err("\\q"), ("bad escape \\q".into(), Some(0)));
        assert_eq!(err("(a)\\2"), ("invalid group reference 2".into(), Some(4)));
    }

    #[test]
    fn groups_and_names() {
        let t = translate("(?P<x>a)(b)(?:c)", 0).unwrap();
        assert_eq!(t.groups, 2);
        assert_eq!(t.names, vec![("x".to_string(), 1)]);
        assert_eq!(t.flags, UNICODE);
    }
}
