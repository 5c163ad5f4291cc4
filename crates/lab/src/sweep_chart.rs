//! The SVG chart of `sweep --svg`: CPU throughput (x, linear) against the sleeper's wake
//! latency (y, logarithmic: the figures span from tens of µs to tens of ms), one colour per
//! policy and one marker shape per instruction setting, the baseline (the sleeper alone) as a
//! dashed line, and every point labelled in a column right of the plot with a leader line, so
//! labels never collide however the points crowd.

use svg::node::element::{Circle, Group, Line, Polygon, Rectangle, Title};
use svg::Document;

use crate::chart::paragraph;
use crate::sweep::{SweepReport, SweepRow, ALONE, P99_SAMPLES};
use crate::timeline::{round, text, tick_step};

const POLICY_COLOURS: [(&str, &str); 4] = [
    ("fifo", "#1e88e5"),
    ("naive", "#e53935"),
    ("io-priority", "#43a047"),
    ("cpython", "#6d4c41"),
];

/// The marker of an instruction setting: 0 (interval only) a circle, 100 (the default) a
/// square, any other count a triangle, none (CPython) a diamond.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
}

pub fn marker(instructions: Option<u32>) -> Marker {
    match instructions {
        None => Marker::Diamond,
        Some(0) => Marker::Circle,
        Some(100) => Marker::Square,
        Some(_) => Marker::Triangle,
    }
}

fn shape(m: Marker, x: f64, y: f64, colour: &str) -> Group {
    let r = 5.0;
    let g = Group::new();
    let pts = |p: &[(f64, f64)]| {
        p.iter()
            .map(|(a, b)| format!("{},{}", round(x + a), round(y + b)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    match m {
        Marker::Circle => g.add(
            Circle::new()
                .set("cx", round(x))
                .set("cy", round(y))
                .set("r", r)
                .set("fill", colour),
        ),
        Marker::Square => g.add(
            Rectangle::new()
                .set("x", round(x - r))
                .set("y", round(y - r))
                .set("width", 2.0 * r)
                .set("height", 2.0 * r)
                .set("fill", colour),
        ),
        Marker::Triangle => g.add(
            Polygon::new()
                .set(
                    "points",
                    pts(&[(0.0, -r - 1.0), (r + 1.0, r), (-r - 1.0, r)]),
                )
                .set("fill", colour),
        ),
        Marker::Diamond => g.add(
            Polygon::new()
                .set(
                    "points",
                    pts(&[
                        (0.0, -r - 1.0),
                        (r + 1.0, 0.0),
                        (0.0, r + 1.0),
                        (-r - 1.0, 0.0),
                    ]),
                )
                .set("fill", colour),
        ),
    }
}

fn colour(policy: &str) -> &'static str {
    POLICY_COLOURS
        .iter()
        .find(|(p, _)| *p == policy)
        .map_or("#6d4c41", |(_, c)| c)
}

/// The log-axis ticks between `lo` and `hi`: 1, 2 and 5 times the powers of ten.
pub fn log_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let mut out = Vec::new();
    let mut decade = 10f64.powf(lo.log10().floor());
    while decade <= hi {
        for m in [1.0, 2.0, 5.0] {
            let v = m * decade;
            if v >= lo * 0.999 && v <= hi * 1.001 {
                out.push(v);
            }
        }
        decade *= 10.0;
    }
    out
}

/// Label positions: each wants `want` (the y of its point), in order of `want`; no two are
/// closer than `gap`, and all stay within `lo..hi` when they fit.
pub fn spread_labels(want: &[f64], gap: f64, lo: f64, hi: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..want.len()).collect();
    order.sort_by(|&a, &b| want[a].total_cmp(&want[b]));
    let mut placed = vec![0.0; want.len()];
    let mut prev = f64::NEG_INFINITY;
    for &i in &order {
        let y = want[i].max(lo).max(prev + gap);
        placed[i] = y;
        prev = y;
    }
    // Pushed past the bottom: pull the tail back up, keeping the gaps.
    if prev > hi {
        let mut next = hi + gap;
        for &i in order.iter().rev() {
            placed[i] = placed[i].min(next - gap);
            next = placed[i];
        }
    }
    placed
}

