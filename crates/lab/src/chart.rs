//! The SVG charts of `compare --svg` (speedup bars) and `sweep --svg` (throughput against wake
//! latency), drawn with the `svg` crate: it builds and escapes a document tree and nothing
//! more, which is all a few bars and dots need (plotters would bring a layout engine and font
//! handling for no gain here).

use svg::node::element::{Circle, Group, Line, Rectangle, Title};
use svg::Document;

use crate::compare::Row;
use crate::sweep::SweepRow;
use crate::timeline::{round, text, tick_step};

const MODE_COLOURS: [(&str, &str); 4] = [
    ("sequential", "#9e9e9e"),
    ("threads", "#1e88e5"),
    ("processes", "#43a047"),
    ("coroutines", "#fb8c00"),
];

fn mode_colour(mode: &str) -> &'static str {
    MODE_COLOURS
        .iter()
        .find(|(m, _)| *m == mode)
        .map_or("#6d4c41", |(_, c)| c)
}

/// Bars of speedup against sequential: one group per (runtime, job), one bar per (mode,
/// workers), a dashed line at 1x.
pub fn compare_chart(rows: &[Row]) -> String {
    let mut groups: Vec<(String, Vec<&Row>)> = Vec::new();
    for r in rows.iter().filter(|r| r.speedup.is_some()) {
        let key = format!("{} {}", r.runtime, r.job);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(r),
            None => groups.push((key, vec![r])),
        }
    }
    let bar = 22.0;
    let (left, top, plot_h, gap) = (60.0, 60.0, 260.0, 30.0);
    let bars: usize = groups.iter().map(|(_, g)| g.len()).sum();
    let width = left + bars as f64 * bar + groups.len() as f64 * gap + 40.0;
    let width = width.max(520.0);
    let height = top + plot_h + 110.0;
    let max = rows
        .iter()
        .filter_map(|r| r.speedup)
        .fold(1.0f64, f64::max)
        .max(1.0)
        * 1.1;
    let y_of = |v: f64| top + plot_h - v / max * plot_h;
    let mut doc = Document::new()
        .set("width", round(width))
        .set("height", round(height))
        .set("viewBox", (0, 0, round(width), round(height)))
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
                "Speedup against sequential (higher is better)",
            )
            .set("font-weight", "bold"),
        );
    let mut lx = left;
    for (mode, colour) in MODE_COLOURS {
        doc = doc
            .add(
                Rectangle::new()
                    .set("x", lx)
                    .set("y", 32)
                    .set("width", 12)
                    .set("height", 12)
                    .set("fill", colour),
            )
            .add(text(lx + 16.0, 43.0, 12, mode));
        lx += 30.0 + 7.0 * mode.len() as f64;
    }
    // Axis and grid.
    let step = tick_step(max, 5.0);
    let mut v = 0.0;
    while v <= max + 1e-9 {
        doc = doc
            .add(
                Line::new()
                    .set("x1", left)
                    .set("x2", round(width - 20.0))
                    .set("y1", round(y_of(v)))
                    .set("y2", round(y_of(v)))
                    .set("stroke", "#e0e0e0"),
            )
            .add(text(left - 8.0, y_of(v) + 4.0, 11, format!("{v}x")).set("text-anchor", "end"));
        v += step;
    }
    doc = doc.add(
        Line::new()
            .set("x1", left)
            .set("x2", round(width - 20.0))
            .set("y1", round(y_of(1.0)))
            .set("y2", round(y_of(1.0)))
            .set("stroke", "black")
            .set("stroke-dasharray", "4 3"),
    );
    let mut x = left + gap / 2.0;
    for (name, list) in &groups {
        let start = x;
        let mut group = Group::new();
        for r in list {
            let s = r.speedup.unwrap_or(0.0);
            group = group
                .add(
                    Rectangle::new()
                        .set("x", round(x + 2.0))
                        .set("y", round(y_of(s)))
                        .set("width", bar - 4.0)
                        .set("height", round(top + plot_h - y_of(s)))
                        .set("fill", mode_colour(&r.mode))
                        .add(Title::new(format!(
                            "{} {} x{}: {s:.2}x",
                            name, r.mode, r.workers
                        ))),
                )
                .add(
                    text(
                        x + bar / 2.0,
                        top + plot_h + 14.0,
                        10,
                        r.workers.to_string(),
                    )
                    .set("text-anchor", "middle"),
                )
                .add(
                    text(x + bar / 2.0, y_of(s) - 3.0, 9, format!("{s:.1}"))
                        .set("text-anchor", "middle"),
                );
            x += bar;
        }
        doc = doc.add(group).add(
            text((start + x) / 2.0, top + plot_h + 32.0, 12, name.as_str())
                .set("text-anchor", "middle")
                .set("font-weight", "bold"),
        );
        x += gap;
    }
    doc = doc.add(text(
        left,
        top + plot_h + 60.0,
        11,
        "bar labels: workers; dashed line: sequential speed (1x)",
    ));
    doc.to_string()
}

const POLICY_COLOURS: [(&str, &str); 4] = [
    ("fifo", "#1e88e5"),
    ("naive", "#e53935"),
    ("io-priority", "#43a047"),
    ("cpython", "#6d4c41"),
];

