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
const TOP: f64 = 68.0;
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

/// A rectangle of one state in a lane: columns `col..col + width`, rows `top..top + height` of
/// the lane's [`LANE_PX`] pixel rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Band {
    col: usize,
    width: usize,
    kind: SpanKind,
    top: u32,
    height: u32,
}

/// Pixel rows of a lane.
const LANE_PX: u32 = LANE as u32;

/// Each pixel column of a lane shows how its time divides among the states: a column filled
/// by one state is a full-height bar of its colour, a column where a thread alternated is
/// split in rows in proportion (running at the top, then waiting, then blocked). Equal
/// neighbouring columns merge into one rectangle, so spans shorter than a pixel merge.
fn lane_bands(spans: &[(f64, f64, SpanKind)], total: f64, columns: usize) -> Vec<Band> {
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
    let mut bands: Vec<Band> = Vec::new();
    // The open band of each state (index into `bands`).
    let mut open: [Option<usize>; 3] = [None; 3];
    for (col, t) in time.iter().enumerate() {
        let covered: f64 = t.iter().sum::<f64>().min(1.0);
        let sum: f64 = t.iter().sum();
        // Rows per state by largest remainder, over the rows the covered part fills.
        let rows = (covered * f64::from(LANE_PX)).round() as u32;
        let mut heights = [0u32; 3];
        if sum > 0.0 && rows > 0 {
            let exact: Vec<f64> = t.iter().map(|v| v / sum * f64::from(rows)).collect();
            for (h, e) in heights.iter_mut().zip(&exact) {
                *h = e.floor() as u32;
            }
            let mut left = rows - heights.iter().sum::<u32>();
            let mut order = [0usize, 1, 2];
            order.sort_by(|&a, &b| {
                (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor()))
            });
            for k in order {
                if left == 0 {
                    break;
                }
                heights[k] += 1;
                left -= 1;
            }
        }
        let mut top = LANE_PX - rows;
        for kind in SpanKind::ALL {
            let k = kind.index();
            let height = heights[k];
            let extends = open[k].filter(|&b| {
                let band = &bands[b];
                band.col + band.width == col && band.top == top && band.height == height
            });
            match (height, extends) {
                (0, _) => open[k] = None,
                (_, Some(b)) => bands[b].width += 1,
                _ => {
                    bands.push(Band {
                        col,
                        width: 1,
                        kind,
                        top,
                        height,
                    });
                    open[k] = Some(bands.len() - 1);
                }
            }
            top += height;
        }
    }
    bands
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

/// The processes of each run (by [`TraceProcess::run`]), in the order they come.
fn runs(processes: &[TraceProcess]) -> Vec<Vec<&TraceProcess>> {
    let mut out: Vec<Vec<&TraceProcess>> = Vec::new();
    for p in processes {
        match out.iter_mut().find(|g| g[0].run == p.run) {
            Some(g) => g.push(p),
            None => out.push(vec![p]),
        }
    }
    out
}

/// Height of a run's panel: its name, its lanes, its time axis and its sentence.
fn panel_height(run: &[&TraceProcess]) -> f64 {
    let lanes: usize = run.iter().map(|p| p.threads.len()).sum();
    PANEL_HEAD + run.len() as f64 * HEADER + lanes as f64 * (LANE + GAP) + AXIS
}

const PANEL_HEAD: f64 = 22.0;
const AXIS: f64 = 58.0;

/// The timeline of `processes` as an SVG document, titled `title`, with `note` (the run's
/// settings) under the title: one panel per run, each with its own time axis (from the run's
/// first process start to its end) and a sentence with the share of thread time in each
/// state.
pub fn timeline_svg(processes: &[TraceProcess], title: &str, note: &str) -> String {
    let runs = runs(processes);
    let height = TOP + runs.iter().map(|r| panel_height(r)).sum::<f64>() + 10.0;
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
        .add(text(8.0, 22.0, 16, title).set("font-weight", "bold"))
        .add(text(8.0, 40.0, 11, note).set("fill", "#424242"));

    // Legend.
    let mut x = LEFT;
    for kind in SpanKind::ALL {
        doc = doc
            .add(
                Rectangle::new()
                    .set("x", x)
                    .set("y", 46)
                    .set("width", 12)
                    .set("height", 12)
                    .set("fill", kind.colour()),
            )
            .add(text(x + 18.0, 57.0, 12, kind.label()));
        x += 30.0 + 8.0 * kind.label().len() as f64;
    }
    let mut y = TOP;
    for run in &runs {
        let (panel, next) = run_panel(run, y);
        doc = doc.add(panel);
        y = next;
    }
    doc.to_string()
}

