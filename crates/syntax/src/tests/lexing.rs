use super::*;
use crate::indent::tokenize;
use crate::lexer::Tok;

/// Token kinds as short names: NEWLINE, INDENT, DEDENT, names and operators by their text.
fn kinds(src: &str) -> Vec<String> {
    let toks = tokenize(src).unwrap_or_else(|e| panic!("{}", e.render("t.py", src, false)));
    toks.iter()
        .map(|t| match t.kind {
            Tok::Newline => "NL".to_string(),
            Tok::Indent => "IN".to_string(),
            Tok::Dedent => "DE".to_string(),
            Tok::EndMarker => "END".to_string(),
            _ => src[t.span.range()].to_string(),
        })
        .collect()
}

fn joined(src: &str) -> String {
    kinds(src).join(" ")
}

#[test]
fn blank_lines_with_spaces_and_comments_are_ignored() {
    let src = "if a:\n    b\n   \n\n        # odd comment\n  # another\n    c\n";
    assert_eq!(joined(src), "if a : NL IN b NL c NL DE END");
}

#[test]
fn brackets_span_lines_without_newlines() {
    let src = "x = (1,\n  2,\n      3)\ny = [\n]\n";
    assert_eq!(joined(src), "x = ( 1 , 2 , 3 ) NL y = [ ] NL END");
}

#[test]
fn backslash_continuation_joins_lines() {
    assert_eq!(joined("x = 1 + \\\n    2\ny\n"), "x = 1 + 2 NL y NL END");
    assert_eq!(joined("x = 1 + \\\r\n    2\r\n"), "x = 1 + 2 NL END");
}

#[test]
fn eof_without_newline_closes_blocks() {
    assert_eq!(
        joined("def f():\n    return 1"),
        "def f ( ) : NL IN return 1 NL DE END"
    );
    assert_eq!(joined(""), "END");
    assert_eq!(joined("\n\n  \n# only a comment"), "END");
    assert_eq!(joined("x # trailing comment"), "x NL END");
}

#[test]
fn crlf_and_cr_line_endings() {
    assert_eq!(
        joined("if x:\r\n    y\r\nz\r\n"),
        "if x : NL IN y NL DE z NL END"
    );
    let m = module("if x:\r\n    y = '''a\r\nb'''\r\n");
    let crate::ast::StmtKind::If { body, .. } = &m.body[0].kind else {
        panic!()
    };
    let crate::ast::StmtKind::Assign { value, .. } = &body[0].kind else {
        panic!()
    };
    assert_eq!(
        value.kind,
        crate::ast::ExprKind::Constant(crate::ast::Constant::Str("a\nb".into()))
    );
}

#[test]
fn dedent_to_several_levels_at_once() {
    let src = "if a:\n  if b:\n    c\nd\n";
    assert_eq!(joined(src), "if a : NL IN if b : NL IN c NL DE DE d NL END");
    let toks = tokenize(src).expect("tokens");
    let dedents: Vec<_> = toks.iter().filter(|t| t.kind == Tok::Dedent).collect();
    assert!(
        dedents.iter().all(|t| t.span.start == t.span.end),
        "DEDENT spans are zero-width"
    );
}

#[test]
fn tabs_advance_to_multiples_of_eight() {
    // A tab then a tab-and-spaces line at consistent positions.
    assert_eq!(
        joined("if a:\n\tb\n\tif c:\n\t\td\n"),
        "if a : NL IN b NL if c : NL IN d NL DE DE END"
    );
    let e = err("if x:\n\ta = 1\n        b = 2\n");
    assert_eq!(
        (e.kind, e.message.as_str()),
        (
            "TabError",
            "inconsistent use of tabs and spaces in indentation"
        )
    );
}

#[test]
fn indentation_errors() {
    let e = err("x = 1\n    y = 2\n");
    assert_eq!(
        (
            e.kind,
            e.message.as_str(),
            e.location("x = 1\n    y = 2\n").0
        ),
        ("IndentationError", "unexpected indent", 2)
    );
    let e = err("if x:\n    a\n  b\n");
    assert_eq!(
        (e.kind, e.message.as_str()),
        (
            "IndentationError",
            "unindent does not match any outer indentation level"
        )
    );
    let src = "x = 1\n\nif y == 2:\nz = 3\n";
    let e = err(src);
    assert_eq!(e.kind, "IndentationError");
    assert_eq!(
        e.message,
        "expected an indented block after 'if' statement on line 3"
    );
    assert_eq!(e.location(src), (4, 1));
}