/// Sweep: CPU throughput (x) against I/O wake latency (y, median dot and a line up to p99),
/// one colour per policy, each dot labelled with its interval and instruction count.
pub fn sweep_chart(rows: &[SweepRow]) -> String {
    let ok: Vec<&SweepRow> = rows.iter().filter(|r| r.error.is_none()).collect();
    let (left, top, plot_w, plot_h) = (70.0, 60.0, 640.0, 380.0);
    let (width, height) = (left + plot_w + 40.0, top + plot_h + 70.0);
    let max_x = ok
        .iter()
        .filter_map(|r| r.throughput_mops)
        .fold(0.0f64, f64::max)
        .max(1e-3)
        * 1.1;
    let max_y = ok
        .iter()
        .filter_map(|r| r.latency_p99_ms.or(r.latency_max_ms))
        .fold(0.0f64, f64::max)
        .max(0.1)
        * 1.1;
    let px = |v: f64| left + v / max_x * plot_w;
    let py = |v: f64| top + plot_h - v / max_y * plot_h;
    let mut doc = Document::new()
        .set("width", round(width))
        .set("height", round(height))
        .set("viewBox", (0, 0, round(width), round(height)))
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
                "CPU throughput against I/O wake latency (right and low is better)",
            )
            .set("font-weight", "bold"),
        );
    let mut lx = left;
    for (policy, colour) in POLICY_COLOURS {
        doc = doc
            .add(
                Circle::new()
                    .set("cx", lx + 6.0)
                    .set("cy", 38)
                    .set("r", 5)
                    .set("fill", colour),
            )
            .add(text(lx + 16.0, 43.0, 12, policy));
        lx += 30.0 + 7.0 * policy.len() as f64;
    }
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
    let step_y = tick_step(max_y, 6.0);
    let mut v = 0.0;
    while v <= max_y + 1e-12 {
        doc = doc
            .add(
                Line::new()
                    .set("x1", left)
                    .set("x2", left + plot_w)
                    .set("y1", round(py(v)))
                    .set("y2", round(py(v)))
                    .set("stroke", "#eeeeee"),
            )
            .add(
                text(left - 6.0, py(v) + 4.0, 11, format!("{}", round(v)))
                    .set("text-anchor", "end"),
            );
        v += step_y;
    }
    doc = doc
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
                16.0,
                top + plot_h / 2.0,
                12,
                "wake latency ms (dot median, bar to p99)",
            )
            .set("text-anchor", "middle")
            .set(
                "transform",
                format!("rotate(-90 16 {})", round(top + plot_h / 2.0)),
            ),
        );
    for r in ok {
        let (Some(t), Some(med), Some(p99)) = (
            r.throughput_mops,
            r.latency_median_ms,
            r.latency_p99_ms.or(r.latency_max_ms),
        ) else {
            continue;
        };
        let colour = POLICY_COLOURS
            .iter()
            .find(|(p, _)| *p == r.policy)
            .map_or("#6d4c41", |(_, c)| c);
        let label = r.label();
        doc = doc.add(
            Group::new()
                .add(Title::new(format!(
                    "{label}: {t:.2} Mops/s, wake median {med:.2} ms, p99 {p99:.2} ms"
                )))
                .add(
                    Line::new()
                        .set("x1", round(px(t)))
                        .set("x2", round(px(t)))
                        .set("y1", round(py(med)))
                        .set("y2", round(py(p99)))
                        .set("stroke", colour),
                )
                .add(
                    Circle::new()
                        .set("cx", round(px(t)))
                        .set("cy", round(py(med)))
                        .set("r", 4)
                        .set("fill", colour),
                )
                .add(text(px(t) + 6.0, py(med) + 3.0, 9, label)),
        );
    }
    doc.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(svg: &str) -> Vec<String> {
        let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
        assert_eq!(doc.root_element().tag_name().name(), "svg");
        doc.descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .map(|t| t.trim().to_string())
            .collect()
    }

    #[test]
    fn compare_chart_is_well_formed() {
        let mut rows = Vec::new();
        for (mode, workers, wall) in [
            ("sequential", 1, 1.0),
            ("threads", 2, 1.0),
            ("processes", 2, 0.5),
        ] {
            let job = crate::workloads::Job::builtin("cpu").unwrap();
            let mode = crate::workloads::Mode::parse(mode).unwrap();
            rows.push(Row {
                work_s: Some(wall),
                cpu_s: Some(1.0),
                speedup: Some(1.0 / wall),
                efficiency: Some(1.0 / wall / f64::from(workers)),
                works_s: vec![wall],
                ..Row::empty("gilvm", &job, mode, workers)
            });
        }
        let texts = parse(&compare_chart(&rows));
        assert!(texts.iter().any(|t| t == "gilvm cpu"), "{texts:?}");
        assert!(texts.iter().any(|t| t == "2.0"), "{texts:?}");
        assert!(parse(&compare_chart(&[]))
            .iter()
            .any(|t| t.contains("Speedup")));
    }

    #[test]
    fn sweep_chart_is_well_formed() {
        let rows = vec![
            SweepRow::sample("fifo", 5.0, 100, 20.0, 0.5, 1.0),
            SweepRow::sample("naive", 1.0, 0, 25.0, 6.0, 12.0),
        ];
        let texts = parse(&sweep_chart(&rows));
        assert!(texts.iter().any(|t| t == "fifo 5ms/100"), "{texts:?}");
        assert!(texts.iter().any(|t| t == "io-priority"));
        parse(&sweep_chart(&[]));
    }
}