/// The sweep chart of `report`: title, settings, legend, axes with units, points, labels and
/// the knee sentences under it.
pub fn sweep_chart(report: &SweepReport) -> String {
    let ok: Vec<&SweepRow> = report
        .rows
        .iter()
        .filter(|r| {
            r.error.is_none() && r.throughput_mops.is_some() && r.latency_median_ms.is_some()
        })
        .collect();
    let alone = report
        .rows
        .iter()
        .find(|r| r.policy == ALONE && r.error.is_none())
        .and_then(|r| r.latency_median_ms);
    let enough = report
        .rows
        .iter()
        .filter(|r| r.error.is_none())
        .all(|r| r.samples >= P99_SAMPLES);
    let tail_name = if enough { "p99" } else { "max" };
    let tail = |r: &SweepRow| {
        if enough {
            r.latency_p99_ms
        } else {
            r.latency_max_ms
        }
    };
    let (left, top, plot_w, plot_h, label_w) = (76.0, 100.0, 600.0, 400.0, 170.0);
    let width = left + plot_w + 20.0 + label_w;
    let max_x = ok
        .iter()
        .filter_map(|r| r.throughput_mops)
        .fold(0.0f64, f64::max)
        .max(1e-3)
        * 1.1;
    let lats: Vec<f64> = ok
        .iter()
        .flat_map(|r| [r.latency_median_ms, tail(r)])
        .flatten()
        .chain(alone)
        .filter(|v| *v > 0.0)
        .collect();
    let lo = lats.iter().copied().fold(f64::INFINITY, f64::min);
    let lo = if lo.is_finite() { lo / 1.5 } else { 0.01 };
    let hi = (lats.iter().copied().fold(0.0f64, f64::max) * 1.5).max(lo * 10.0);
    let px = |v: f64| left + v / max_x * plot_w;
    let py = |v: f64| {
        let v = v.max(lo);
        top + plot_h - (v.ln() - lo.ln()) / (hi.ln() - lo.ln()) * plot_h
    };
    let mut doc = Document::new()
        .add(
            Rectangle::new()
                .set("width", "100%")
                .set("height", "100%")
                .set("fill", "white"),
        )
        .add(
            text(
                left,
                22.0,
                16,
                "gilvm sweep: CPU throughput against I/O wake latency (right and low is better)",
            )
            .set("font-weight", "bold"),
        )
        .add(
            text(
                left,
                40.0,
                11,
                format!(
                    "one thread computing, one sleeping 5 ms at a time: {} wake-ups per run, {} round(s), pooled; marker: median, bar up to the {tail_name}",
                    report.sleeps, report.repeat
                ),
            )
            .set("fill", "#424242"),
        );
    // Legend: colours per policy, shapes per instruction setting.
    let mut lx = left;
    for (policy, c) in POLICY_COLOURS {
        doc = doc
            .add(
                Rectangle::new()
                    .set("x", lx)
                    .set("y", 52)
                    .set("width", 12)
                    .set("height", 12)
                    .set("fill", c),
            )
            .add(text(lx + 16.0, 63.0, 12, policy));
        lx += 30.0 + 7.0 * policy.len() as f64;
    }
    let mut lx = left;
    for (m, name) in [
        (Marker::Circle, "0 instructions (interval only)"),
        (Marker::Square, "100 instructions"),
        (Marker::Triangle, "other instruction counts"),
        (Marker::Diamond, "CPython (interval only)"),
    ] {
        doc = doc
            .add(shape(m, lx + 6.0, 80.0, "#616161"))
            .add(text(lx + 16.0, 84.0, 12, name));
        lx += 30.0 + 6.5 * name.len() as f64;
    }
    // Axes.
    let step_x = tick_step(max_x, 6.0);
    let mut v = 0.0;
    while v <= max_x + 1e-12 {
        doc = doc
            .add(
                Line::new()
                    .set("x1", round(px(v)))
                    .set("x2", round(px(v)))
                    .set("y1", top)
                    .set("y2", top + plot_h)
                    .set("stroke", "#eeeeee"),
            )
            .add(
                text(px(v), top + plot_h + 16.0, 11, format!("{}", round(v)))
                    .set("text-anchor", "middle"),
            );
        v += step_x;
    }
    for v in log_ticks(lo, hi) {
        doc = doc
            .add(
                Line::new()
                    .set("x1", left)
                    .set("x2", left + plot_w)
                    .set("y1", round(py(v)))
                    .set("y2", round(py(v)))
                    .set("stroke", "#eeeeee"),
            )
            .add(text(left - 6.0, py(v) + 4.0, 11, format!("{v}")).set("text-anchor", "end"));
    }
    doc = doc
        .add(
            Rectangle::new()
                .set("x", left)
                .set("y", top)
                .set("width", plot_w)
                .set("height", plot_h)
                .set("fill", "none")
                .set("stroke", "#9e9e9e"),
        )
        .add(
            text(
                left + plot_w / 2.0,
                top + plot_h + 36.0,
                12,
                "CPU thread throughput (million loop iterations per second)",
            )
            .set("text-anchor", "middle"),
        )
        .add(
            text(
                18.0,
                top + plot_h / 2.0,
                12,
                "how late the sleeper wakes (ms, log scale)",
            )
            .set("text-anchor", "middle")
            .set(
                "transform",
                format!("rotate(-90 18 {})", round(top + plot_h / 2.0)),
            ),
        );
    if let Some(a) = alone {
        doc = doc
            .add(
                Line::new()
                    .set("x1", left)
                    .set("x2", left + plot_w)
                    .set("y1", round(py(a)))
                    .set("y2", round(py(a)))
                    .set("stroke", "#616161")
                    .set("stroke-dasharray", "5 4"),
            )
            .add(
                text(
                    left + 4.0,
                    py(a) - 4.0,
                    10,
                    format!("sleeper alone: {a:.3} ms (the OS's own wake-up)"),
                )
                .set("fill", "#424242"),
            );
    }
    let want: Vec<f64> = ok
        .iter()
        .map(|r| py(r.latency_median_ms.unwrap_or(lo)))
        .collect();
    let at = spread_labels(&want, 12.0, top + 4.0, top + plot_h + 40.0);
    let lab_x = left + plot_w + 14.0;
    for (k, r) in ok.iter().enumerate() {
        let (t, med) = (
            r.throughput_mops.unwrap_or(0.0),
            r.latency_median_ms.unwrap_or(lo),
        );
        let c = colour(&r.policy);
        let label = r.label();
        let mut g = Group::new().set("class", "point").add(Title::new(format!(
            "{label}: {t:.2} Mop/s (spread {}), wake median {med:.3} ms, {tail_name} {}",
            r.throughput_spread
                .map_or("-".to_string(), |s| format!("{:.0}%", s * 100.0)),
            tail(r).map_or("-".to_string(), |v| format!("{v:.3} ms"))
        )));
        if let Some(p) = tail(r) {
            g = g.add(
                Line::new()
                    .set("x1", round(px(t)))
                    .set("x2", round(px(t)))
                    .set("y1", round(py(med)))
                    .set("y2", round(py(p)))
                    .set("stroke", c),
            );
        }
        g = g
            .add(shape(marker(r.switch_instructions), px(t), py(med), c))
            .add(
                Line::new()
                    .set("x1", round(px(t) + 6.0))
                    .set("x2", round(lab_x - 2.0))
                    .set("y1", round(py(med)))
                    .set("y2", round(at[k] - 3.0))
                    .set("stroke", c)
                    .set("stroke-opacity", 0.35),
            )
            .add(text(lab_x, at[k], 10, label).set("fill", c));
        doc = doc.add(g);
    }
    let bottom = at.iter().copied().fold(top + plot_h, f64::max);
    let mut y = bottom + 60.0;
    for sentence in &report.summary {
        let (lines, next) = paragraph(left, y, width - left - 20.0, 11, sentence);
        for l in lines {
            doc = doc.add(l);
        }
        y = next + 4.0;
    }
    let height = y + 10.0;
    doc.set("width", round(width))
        .set("height", round(height))
        .set("viewBox", (0, 0, round(width), round(height)))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_never_collide() {
        let want = [100.0, 101.0, 102.0, 300.0, 103.0, 499.0, 500.0];
        let at = spread_labels(&want, 12.0, 90.0, 500.0);
        let mut sorted = at.clone();
        sorted.sort_by(f64::total_cmp);
        assert!(
            sorted.windows(2).all(|w| w[1] - w[0] >= 12.0 - 1e-9),
            "{at:?}"
        );
        assert!(sorted[sorted.len() - 1] <= 500.0 + 1e-9, "{at:?}");
        // The order of the points is kept.
        assert!(at[0] < at[1] && at[1] < at[2] && at[2] < at[4], "{at:?}");
    }

    #[test]
    fn log_ticks_are_nice() {
        assert_eq!(
            log_ticks(0.03, 12.0),
            [0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0]
        );
    }

    #[test]
    fn markers_by_instruction_setting() {
        assert_eq!(marker(Some(0)), Marker::Circle);
        assert_eq!(marker(Some(100)), Marker::Square);
        assert_eq!(marker(Some(7)), Marker::Triangle);
        assert_eq!(marker(None), Marker::Diamond);
    }
}
