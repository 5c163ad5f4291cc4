//! The SVG chart of `compare --svg`: speedup bars with the repeats' range as error bars and
//! the ideal speedup as a line over each bar, drawn with the `svg` crate: it builds and
//! escapes a document tree and nothing more, which is all a few bars need (plotters would
//! bring a layout engine and font handling for no gain here). The sweep's chart is in
//! `sweep_chart.rs`.

use svg::node::element::{Group, Line, Rectangle, Text, Title};
use svg::Document;

use crate::compare::{CompareReport, Row};
use crate::report::{settings, wrap};
use crate::timeline::{round, text, tick_step};
use crate::workloads::JobKind;

const MODE_COLOURS: [(&str, &str); 6] = [
    ("sequential", "#9e9e9e"),
    ("threads", "#1e88e5"),
    ("processes", "#43a047"),
    ("coroutines", "#fb8c00"),
    ("thread-pool", "#90caf9"),
    ("process-pool", "#a5d6a7"),
];

fn mode_colour(mode: &str) -> &'static str {
    MODE_COLOURS
        .iter()
        .find(|(m, _)| *m == mode)
        .map_or("#6d4c41", |(_, c)| c)
}

/// The speedup a row could reach at best: 1 for sequential; for a job that only computes,
/// min(workers, cores) (processes; threads under one GIL stay at 1, which the bars show);
/// for a job that waits, the workers (waits overlap without needing a core each).
pub fn ideal(r: &Row, cores: usize) -> f64 {
    let w = f64::from(r.workers);
    match (r.mode.as_str(), r.kind) {
        ("sequential", _) => 1.0,
        (_, JobKind::Io | JobKind::Mixed) => w,
        _ => w.min(cores as f64),
    }
}

/// The range of a row's speedup over its repeats: the sequential median over each repeat's
/// work time (the row's own spread; the baseline's is in its own bar).
pub fn speedup_range(r: &Row) -> Option<(f64, f64)> {
    let (s, work) = (r.speedup?, r.work_s?);
    let base = s * work;
    let min = r.works_s.iter().copied().fold(f64::INFINITY, f64::min);
    let max = r.works_s.iter().copied().fold(0.0f64, f64::max);
    (r.works_s.len() >= 2 && min > 0.0).then(|| (base / max, base / min))
}

/// Lines of `size`-pixel text starting at `y`, wrapped to `width` pixels.
pub(crate) fn paragraph(x: f64, y: f64, width: f64, size: u32, body: &str) -> (Vec<Text>, f64) {
    let chars = (width / (f64::from(size) * 0.55)).max(20.0) as usize;
    let mut out = Vec::new();
    let mut y = y;
    for line in wrap(body, chars).lines() {
        out.push(text(x, y, size, line).set("fill", "#212121"));
        y += f64::from(size) + 4.0;
    }
    (out, y)
}

