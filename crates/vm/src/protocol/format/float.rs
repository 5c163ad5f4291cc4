//! Float to text exactly as CPython does it: a port of `format_float_short` (Python/pystrtod.c)
//! on top of digit strings produced by Rust's correctly rounded float formatting (which, like
//! David Gay's `_Py_dg_dtoa` that CPython uses, rounds the exact binary value half-to-even).

/// Decimal digits of a finite float: value = 0.DIGITS * 10^decpt, `digits` without trailing
/// zeros (except a lone "0" for zero).
struct Digits {
    digits: Vec<u8>,
    decpt: i32,
    negative: bool,
}

/// Parse Rust's `{:e}` output ("1.2345e-7", "-5e3") into digits and decimal point position.
fn from_sci(s: &str) -> Digits {
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (mantissa, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mantissa.bytes().filter(|b| b.is_ascii_digit()).collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.iter().all(|&d| d == b'0') {
        return Digits {
            digits: vec![b'0'],
            decpt: 1,
            negative,
        };
    }
    Digits {
        digits,
        decpt: exp + 1,
        negative,
    }
}

/// dtoa mode 0: the shortest digit string that round-trips.
fn shortest(x: f64) -> Digits {
    from_sci(&format!("{:e}", x))
}

/// More digits than any f64 has: its exact decimal expansion has at most 767 significant and
/// 1074 fractional digits, so asking Rust's formatter (which panics past 65535) for more only
/// adds zeros, which [`Digits`] drops anyway and the layout puts back.
const EXACT_DIGITS: usize = 1100;

/// dtoa mode 2: `ndigits` (at least 1) significant digits, correctly rounded.
fn significant(x: f64, ndigits: usize) -> Digits {
    let n = ndigits.clamp(1, EXACT_DIGITS);
    from_sci(&format!("{:.*e}", n - 1, x))
}

/// dtoa mode 3: `ndigits` digits after the decimal point, correctly rounded.
fn fixed(x: f64, ndigits: usize) -> Digits {
    let s = format!("{:.*}", ndigits.min(EXACT_DIGITS), x);
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    let (int_part, frac_part) = s.split_once('.').unwrap_or((s, ""));
    let mut digits: Vec<u8> = int_part.bytes().chain(frac_part.bytes()).collect();
    let mut decpt = int_part.len() as i32;
    let lead = digits.iter().take_while(|&&d| d == b'0').count();
    if lead == digits.len() {
        return Digits {
            digits: vec![b'0'],
            decpt: 1,
            negative,
        };
    }
    digits.drain(..lead);
    decpt -= lead as i32;
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    Digits {
        digits,
        decpt,
        negative,
    }
}

/// Options of `PyOS_double_to_string`.
#[derive(Clone, Copy, Debug, Default)]
pub struct FloatFlags {
    pub always_add_sign: bool,
    pub add_dot_0: bool,
    pub alt: bool,
    pub no_neg_0: bool,
}

/// `PyOS_double_to_string(x, code, precision, flags)`: `code` is one of e E f F g G r (r: repr,
/// precision ignored).
pub fn double_to_string(x: f64, code: char, precision: usize, flags: FloatFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    if x.is_nan() || x.is_infinite() {
        let mut out = String::new();
        if x.is_infinite() {
            if x < 0.0 {
                out.push('-');
            } else if flags.always_add_sign {
                out.push('+');
            }
            out.push_str(if upper { "INF" } else { "inf" });
        } else {
            // CPython never adds a sign to a nan here.
            out.push_str(if upper { "NAN" } else { "nan" });
        }
        return out;
    }
    let (d, precision) = match code {
        'e' => (significant(x, precision + 1), precision + 1),
        'f' => (fixed(x, precision), precision),
        'g' => {
            let p = precision.max(1);
            (significant(x, p), p)
        }
        _ => (shortest(x), 0),
    };
    format_float_short(d, code, precision as i64, flags, upper)
}

/// The layout half of CPython's `format_float_short`.
fn format_float_short(
    d: Digits,
    code: char,
    precision: i64,
    flags: FloatFlags,
    upper: bool,
) -> String {
    let digits = d.digits;
    let digits_len = digits.len() as i64;
    let mut decpt = d.decpt as i64;
    let mut sign = d.negative;
    if flags.no_neg_0 && sign && digits == b"0" {
        sign = false;
    }
    let mut use_exp = false;
    let mut vdigits_end = digits_len;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }
    let mut p = String::with_capacity((vdigits_end - vdigits_start + 8) as usize);
    if sign {
        p.push('-');
    } else if flags.always_add_sign {
        p.push('+');
    }
    let zeros = |p: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            p.push('0');
        }
    };
    let push_digits = |p: &mut String, ds: &[u8]| {
        for &c in ds {
            p.push(c as char);
        }
    };
    if decpt <= 0 {
        zeros(&mut p, decpt - vdigits_start);
        p.push('.');
        zeros(&mut p, -decpt);
    } else {
        zeros(&mut p, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        push_digits(&mut p, &digits[..decpt as usize]);
        p.push('.');
        push_digits(&mut p, &digits[decpt as usize..]);
    } else {
        push_digits(&mut p, &digits);
    }
    if digits_len < decpt {
        zeros(&mut p, decpt - digits_len);
        p.push('.');
        zeros(&mut p, vdigits_end - decpt);
    } else {
        zeros(&mut p, vdigits_end - digits_len);
    }
    if p.ends_with('.') && !flags.alt {
        p.pop();
    }
    if use_exp {
        p.push(if upper { 'E' } else { 'e' });
        p.push(if exp < 0 { '-' } else { '+' });
        let a = exp.abs();
        if a < 10 {
            p.push('0');
        }
        p.push_str(&a.to_string());
    }
    p
}

