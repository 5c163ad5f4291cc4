//! `multiprocessing.Queue`: the items live in the process that created the queue (as wire
//! values, so broker threads can move them without the GIL); workers reach it through their
//! link (puts to an unbounded queue are fire-and-forget and keep their order; gets, sizes and
//! bounded puts are requests answered by the parent's broker).

use std::collections::VecDeque;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use super::process::{lock, state};
use super::wire::{self, Reply, ToParent, Wire};
use super::{deadline_after, handle_arg, remaining, timeout_arg, wait_interruptibly};
use gilvm_vm::interp::vm::Vm;
use gilvm_vm::object::args::Kwargs;
use gilvm_vm::object::error::PyResult;
use gilvm_vm::object::value::{NativeObject, Value};

#[derive(Debug)]
pub struct QueueCore {
    pub id: u64,
    pub maxsize: i64,
    items: Mutex<VecDeque<Wire>>,
    not_empty: Condvar,
    not_full: Condvar,
    /// Items put and not yet marked done (`JoinableQueue.task_done`); kept for every queue.
    unfinished: Mutex<i64>,
    all_done: Condvar,
}

impl QueueCore {
    pub fn len(&self) -> usize {
        lock(&self.items).len()
    }

    pub fn try_get(&self) -> Option<Wire> {
        let v = lock(&self.items).pop_front();
        if v.is_some() {
            self.not_full.notify_one();
        }
        v
    }

    /// Append ignoring the bound (fire-and-forget puts from workers to unbounded queues).
    pub fn put_nowait_unbounded(&self, v: Wire) {
        let mut items = lock(&self.items);
        // Counted before the item can be taken, so its task_done never comes first.
        *lock(&self.unfinished) += 1;
        items.push_back(v);
        drop(items);
        self.not_empty.notify_one();
    }

