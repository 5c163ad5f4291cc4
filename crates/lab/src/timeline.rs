//! The SVG timeline (`--timeline FILE`): one lane per thread, grouped by process, coloured by
//! state (running, waiting for the GIL, blocked), with a time axis and a legend. The lane is
//! cut into pixel columns and each column takes the colour of the state that filled most of
//! it, so spans shorter than a pixel merge and a run of seconds with thousands of switches
//! stays readable (and the file small).

use svg::node::element::{Group, Line, Rectangle, Text, Title};
use svg::Document;

use crate::spans::{thread_spans, SpanKind};
use crate::trace::{processes_end, TraceProcess};

const WIDTH: f64 = 1200.0;
const LEFT: f64 = 240.0;
const RIGHT: f64 = 20.0;
const COLUMNS: usize = (WIDTH - LEFT - RIGHT) as usize;
const LANE: f64 = 16.0;
const GAP: f64 = 4.0;
const HEADER: f64 = 20.0;
const TOP: f64 = 64.0;
const FONT: &str = "DejaVu Sans, Helvetica, Arial, sans-serif";

pub(crate) fn text(x: f64, y: f64, size: u32, content: impl Into<String>) -> Text {
    Text::new(content)
        .set("x", round(x))
        .set("y", round(y))
        .set("font-size", size)
        .set("font-family", FONT)
}

pub(crate) fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// A "nice" tick step (1, 2 or 5 times a power of ten) giving about `target` ticks over `span`.
pub(crate) fn tick_step(span: f64, target: f64) -> f64 {
    if span <= 0.0 || !span.is_finite() {
        return 1.0;
    }
    let raw = span / target;
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&step| step >= raw)
        .unwrap_or(10.0 * magnitude)
}

/// The dominant state of each pixel column, run-length encoded: (first column, columns, state).
fn lane_runs(
    spans: &[(f64, f64, SpanKind)],
    total: f64,
    columns: usize,
) -> Vec<(usize, usize, SpanKind)> {
    let mut time = vec![[0.0f64; 3]; columns];
    let scale = columns as f64 / total;
    for &(start, end, kind) in spans {
        let (a, b) = (start * scale, (end * scale).min(columns as f64));
        let mut col = a.floor().max(0.0) as usize;
        while (col as f64) < b && col < columns {
            let overlap = b.min(col as f64 + 1.0) - a.max(col as f64);
            if overlap > 0.0 {
                time[col][kind.index()] += overlap;
            }
            col += 1;
        }
    }
    let mut runs: Vec<(usize, usize, SpanKind)> = Vec::new();
    for (col, t) in time.iter().enumerate() {
        if t.iter().sum::<f64>() <= 0.0 {
            continue;
        }
        let total: f64 = t.iter().sum();
        let dominant = SpanKind::ALL
            .into_iter()
            .max_by(|x, y| t[x.index()].total_cmp(&t[y.index()]))
            .unwrap_or(SpanKind::Running);
        // Hysteresis: a column that is still largely in the previous column's state keeps it,
        // so fast alternation draws as one band instead of flickering between two colours.
        let kind = match runs.last() {
            Some(&(start, width, previous))
                if start + width == col && t[previous.index()] >= 0.4 * total =>
            {
                previous
            }
            _ => dominant,
        };
        match runs.last_mut() {
            Some(last) if last.0 + last.1 == col && last.2 == kind => last.1 += 1,
            _ => runs.push((col, 1, kind)),
        }
    }
    runs
}

fn format_time(seconds: f64, unit_ms: bool) -> String {
    if unit_ms {
        let ms = seconds * 1000.0;
        if ms.fract().abs() < 1e-9 {
            format!("{ms:.0} ms")
        } else {
            format!("{ms} ms")
        }
    } else {
        format!("{} s", (seconds * 1000.0).round() / 1000.0)
    }
}

