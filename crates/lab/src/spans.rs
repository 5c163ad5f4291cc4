//! From a thread's transitions to the spans the trace and the timeline draw: each span is a
//! stretch of time in one state (running, waiting for the GIL, blocked), from the transition
//! that entered it to the next one. A thread's spans are contiguous and never overlap.

use std::time::Duration;

use gilvm_vm::runtime::gil::{GilEvent, ThreadState, Transition};

/// The states worth drawing (New and Terminated are not spans).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpanKind {
    Running,
    Waiting,
    Blocked,
}

impl SpanKind {
    pub const ALL: [SpanKind; 3] = [SpanKind::Running, SpanKind::Waiting, SpanKind::Blocked];

    /// The label shown in traces and legends.
    pub fn label(self) -> &'static str {
        match self {
            SpanKind::Running => "running",
            SpanKind::Waiting => "waiting for GIL",
            SpanKind::Blocked => "blocked",
        }
    }

    /// The colour of the state in the timeline and the chart legend.
    pub fn colour(self) -> &'static str {
        match self {
            SpanKind::Running => "#2e7d32",
            SpanKind::Waiting => "#e53935",
            SpanKind::Blocked => "#90a4ae",
        }
    }

    pub fn index(self) -> usize {
        match self {
            SpanKind::Running => 0,
            SpanKind::Waiting => 1,
            SpanKind::Blocked => 2,
        }
    }

    fn of(state: ThreadState) -> Option<SpanKind> {
        match state {
            ThreadState::Running => Some(SpanKind::Running),
            ThreadState::Ready => Some(SpanKind::Waiting),
            ThreadState::Blocked => Some(SpanKind::Blocked),
            ThreadState::New | ThreadState::Terminated => None,
        }
    }
}

/// A stretch of time one thread spent in one state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub kind: SpanKind,
    pub start: Duration,
    pub end: Duration,
    /// The transition that entered the state.
    pub entered_by: Transition,
    /// The transition that left it (None when the thread was still in it at the end).
    pub left_by: Option<Transition>,
    /// For a running span: the instructions run in it.
    pub instructions: u64,
}

impl Span {
    pub fn duration(&self) -> Duration {
        self.end - self.start
    }
}

/// The spans of one thread from its events (oldest first). A thread with no closing
/// transition is taken to stay in its last state until `end_of_run`. Empty spans are dropped.
pub fn thread_spans(events: &[GilEvent], end_of_run: Duration) -> Vec<Span> {
    let mut spans = Vec::new();
    for (i, event) in events.iter().enumerate() {
        let Some(kind) = SpanKind::of(event.state) else {
            continue;
        };
        let next = events.get(i + 1);
        let end = next.map_or(end_of_run, |n| n.at).max(event.at);
        if end == event.at {
            continue;
        }
        spans.push(Span {
            kind,
            start: event.at,
            end,
            entered_by: event.reason,
            left_by: next.map(|n| n.reason),
            instructions: match (kind, next) {
                (SpanKind::Running, Some(n)) => n.instructions,
                _ => 0,
            },
        });
    }
    spans
}

/// The last timestamp among the events (the end of the run as far as they tell).
pub fn last_event(events: &[GilEvent]) -> Duration {
    events.iter().map(|e| e.at).max().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata::two_threads;

    #[test]
    fn spans_are_contiguous_and_follow_states() {
        let reports = two_threads();
        let main = thread_spans(&reports[0].events, Duration::from_millis(50));
        let kinds: Vec<SpanKind> = main.iter().map(|s| s.kind).collect();
        use SpanKind::*;
        assert_eq!(
            kinds,
            [Running, Waiting, Running, Blocked, Waiting, Running],
            "{main:?}"
        );
        for pair in main.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
        assert_eq!(main[0].start, Duration::ZERO);
        assert_eq!(main.last().unwrap().end, Duration::from_millis(40));
        assert_eq!(main[0].left_by, Some(Transition::SwitchInstructions));
        assert_eq!(main[0].instructions, 100);
        assert_eq!(main[3].entered_by, Transition::Block);
        // Time per state agrees with the counters.
        let running: Duration = main
            .iter()
            .filter(|s| s.kind == Running)
            .map(Span::duration)
            .sum();
        assert_eq!(running, reports[0].stats.running);
    }

    #[test]
    fn an_unfinished_thread_runs_to_the_end() {
        let mut events = two_threads()[1].events.clone();
        events.pop();
        let spans = thread_spans(&events, Duration::from_millis(50));
        let last = spans.last().unwrap();
        assert_eq!(
            (last.kind, last.end, last.left_by),
            (SpanKind::Running, Duration::from_millis(50), None)
        );
    }
}