#[test]
fn unicode_names_and_invalid_characters() {
    assert_eq!(joined("café = π\n"), "café = π NL END");
    let (m, at) = err_at("x = 1 € 2\n");
    assert_eq!((m.as_str(), at), ("invalid character '€' (U+20AC)", (1, 7)));
    let (m, _) = err_at("x = \u{0}\n");
    assert_eq!(m, "invalid non-printable character U+0000");
}

#[test]
fn string_tokens_and_errors() {
    assert_eq!(
        kinds("'a' \"b\" '''c\n''' r'\\'' b'' rb\"\" f'{x}'\n").len(),
        9
    );
    let (m, at) = err_at("x = 'abc\n");
    assert_eq!(
        (m.as_str(), at),
        ("unterminated string literal (detected at line 1)", (1, 5))
    );
    let (m, at) = err_at("x = '''abc\n\ny\n");
    assert_eq!(
        (m.as_str(), at),
        (
            "unterminated triple-quoted string literal (detected at line 3)",
            (1, 5)
        )
    );
    assert_eq!(err("x = 1 +\\").message, "unexpected EOF while parsing");
    assert_eq!(
        err("x = \\ 1\n").message,
        "unexpected character after line continuation character"
    );
}

#[test]
fn operators_are_longest_match() {
    assert_eq!(
        joined("a **= b //= c ... -> := != <<= >>= @="),
        "a **= b //= c ... -> := != <<= >>= @= NL END"
    );
}

#[test]
fn bracket_errors() {
    assert_eq!(
        err_at("x = (1,\n"),
        ("'(' was never closed".to_string(), (1, 5))
    );
    assert_eq!(err_at("x = 1)\n"), ("unmatched ')'".to_string(), (1, 6)));
    assert_eq!(
        err("x = (]\n").message,
        "closing parenthesis ']' does not match opening parenthesis '('"
    );
}

#[test]
fn dump_tokens_format() {
    let dump = crate::lexer::dump_tokens("x = 1\n").expect("dump");
    assert_eq!(
        dump,
        "NAME \"x\" 1:1\nOP \"=\" 1:3\nINT \"1\" 1:5\nNEWLINE \"\\n\" 1:6\nENDMARKER \"\" 2:1\n"
    );
}

#[test]
fn byte_order_mark_is_skipped() {
    assert_eq!(joined("\u{feff}x = 1\n"), "x = 1 NL END");
    assert!(crate::parse("\u{feff}if x:\n    pass\n").is_ok());
}

/// The deepest inputs the limits allow (199 brackets of each kind, 249 lambdas, inside 99
/// nested blocks) parse on an 8 MB stack; in a debug build they need under 4 MB.
#[test]
fn worst_case_nesting_fits_a_main_thread_stack() {
    let mut blocks = String::from("def g():\n");
    for i in 1..99 {
        blocks.push_str(&" ".repeat(i));
        blocks.push_str("for x in y:\n");
    }
    let pad = " ".repeat(99);
    let cases = [
        format!("x = {}1{}\n", "-(".repeat(199), ")".repeat(199)),
        format!("x = {}1{}\n", "f(".repeat(199), ")".repeat(199)),
        format!("x = {}1{}\n", "{1: ".repeat(199), "}".repeat(199)),
        format!("x = {}1{}\n", "[".repeat(199), "]".repeat(199)),
        format!("x = {}1\n", "lambda: ".repeat(249)),
        format!(
            "{blocks}{pad}x = {}1{}\n",
            "f(lambda: ".repeat(100),
            ")".repeat(100)
        ),
        format!(
            "{blocks}{pad}x = {}1{}\n",
            "a[".repeat(199),
            "]".repeat(199)
        ),
        format!(
            "{blocks}{pad}x = {}1{}\n",
            "(yield ".repeat(199),
            ")".repeat(199)
        ),
    ];
    for src in cases {
        let r = big_stack(move || crate::parse(&src).map(|_| ()).map_err(|e| e.message));
        assert_eq!(r, Ok(()));
    }
}