/// One run's panel at height `y`; returns it and the height after it.
fn run_panel(run: &[&TraceProcess], mut y: f64) -> (Group, f64) {
    let start = run.iter().map(|p| p.offset).min().unwrap_or_default();
    let owned: Vec<TraceProcess> = run.iter().map(|p| (*p).clone()).collect();
    let total = (processes_end(&owned) - start).as_secs_f64().max(1e-3);
    let scale = COLUMNS as f64 / total;
    let mut panel = Group::new()
        .set("class", "run")
        .add(text(8.0, y + 15.0, 13, format!("run: {}", run[0].name)).set("font-weight", "bold"));
    y += PANEL_HEAD;
    let mut state_time = [0.0f64; 3];
    for process in run {
        // One group per interpreter process: its name, then a lane per thread.
        let mut group = Group::new()
            .set("class", "process")
            .set("data-pid", process.pid)
            .add(text(8.0, y + 14.0, 12, &process.name));
        y += HEADER;
        let offset = (process.offset - start).as_secs_f64();
        let end_of_run = processes_end(std::slice::from_ref(*process)) - process.offset;
        for thread in &process.threads {
            group = group.add(text(20.0, y + LANE - 4.0, 11, &thread.name));
            group = group.add(
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
            for &(a, b, kind) in &spans {
                state_time[kind.index()] += b - a;
            }
            let mut lane = Group::new();
            for band in lane_bands(&spans, total, COLUMNS) {
                let from = band.col as f64 / scale;
                let to = (band.col + band.width) as f64 / scale;
                let what = if band.height == LANE_PX {
                    band.kind.label().to_string()
                } else {
                    format!(
                        "{} about {:.0}% of the time",
                        band.kind.label(),
                        f64::from(band.height) / LANE * 100.0
                    )
                };
                lane = lane.add(
                    Rectangle::new()
                        .set("x", LEFT + band.col as f64)
                        .set("y", round(y + f64::from(band.top)))
                        .set("width", band.width)
                        .set("height", band.height)
                        .set("fill", band.kind.colour())
                        .add(Title::new(format!(
                            "{what}: {:.3}–{:.3} ms",
                            from * 1000.0,
                            to * 1000.0
                        ))),
                );
            }
            group = group.add(lane);
            y += LANE + GAP;
        }
        panel = panel.add(group);
    }

    // The run's own time axis.
    let axis_y = y + 2.0;
    panel = panel.add(
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
        panel = panel
            .add(
                Line::new()
                    .set("x1", round(tx))
                    .set("x2", round(tx))
                    .set("y1", round(axis_y))
                    .set("y2", round(axis_y + 5.0))
                    .set("stroke", "black"),
            )
            .add(
                text(tx, axis_y + 17.0, 11, format_time(tick, unit_ms))
                    .set("text-anchor", "middle"),
            );
        tick += step;
    }
    let all: f64 = state_time.iter().sum::<f64>().max(1e-12);
    let shares: Vec<String> = SpanKind::ALL
        .iter()
        .map(|k| format!("{} {:.0}%", k.label(), state_time[k.index()] / all * 100.0))
        .collect();
    panel = panel
        .add(text(8.0, axis_y + 17.0, 11, "time since the run started"))
        .add(
            text(
                LEFT,
                axis_y + 36.0,
                11,
                format!("Of all its threads' time: {}.", shares.join(", ")),
            )
            .set("fill", "#424242"),
        );
    (panel, axis_y + AXIS - 2.0)
}

/// Write the timeline to `path`.
pub fn write_timeline(
    path: &std::path::Path,
    processes: &[TraceProcess],
    title: &str,
    note: &str,
) -> Result<(), String> {
    std::fs::write(path, timeline_svg(processes, title, note))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata::{report, two_threads};
    use gilvm_vm::runtime::gil::{ThreadState, Transition};
    use std::time::Duration;

    fn sample() -> Vec<TraceProcess> {
        vec![TraceProcess {
            pid: 1,
            run: 1,
            name: "demo".into(),
            offset: Duration::ZERO,
            threads: two_threads(),
        }]
    }

    #[test]
    fn svg_is_well_formed_with_lanes_and_legend() {
        let svg = timeline_svg(&sample(), "a <demo> & more", "settings");
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
            "run: demo",
            "settings",
            "time since the run started",
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
            run: 1,
            name: "busy".into(),
            offset: Duration::ZERO,
            threads: vec![report(1, "t", &events)],
        };
        let svg = timeline_svg(&[process], "busy", "");
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let rects = doc.descendants().filter(|n| n.has_tag_name("rect")).count();
        assert!(rects < 2 * COLUMNS, "{rects} rects");
    }

    #[test]
    fn lanes_split_mixed_columns_in_proportion() {
        let spans = [
            (0.0, 0.75, SpanKind::Running),
            (0.75, 1.0, SpanKind::Waiting),
            (1.0, 4.0, SpanKind::Blocked),
        ];
        let bands = lane_bands(&spans, 4.0, 4);
        let band = |col, width, kind, top, height| Band {
            col,
            width,
            kind,
            top,
            height,
        };
        assert_eq!(
            bands,
            [
                band(0, 1, SpanKind::Running, 0, 12),
                band(0, 1, SpanKind::Waiting, 12, 4),
                band(1, 3, SpanKind::Blocked, 0, 16),
            ]
        );
        // A thread that starts half-way through a column fills the lower half of it.
        let bands = lane_bands(&[(0.5, 2.0, SpanKind::Running)], 2.0, 2);
        assert_eq!(
            bands,
            [
                band(0, 1, SpanKind::Running, 8, 8),
                band(1, 1, SpanKind::Running, 0, 16)
            ]
        );
    }

    #[test]
    fn ticks_are_nice() {
        assert_eq!(tick_step(0.04, 8.0), 0.005);
        assert_eq!(tick_step(3.0, 8.0), 0.5);
        assert_eq!(tick_step(100.0, 8.0), 20.0);
    }
}