/// `repr(x)` / `str(x)` of a float: "0.1", "1e+16", "1.0", "inf", "nan".
pub fn float_repr(x: f64) -> String {
    double_to_string(
        x,
        'r',
        0,
        FloatFlags {
            add_dot_0: true,
            ..FloatFlags::default()
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(x: f64, code: char, prec: usize) -> String {
        double_to_string(x, code, prec, FloatFlags::default())
    }

    #[test]
    fn repr_matches_cpython() {
        // Expected values from python3 repr().
        let cases: &[(f64, &str)] = &[
            (0.1, "0.1"),
            (1.0, "1.0"),
            (-0.0, "-0.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.0 / 3.0, "0.3333333333333333"),
            (2.0f64.powi(60), "1.152921504606847e+18"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (123456789.125, "123456789.125"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (2e16 + 8.0, "2.000000000000001e+16"),
            (100.0, "100.0"),
            (1.5e-7, "1.5e-07"),
        ];
        for &(x, want) in cases {
            assert_eq!(float_repr(x), want, "repr({x})");
        }
    }

    #[test]
    fn fixed_exp_general_match_cpython() {
        // Expected values from python3 '%.Nf' / '%.Ne' / '%.Ng'.
        let cases: &[(f64, char, usize, &str)] = &[
            (2.675, 'f', 2, "2.67"),
            (0.125, 'f', 2, "0.12"),
            (0.375, 'f', 2, "0.38"),
            (2.5, 'f', 0, "2"),
            (3.5, 'f', 0, "4"),
            (0.1, 'f', 20, "0.10000000000000000555"),
            (1e20, 'f', 0, "100000000000000000000"),
            (-0.001, 'f', 2, "-0.00"),
            (0.001, 'f', 2, "0.00"),
            (1234.5678, 'e', 3, "1.235e+03"),
            (0.0, 'e', 2, "0.00e+00"),
            (1e-300, 'e', 1, "1.0e-300"),
            (123456789.0, 'g', 6, "1.23457e+08"),
            (0.0001, 'g', 6, "0.0001"),
            (0.00001234, 'g', 3, "1.23e-05"),
            (9.999, 'g', 3, "10"),
            (100000.0, 'g', 6, "100000"),
            (1000000.0, 'g', 6, "1e+06"),
            (0.0, 'g', 6, "0"),
            (1.5, 'G', 0, "2"),
            (1e20, 'G', 6, "1E+20"),
            (f64::INFINITY, 'F', 2, "INF"),
        ];
        for &(x, code, prec, want) in cases {
            assert_eq!(f(x, code, prec), want, "{x} {code} {prec}");
        }
    }

    #[test]
    fn flags() {
        let alt = FloatFlags {
            alt: true,
            ..FloatFlags::default()
        };
        assert_eq!(double_to_string(3.0, 'g', 6, alt), "3.00000");
        assert_eq!(double_to_string(3.0, 'f', 0, alt), "3.");
        assert_eq!(double_to_string(3.0, 'e', 0, alt), "3.e+00");
        let dot0 = FloatFlags {
            add_dot_0: true,
            ..FloatFlags::default()
        };
        assert_eq!(double_to_string(10.0, 'g', 2, dot0), "1e+01");
        assert_eq!(double_to_string(1.0, 'g', 2, dot0), "1.0");
        let nz = FloatFlags {
            no_neg_0: true,
            ..FloatFlags::default()
        };
        assert_eq!(double_to_string(-0.0001, 'f', 1, nz), "0.0");
        assert_eq!(double_to_string(-0.1, 'f', 1, nz), "-0.1");
        let plus = FloatFlags {
            always_add_sign: true,
            ..FloatFlags::default()
        };
        assert_eq!(double_to_string(1.5, 'f', 1, plus), "+1.5");
        assert_eq!(double_to_string(f64::NAN, 'f', 1, plus), "nan");
    }
}

#[cfg(test)]
mod table_tests {
    /// `value.hex()`, spec, python3's `format(value, spec)`, one case a line (generated by a
    /// python3 script from random and tricky floats).
    const CASES: &str = include_str!("float_cases.tsv");

    fn from_hex(s: &str) -> f64 {
        // Python's float.hex(): [-]0x1.hhhhp[+-]d or 0x0.0p+0
        let (neg, s) = match s.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, s),
        };
        let s = s.trim_start_matches("0x");
        let (mant, exp) = s.split_once('p').expect("p");
        let (int_part, frac) = mant.split_once('.').unwrap_or((mant, ""));
        let mut m = u64::from_str_radix(int_part, 16).expect("int") as f64;
        let mut scale = 1.0 / 16.0;
        for c in frac.chars() {
            m += c.to_digit(16).expect("hex") as f64 * scale;
            scale /= 16.0;
        }
        let e: i32 = exp.parse().expect("exp");
        let v = m * 2f64.powi(e.max(-1022)) * if e < -1022 { 2f64.powi(e + 1022) } else { 1.0 };
        if neg {
            -v
        } else {
            v
        }
    }

    #[test]
    fn float_table_matches_cpython() {
        let mut failures = Vec::new();
        let mut checked = 0;
        for line in CASES.lines() {
            let mut parts = line.split('\t');
            let (Some(hex), Some(spec), Some(want)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let x = from_hex(hex);
            checked += 1;
            let got =
                crate::protocol::format::format_float(x, spec).unwrap_or_else(|e| format!("{e:?}"));
            if got != want {
                failures.push(format!(
                    "format({x:?} [{hex}], {spec:?}) = {got:?}, python3: {want:?}"
                ));
            }
        }
        assert!(checked > 3000, "only {checked} cases parsed");
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures[..failures.len().min(20)].join("\n")
        );
    }
}