    /// Put, waiting for room if bounded; false if full (after the timeout) or `cancel` says so.
    pub fn put(
        &self,
        v: Wire,
        block: bool,
        timeout: Option<f64>,
        cancel: &dyn Fn() -> bool,
    ) -> bool {
        let deadline = timeout.map(|t| Instant::now() + Duration::from_secs_f64(t.max(0.0)));
        let mut items = lock(&self.items);
        while self.maxsize > 0 && items.len() as i64 >= self.maxsize {
            if !block || cancel() {
                return false;
            }
            let now = Instant::now();
            let wait = match deadline {
                Some(d) if now >= d => return false,
                Some(d) => (d - now).min(Duration::from_millis(50)),
                None => Duration::from_millis(50),
            };
            items = self
                .not_full
                .wait_timeout(items, wait)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        *lock(&self.unfinished) += 1;
        items.push_back(v);
        drop(items);
        self.not_empty.notify_one();
        true
    }

    /// `task_done()`: false when there is no unfinished item left.
    pub fn task_done(&self) -> bool {
        let mut n = lock(&self.unfinished);
        if *n <= 0 {
            return false;
        }
        *n -= 1;
        if *n == 0 {
            self.all_done.notify_all();
        }
        true
    }

    /// Wait until every item put has been marked done; false if `cancel` says so first.
    pub fn join(&self, cancel: &dyn Fn() -> bool) -> bool {
        let mut n = lock(&self.unfinished);
        while *n > 0 {
            if cancel() {
                return false;
            }
            n = self
                .all_done
                .wait_timeout(n, Duration::from_millis(50))
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        true
    }

    /// Get, waiting if asked; `None` if empty (after the timeout) or `cancel` says so.
    pub fn get(
        &self,
        block: bool,
        timeout: Option<f64>,
        cancel: &dyn Fn() -> bool,
    ) -> Option<Wire> {
        let deadline = timeout.map(|t| Instant::now() + Duration::from_secs_f64(t.max(0.0)));
        let mut items = lock(&self.items);
        loop {
            if let Some(v) = items.pop_front() {
                drop(items);
                self.not_full.notify_one();
                return Some(v);
            }
            if !block || cancel() {
                return None;
            }
            let now = Instant::now();
            let wait = match deadline {
                Some(d) if now >= d => return None,
                Some(d) => (d - now).min(Duration::from_millis(50)),
                None => Duration::from_millis(50),
            };
            items = self
                .not_empty
                .wait_timeout(items, wait)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }
}

impl QueueCore {
    /// Wake the waits on this queue (a Ctrl-C: they look at their `Stop`).
    pub fn wake(&self) {
        let _items = lock(&self.items);
        self.not_empty.notify_all();
        self.not_full.notify_all();
        drop(_items);
        let _n = lock(&self.unfinished);
        self.all_done.notify_all();
    }
}

/// Seconds left until `deadline` (`None`: no limit).
fn secs_left(deadline: Option<Instant>) -> Option<f64> {
    remaining(deadline).map(|d| d.as_secs_f64())
}

/// The Python-visible handle of a queue.
#[derive(Debug)]
pub enum QueueHandle {
    Local(Arc<QueueCore>),
    /// A queue of the parent process, reached through this worker's link.
    Remote {
        id: u64,
        maxsize: i64,
    },
}

impl NativeObject for QueueHandle {
    fn type_name(&self) -> &'static str {
        "_gilvm_mp.QueueHandle"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

pub fn new_local(maxsize: i64) -> Arc<QueueCore> {
    let st = state();
    let id = st.next_id.fetch_add(1, Ordering::Relaxed);
    let q = Arc::new(QueueCore {
        id,
        maxsize,
        items: Mutex::new(VecDeque::new()),
        not_empty: Condvar::new(),
        not_full: Condvar::new(),
        unfinished: Mutex::new(0),
        all_done: Condvar::new(),
    });
    let mut queues = lock(&st.queues);
    // Forget the queues that are gone, so the map does not grow with every queue created.
    queues.retain(|_, w| w.strong_count() > 0);
    queues.insert(id, Arc::downgrade(&q));
    q
}

fn link(vm: &Vm) -> PyResult<Arc<super::link::ParentLink>> {
    match state().worker.get() {
        Some(w) => Ok(w.link.clone()),
        None => Err(vm.runtime_error("queue of another process used outside a worker")),
    }
}

/// Send a request to the parent and wait for its reply (GIL released). On the main thread a
/// Ctrl-C ends the wait with KeyboardInterrupt (a late reply is then dropped).
fn request(
    vm: &mut Vm,
    link: &Arc<super::link::ParentLink>,
    build: impl FnOnce(u64) -> ToParent,
) -> PyResult<Reply> {
    let seq = link.seq();
    if link.send(&build(seq)).is_err() {
        return Ok(Reply::Error("the parent process is gone".into()));
    }
    let waker = link.clone();
    let reply = wait_interruptibly(
        vm,
        None,
        move || waker.wake_replies(),
        |_, stop| link.wait_reply(seq, stop),
    )?;
    Ok(reply.unwrap_or_else(|| Reply::Error("no reply".into())))
}

fn reply_error(vm: &Vm, msg: String) -> gilvm_vm::PyErr {
    vm.runtime_error(format!("queue operation failed: {msg}"))
}

/// `queue_new(maxsize)`
pub fn queue_new(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let maxsize = match a.first() {
        Some(Value::Int(n)) => *n,
        _ => 0,
    };
    let _ = vm;
    Ok(Value::Native(Arc::new(Box::new(QueueHandle::Local(
        new_local(maxsize),
    )))))
}

/// `queue_put(h, obj, block, timeout)` -> True, or False when full.
pub fn queue_put(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let h = handle_arg::<QueueHandle>(vm, a, 0, "queue")?;
    let obj = a.get(1).cloned().unwrap_or_default();
    let block = a.get(2).map(|v| vm.truthy(v)).transpose()?.unwrap_or(true);
    let timeout = timeout_arg(vm, a.get(3))?;
    let w = wire::from_value(vm, &obj)?;
    match h {
        QueueHandle::Local(q) => {
            let q = q.clone();
            if q.maxsize <= 0 {
                q.put_nowait_unbounded(w);
                return Ok(Value::Bool(true));
            }
            if !block {
                return Ok(Value::Bool(q.put(w, false, None, &|| false)));
            }
            let waker = q.clone();
            let mut item = Some(w);
            let ok = wait_interruptibly(
                vm,
                deadline_after(timeout),
                move || waker.wake(),
                |deadline, stop| {
                    // Put gives the item back only by succeeding: try with a clone.
                    let w = item.clone()?;
                    q.put(w, true, secs_left(deadline), &|| stop.requested())
                        .then(|| item.take())
                },
            )?;
            Ok(Value::Bool(ok.is_some()))
        }
        QueueHandle::Remote { id, maxsize } => {
            let (id, maxsize) = (*id, *maxsize);
            let link = link(vm)?;
            if maxsize <= 0 {
                link.send(&ToParent::QueuePut {
                    qid: id,
                    value: w,
                    seq: None,
                    block,
                    timeout,
                })
                .map_err(|e| reply_error(vm, e.to_string()))?;
                return Ok(Value::Bool(true));
            }
            let reply = request(vm, &link, |seq| ToParent::QueuePut {
                qid: id,
                value: w,
                seq: Some(seq),
                block,
                timeout,
            })?;
            match reply {
                Reply::Done => Ok(Value::Bool(true)),
                Reply::Full => Ok(Value::Bool(false)),
                Reply::Error(e) => Err(reply_error(vm, e)),
                _ => Err(reply_error(vm, "unexpected reply".into())),
            }
        }
    }
}

/// `queue_get(h, block, timeout)` -> (True, obj) or (False, None) when empty.
pub fn queue_get(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let h = handle_arg::<QueueHandle>(vm, a, 0, "queue")?;
    let block = a.get(1).map(|v| vm.truthy(v)).transpose()?.unwrap_or(true);
    let timeout = timeout_arg(vm, a.get(2))?;
    let got = match h {
        QueueHandle::Local(q) => {
            if let Some(v) = q.try_get() {
                Some(v)
            } else if !block {
                None
            } else {
                let q = q.clone();
                let waker = q.clone();
                wait_interruptibly(
                    vm,
                    deadline_after(timeout),
                    move || waker.wake(),
                    |deadline, stop| q.get(true, secs_left(deadline), &|| stop.requested()),
                )?
            }
        }
        QueueHandle::Remote { id, .. } => {
            let id = *id;
            let link = link(vm)?;
            let reply = request(vm, &link, |seq| ToParent::QueueGet {
                seq,
                qid: id,
                block,
                timeout,
            })?;
            match reply {
                Reply::Value(v) => Some(v),
                Reply::Empty => None,
                Reply::Error(e) => return Err(reply_error(vm, e)),
                _ => return Err(reply_error(vm, "unexpected reply".into())),
            }
        }
    };
    Ok(match got {
        Some(w) => {
            let v = wire::to_value(vm, w)?;
            Value::tuple(vec![Value::Bool(true), v])
        }
        None => Value::tuple(vec![Value::Bool(false), Value::None]),
    })
}

/// `queue_qsize(h)`
pub fn queue_qsize(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let h = handle_arg::<QueueHandle>(vm, a, 0, "queue")?;
    match h {
        QueueHandle::Local(q) => Ok(Value::Int(q.len() as i64)),
        QueueHandle::Remote { id, .. } => {
            let id = *id;
            let link = link(vm)?;
            match request(vm, &link, |seq| ToParent::QueueSize { seq, qid: id })? {
                Reply::Size(n) => Ok(Value::Int(n)),
                Reply::Error(e) => Err(reply_error(vm, e)),
                _ => Err(reply_error(vm, "unexpected reply".into())),
            }
        }
    }
}

/// The message of `task_done()` called more often than items were put (CPython's).
pub const TOO_MANY: &str = "task_done() called too many times";

/// `queue_task_done(h)`
pub fn queue_task_done(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let h = handle_arg::<QueueHandle>(vm, a, 0, "queue")?;
    let ok = match h {
        QueueHandle::Local(q) => q.task_done(),
        QueueHandle::Remote { id, .. } => {
            let id = *id;
            let link = link(vm)?;
            match request(vm, &link, |seq| ToParent::QueueTaskDone { seq, qid: id })? {
                Reply::Done => true,
                Reply::Error(e) if e == TOO_MANY => false,
                Reply::Error(e) => return Err(reply_error(vm, e)),
                _ => return Err(reply_error(vm, "unexpected reply".into())),
            }
        }
    };
    if ok {
        Ok(Value::None)
    } else {
        Err(vm.value_error(TOO_MANY))
    }
}

/// `queue_join(h)`: wait until every item put has been marked done.
pub fn queue_join(vm: &mut Vm, a: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let h = handle_arg::<QueueHandle>(vm, a, 0, "queue")?;
    match h {
        QueueHandle::Local(q) => {
            let q = q.clone();
            let waker = q.clone();
            wait_interruptibly(
                vm,
                None,
                move || waker.wake(),
                |_, stop| q.join(&|| stop.requested()).then_some(()),
            )?;
            Ok(Value::None)
        }
        QueueHandle::Remote { id, .. } => {
            let id = *id;
            let link = link(vm)?;
            match request(vm, &link, |seq| ToParent::QueueJoin { seq, qid: id })? {
                Reply::Done => Ok(Value::None),
                Reply::Error(e) => Err(reply_error(vm, e)),
                _ => Err(reply_error(vm, "unexpected reply".into())),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_queues_leave_the_registry() {
        // Found by scripts/soak.py: the id -> Weak map kept an entry (and the queue's
        // allocation) for every queue ever created.
        for _ in 0..200 {
            drop(new_local(0));
        }
        let q = new_local(0);
        let n = lock(&state().queues).len();
        assert!(n < 100, "{n} queues registered after 200 were dropped");
        assert!(lock(&state().queues).contains_key(&q.id));
    }
}