/// The timeline of `processes` as an SVG document, titled `title`.
pub fn timeline_svg(processes: &[TraceProcess], title: &str) -> String {
    let total = processes_end(processes).as_secs_f64().max(1e-3);
    let lanes: usize = processes.iter().map(|p| p.threads.len()).sum();
    let plot_bottom = TOP + processes.len() as f64 * HEADER + lanes as f64 * (LANE + GAP);
    let height = plot_bottom + 50.0;
    let mut doc = Document::new()
        .set("width", WIDTH)
        .set("height", round(height))
        .set("viewBox", (0, 0, WIDTH, round(height)))
        .add(
            Rectangle::new()
                .set("width", "100%")
                .set("height", "100%")
                .set("fill", "white"),
        )
        .add(text(LEFT, 24.0, 16, title).set("font-weight", "bold"));

    // Legend.
    let mut x = LEFT;
    for kind in SpanKind::ALL {
        doc = doc
            .add(
                Rectangle::new()
                    .set("x", x)
                    .set("y", 34)
                    .set("width", 14)
                    .set("height", 14)
                    .set("fill", kind.colour()),
            )
            .add(text(x + 20.0, 46.0, 12, kind.label()));
        x += 30.0 + 8.0 * kind.label().len() as f64;
    }

    let scale = COLUMNS as f64 / total;
    let mut y = TOP;
    for process in processes {
        doc = doc.add(text(8.0, y + 14.0, 12, &process.name).set("font-weight", "bold"));
        y += HEADER;
        let offset = process.offset.as_secs_f64();
        let end_of_run = processes_end(std::slice::from_ref(process)) - process.offset;
        for thread in &process.threads {
            doc = doc.add(text(20.0, y + LANE - 4.0, 11, &thread.name));
            doc = doc.add(
                Rectangle::new()
                    .set("x", LEFT)
                    .set("y", round(y))
                    .set("width", COLUMNS)
                    .set("height", LANE)
                    .set("fill", "#f5f5f5"),
            );
            let spans: Vec<(f64, f64, SpanKind)> = thread_spans(&thread.events, end_of_run)
                .iter()
                .map(|s| {
                    (
                        offset + s.start.as_secs_f64(),
                        offset + s.end.as_secs_f64(),
                        s.kind,
                    )
                })
                .collect();
            let mut lane = Group::new();
            for (col, width, kind) in lane_runs(&spans, total, COLUMNS) {
                let from = col as f64 / scale;
                let to = (col + width) as f64 / scale;
                lane = lane.add(
                    Rectangle::new()
                        .set("x", LEFT + col as f64)
                        .set("y", round(y))
                        .set("width", width)
                        .set("height", LANE)
                        .set("fill", kind.colour())
                        .add(Title::new(format!(
                            "{}: {:.3}–{:.3} ms",
                            kind.label(),
                            from * 1000.0,
                            to * 1000.0
                        ))),
                );
            }
            doc = doc.add(lane);
            y += LANE + GAP;
        }
    }

    // Time axis.
    let axis_y = plot_bottom + 4.0;
    doc = doc.add(
        Line::new()
            .set("x1", LEFT)
            .set("x2", LEFT + COLUMNS as f64)
            .set("y1", round(axis_y))
            .set("y2", round(axis_y))
            .set("stroke", "black"),
    );
    let step = tick_step(total, 8.0);
    let unit_ms = total < 2.0;
    let mut tick = 0.0;
    while tick <= total + step * 1e-9 {
        let tx = LEFT + tick * scale;
        doc = doc
            .add(
                Line::new()
                    .set("x1", round(tx))
                    .set("x2", round(tx))
                    .set("y1", round(axis_y))
                    .set("y2", round(axis_y + 5.0))
                    .set("stroke", "black"),
            )
            .add(
                text(tx, axis_y + 18.0, 11, format_time(tick, unit_ms))
                    .set("text-anchor", "middle"),
            );
        tick += step;
    }
    doc = doc.add(
        text(
            LEFT + COLUMNS as f64 / 2.0,
            axis_y + 36.0,
            12,
            "time since start",
        )
        .set("text-anchor", "middle"),
    );
    doc.to_string()
}

/// Write the timeline to `path`.
pub fn write_timeline(
    path: &std::path::Path,
    processes: &[TraceProcess],
    title: &str,
) -> Result<(), String> {
    std::fs::write(path, timeline_svg(processes, title))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata::{report, two_threads};
    use gilvm_vm::gil::{ThreadState, Transition};
    use std::time::Duration;

    fn sample() -> Vec<TraceProcess> {
        vec![TraceProcess {
            pid: 1,
            name: "demo".into(),
            offset: Duration::ZERO,
            threads: two_threads(),
        }]
    }

    #[test]
    fn svg_is_well_formed_with_lanes_and_legend() {
        let svg = timeline_svg(&sample(), "a <demo> & more");
        let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        let texts: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .map(str::trim)
            .collect();
        for label in [
            "running",
            "waiting for GIL",
            "blocked",
            "MainThread",
            "Thread-1 (worker)",
            "demo",
            "a <demo> & more",
        ] {
            assert!(texts.contains(&label), "missing {label}: {texts:?}");
        }
        assert!(
            texts.contains(&"0 ms") && texts.contains(&"40 ms"),
            "{texts:?}"
        );
        let fills: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("rect"))
            .filter_map(|n| n.attribute("fill"))
            .collect();
        for kind in SpanKind::ALL {
            assert!(
                fills.iter().filter(|&&f| f == kind.colour()).count() >= 2,
                "{kind:?}"
            );
        }
    }

    #[test]
    fn short_spans_merge_into_pixels() {
        // 10 000 alternations of 10 µs each over 0.2 s: far more than one per pixel.
        let mut events = vec![
            (0, ThreadState::New, Transition::Created),
            (0, ThreadState::Ready, Transition::Start),
        ];
        for i in 0..10_000u64 {
            events.push((i * 20, ThreadState::Running, Transition::Acquired));
            events.push((
                i * 20 + 10,
                ThreadState::Ready,
                Transition::SwitchInstructions,
            ));
        }
        events.push((200_000, ThreadState::Terminated, Transition::Exit));
        let process = TraceProcess {
            pid: 1,
            name: "busy".into(),
            offset: Duration::ZERO,
            threads: vec![report(1, "t", &events)],
        };
        let svg = timeline_svg(&[process], "busy");
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let rects = doc.descendants().filter(|n| n.has_tag_name("rect")).count();
        assert!(rects < 20, "{rects} rects");
    }

    #[test]
    fn lane_runs_pick_the_dominant_state() {
        let spans = [
            (0.0, 0.6, SpanKind::Running),
            (0.6, 1.0, SpanKind::Waiting),
            (1.0, 4.0, SpanKind::Blocked),
        ];
        let runs = lane_runs(&spans, 4.0, 4);
        assert_eq!(runs, [(0, 1, SpanKind::Running), (1, 3, SpanKind::Blocked)]);
    }

    #[test]
    fn ticks_are_nice() {
        assert_eq!(tick_step(0.04, 8.0), 0.005);
        assert_eq!(tick_step(3.0, 8.0), 0.5);
        assert_eq!(tick_step(100.0, 8.0), 20.0);
    }
}