/// Bars of speedup against sequential: one group per (runtime, job), one bar per (mode,
/// workers), each with its repeats' range and its ideal; a dashed line at 1x; the settings
/// under the title and the report's sentences under the chart.
pub fn compare_chart(report: &CompareReport) -> String {
    let rows = &report.rows;
    let mut groups: Vec<(String, Vec<&Row>)> = Vec::new();
    for r in rows.iter().filter(|r| r.speedup.is_some()) {
        let key = format!("{} {}", r.runtime, r.job);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(r),
            None => groups.push((key, vec![r])),
        }
    }
    let bar = 22.0;
    let (left, top, plot_h, gap) = (70.0, 96.0, 300.0, 30.0);
    let bars: usize = groups.iter().map(|(_, g)| g.len()).sum();
    let width = (left + bars as f64 * bar + groups.len() as f64 * gap + 30.0).max(760.0);
    let max = rows
        .iter()
        .flat_map(|r| {
            [
                r.speedup,
                speedup_range(r).map(|x| x.1),
                r.speedup.map(|_| ideal(r, report.cores)),
            ]
        })
        .flatten()
        .fold(1.0f64, f64::max)
        * 1.08;
    let y_of = |v: f64| top + plot_h - v.min(max) / max * plot_h;
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
                "gilvm compare: speedup over sequential, per runtime and job (higher is better)",
            )
            .set("font-weight", "bold"),
        );
    let (lines, _) = paragraph(left, 40.0, width - left - 20.0, 11, &settings(report));
    for l in lines {
        doc = doc.add(l);
    }
    // Legend: the modes, the ideal line, the error bar.
    let mut lx = left;
    for (mode, colour) in MODE_COLOURS {
        doc = doc
            .add(
                Rectangle::new()
                    .set("x", lx)
                    .set("y", 62)
                    .set("width", 12)
                    .set("height", 12)
                    .set("fill", colour),
            )
            .add(text(lx + 16.0, 73.0, 12, mode));
        lx += 30.0 + 7.0 * mode.len() as f64;
    }
    let legend_end = lx + 24.0 + 6.6 * 57.0 + 14.0 + 6.6 * 22.0 + 20.0;
    let width = width.max(legend_end);
    doc = doc
        .add(
            Line::new()
                .set("x1", lx)
                .set("x2", lx + 16.0)
                .set("y1", 68)
                .set("y2", 68)
                .set("stroke", "black")
                .set("stroke-width", 2),
        )
        .add(text(
            lx + 20.0,
            73.0,
            12,
            "ideal (cpu: min(workers, cores); jobs that wait: workers)",
        ));
    lx += 24.0 + 6.6 * 57.0;
    doc = doc
        .add(
            Line::new()
                .set("x1", lx + 6.0)
                .set("x2", lx + 6.0)
                .set("y1", 62)
                .set("y2", 74)
                .set("stroke", "#212121"),
        )
        .add(text(lx + 14.0, 73.0, 12, "range over the repeats"));
    // Axis, grid and the 1x line.
    let step = tick_step(max, 6.0);
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
    doc = doc
        .add(
            Line::new()
                .set("x1", left)
                .set("x2", round(width - 20.0))
                .set("y1", round(y_of(1.0)))
                .set("y2", round(y_of(1.0)))
                .set("stroke", "black")
                .set("stroke-dasharray", "4 3"),
        )
        .add(
            text(
                18.0,
                top + plot_h / 2.0,
                12,
                "speedup over sequential (x; dashed: 1x)",
            )
            .set("text-anchor", "middle")
            .set(
                "transform",
                format!("rotate(-90 18 {})", round(top + plot_h / 2.0)),
            ),
        );
    let mut x = left + gap / 2.0;
    for (name, list) in &groups {
        let start = x;
        let mut group = Group::new().set("class", "group");
        for r in list {
            let s = r.speedup.unwrap_or(0.0);
            let mid = x + bar / 2.0;
            let mut tip = format!("{} {} x{}: {s:.2}x", name, r.mode, r.workers);
            if let Some(spread) = r.spread {
                tip.push_str(&format!(", spread {:.0}%", spread * 100.0));
            }
            group = group.add(
                Rectangle::new()
                    .set("x", round(x + 2.0))
                    .set("y", round(y_of(s)))
                    .set("width", bar - 4.0)
                    .set("height", round(top + plot_h - y_of(s)))
                    .set("fill", mode_colour(&r.mode))
                    .add(Title::new(tip)),
            );
            if let Some((lo, hi)) = speedup_range(r) {
                group = group.add(
                    Line::new()
                        .set("class", "error")
                        .set("x1", round(mid))
                        .set("x2", round(mid))
                        .set("y1", round(y_of(lo)))
                        .set("y2", round(y_of(hi)))
                        .set("stroke", "#212121"),
                );
            }
            let best = ideal(r, report.cores);
            group = group
                .add(
                    Line::new()
                        .set("class", "ideal")
                        .set("x1", round(x + 1.0))
                        .set("x2", round(x + bar - 1.0))
                        .set("y1", round(y_of(best)))
                        .set("y2", round(y_of(best)))
                        .set("stroke", "black")
                        .set("stroke-width", 2),
                )
                .add(
                    text(mid, top + plot_h + 14.0, 10, r.workers.to_string())
                        .set("text-anchor", "middle"),
                )
                .add(
                    text(mid, y_of(s.max(best)) - 4.0, 9, format!("{s:.1}"))
                        .set("text-anchor", "middle"),
                );
            x += bar;
        }
        doc = doc.add(group).add(
            text((start + x) / 2.0, top + plot_h + 32.0, 11, name.as_str())
                .set("text-anchor", "middle")
                .set("font-weight", "bold"),
        );
        x += gap;
    }
    doc = doc.add(
        text(
            left,
            top + plot_h + 52.0,
            11,
            "under each bar: workers; bars grouped by runtime and job; the figure over a bar is its speedup",
        )
        .set("fill", "#424242"),
    );
    let mut y = top + plot_h + 76.0;
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
    use crate::sweep::SweepRow;

    fn parse(svg: &str) -> Vec<String> {
        let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
        assert_eq!(doc.root_element().tag_name().name(), "svg");
        doc.descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .map(|t| t.trim().to_string())
            .collect()
    }

    fn report(rows: Vec<Row>) -> CompareReport {
        CompareReport {
            schema: String::new(),
            gilvm_version: String::new(),
            cores: 2,
            size: 8,
            repeat: 3,
            min_time_s: None,
            sizes: vec![],
            switch_instructions: None,
            switch_interval_ms: None,
            gil_policy: None,
            startup_s: vec![],
            rows,
            summary: vec!["The cpu job proves a point.".into()],
        }
    }

    #[test]
    fn compare_chart_has_error_bars_ideals_and_words() {
        let mut rows = Vec::new();
        for (mode, workers, wall) in [
            ("sequential", 1, 1.0),
            ("threads", 2, 1.0),
            ("processes", 4, 0.5),
        ] {
            let job = crate::workloads::Job::builtin("cpu").unwrap();
            let mode = crate::workloads::Mode::parse(mode).unwrap();
            rows.push(Row {
                work_s: Some(wall),
                cpu_s: Some(1.0),
                works_s: vec![wall, wall * 1.25, wall * 0.8],
                ..Row::empty("gilvm", &job, mode, workers)
            });
        }
        crate::compare::fill_speedups(&mut rows);
        assert_eq!(ideal(&rows[2], 2), 2.0, "min(workers, cores) for cpu");
        let (lo, hi) = speedup_range(&rows[2]).unwrap();
        assert!(
            (lo - 1.6).abs() < 1e-9 && (hi - 2.5).abs() < 1e-9,
            "{lo} {hi}"
        );
        let svg = compare_chart(&report(rows));
        let texts = parse(&svg);
        for want in ["gilvm cpu", "2.0", "The cpu job proves a point."] {
            assert!(texts.iter().any(|t| t == want), "{want}: {texts:?}");
        }
        assert!(
            texts.iter().any(|t| t.starts_with("2 cores; items")),
            "{texts:?}"
        );
        assert!(
            texts
                .iter()
                .any(|t| t.contains("speedup over sequential (x")),
            "{texts:?}"
        );
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let class = |c: &str| {
            doc.descendants()
                .filter(|n| n.attribute("class") == Some(c))
                .count()
        };
        assert_eq!(class("ideal"), 3);
        assert_eq!(class("error"), 3);
        assert!(parse(&compare_chart(&report(vec![])))
            .iter()
            .any(|t| t.contains("speedup")));
    }

    #[test]
    fn sweep_chart_is_well_formed() {
        let rows = vec![
            SweepRow::sample("fifo", 5.0, 100, 20.0, 0.5, 1.0),
            SweepRow::sample("naive", 1.0, 0, 25.0, 6.0, 12.0),
        ];
        let report = crate::sweep::SweepReport {
            schema: String::new(),
            gilvm_version: String::new(),
            sleeps: 40,
            repeat: 3,
            rows,
            summary: vec!["The knee.".into()],
        };
        let texts = parse(&crate::sweep_chart::sweep_chart(&report));
        for want in [
            "fifo 5ms/100",
            "io-priority",
            "The knee.",
            "100 instructions",
        ] {
            assert!(texts.iter().any(|t| t == want), "{want}: {texts:?}");
        }
        assert!(texts.iter().any(|t| t.contains("log scale")));
    }
}
