//! The only code that touches Python: input conversion, GIL release, thread pools,
//! Ctrl-C, and mapping of errors and panics to Python exceptions.

mod entities;
mod input;
mod normalize;
mod similarity;

use crate::cancel::Cancel;
use pyo3::prelude::*;
use rayon::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};

/// Register every binding on the native module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(after_fork_in_child, m)?)?;
    m.add_function(wrap_pyfunction!(default_threads, m)?)?;
    m.add_function(wrap_pyfunction!(set_progress, m)?)?;
    m.add_function(wrap_pyfunction!(option_rules, m)?)?;
    m.add_function(wrap_pyfunction!(defaults, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    normalize::register(m)?;
    similarity::register(m)?;
    entities::register(m)?;
    Ok(())
}

/// Called by `os.register_at_fork(after_in_child=...)`: worker threads do not survive a fork.
#[pyfunction]
fn after_fork_in_child() {
    crate::parallel::after_fork_in_child();
}

/// The rules of every option, as the core writes them (`crate::options`), for the Python
/// layer to check options with: `{"choices": {name: [values]}, "whole": {name: (low,
/// high)}, "unit": [names], "share": [names]}`.
#[pyfunction]
fn option_rules(py: Python<'_>) -> PyResult<Bound<'_, pyo3::types::PyDict>> {
    use crate::options;
    let choices = pyo3::types::PyDict::new(py);
    for (name, values) in options::choices() {
        choices.set_item(name, pyo3::types::PyTuple::new(py, values)?)?;
    }
    let whole = pyo3::types::PyDict::new(py);
    for &(name, low, high) in options::WHOLE {
        whole.set_item(name, (low, high))?;
    }
    let out = pyo3::types::PyDict::new(py);
    out.set_item("choices", choices)?;
    out.set_item("whole", whole)?;
    out.set_item("unit", pyo3::types::PyTuple::new(py, options::UNIT)?)?;
    out.set_item("share", pyo3::types::PyTuple::new(py, options::SHARE)?)?;
    Ok(out)
}

/// The defaults of the options several calls share, as the core writes them
/// (`crate::options::defaults`): `{name: value}`. The Python layer's signatures read them,
/// so each default is written once.
#[pyfunction]
fn defaults(py: Python<'_>) -> PyResult<Bound<'_, pyo3::types::PyDict>> {
    use crate::options::Value;
    let out = pyo3::types::PyDict::new(py);
    for (name, value) in crate::options::defaults() {
        match value {
            Value::Bool(b) => out.set_item(name, b)?,
            Value::Int(i) => out.set_item(name, i)?,
            Value::Float(f) => out.set_item(name, f)?,
            Value::Str(s) => out.set_item(name, s)?,
        }
    }
    Ok(out)
}

/// Threads a call uses when `n_threads` is not given.
#[pyfunction]
fn default_threads() -> usize {
    crate::parallel::default_threads()
}

thread_local! {
    /// What the calling Python thread wants told of progress: called with the number of
    /// texts done after each batch (see `newscorpus._progress`).
    static PROGRESS: std::cell::RefCell<Option<Py<PyAny>>> = const { std::cell::RefCell::new(None) };
}

/// Set (or, with None, clear) this thread's progress callback: `callback(n)` is called, with
/// the GIL held, after each batch of `n` texts of a long call.
#[pyfunction]
#[pyo3(signature = (callback=None))]
fn set_progress(callback: Option<Py<PyAny>>) {
    PROGRESS.with(|p| *p.borrow_mut() = callback);
}

/// Tell this thread's progress callback, if any, that `n` more texts are done.
fn report_progress(py: Python<'_>, n: usize) -> PyResult<()> {
    let callback = PROGRESS.with(|p| p.borrow().as_ref().map(|c| c.clone_ref(py)));
    if let Some(c) = callback {
        c.call1(py, (n,))?;
    }
    Ok(())
}

/// Run `f` with this thread's progress callback set aside: for passes whose batches are
/// not texts (chunks of texts, pairs), so a bar counts texts once.
pub fn without_progress<R>(f: impl FnOnce() -> R) -> R {
    let saved = PROGRESS.with(|p| p.borrow_mut().take());
    let out = f();
    PROGRESS.with(|p| *p.borrow_mut() = saved);
    out
}

/// Hands the memory the allocator holds free back to the system, after a call that read
/// at least `RELEASE_AFTER_BYTES` of text (`bytes`). glibc keeps what a long call's
/// threads freed in their own arenas (extraction of 100,000 articles left about 480 MB of
/// freed memory held, which the resolution that followed then added to), so long calls
/// call this between their phases and at their end; a short call leaves little, and is
/// spared the walk through the heap. Elsewhere than glibc a no-op.
pub fn release_freed(bytes: usize) {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if bytes >= RELEASE_AFTER_BYTES {
        // SAFETY: malloc_trim only returns free pages of the heap to the system; it
        // touches no memory in use.
        unsafe {
            libc::malloc_trim(0);
        }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    let _ = bytes;
}

/// See [`release_freed`]: 16 MB of text, about 6,000 articles.
const RELEASE_AFTER_BYTES: usize = 16 << 20;

/// Raise one of the exception classes defined in `newscorpus.exceptions`.
pub fn error(py: Python<'_>, class: &str, message: String) -> PyErr {
    let made = py
        .import("newscorpus.exceptions")
        .and_then(|m| m.getattr(class))
        .and_then(|cls| cls.call1((message.clone(),)));
    match made {
        Ok(exc) => PyErr::from_value(exc),
        Err(_) => pyo3::exceptions::PyRuntimeError::new_err(message),
    }
}

/// The Python exception for a core error: the one place where the core's error kinds meet
/// the classes of `newscorpus.exceptions`.
pub fn raise(py: Python<'_>, e: crate::Error) -> PyErr {
    let class = match &e {
        crate::Error::Option(_) => "OptionError",
        crate::Error::IndexFile(_) => "IndexFileError",
        crate::Error::Internal(_) => "NewsCorpusError",
    };
    error(py, class, e.to_string())
}

/// A core result as a Python one, through [`raise`].
pub trait OrRaise<T> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> OrRaise<T> for crate::error::Result<T> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| raise(py, e))
    }
}

/// Put `values` into `dict` as a numpy column named `name`.
pub fn set_column<T: numpy::Element>(
    dict: &Bound<'_, pyo3::types::PyDict>,
    name: &str,
    values: impl IntoIterator<Item = T>,
) -> PyResult<()> {
    dict.set_item(name, numpy::PyArray1::from_iter(dict.py(), values))
}

/// Check `n_threads`: `None` or a count in its range (`options::WHOLE`).
pub fn check_threads(py: Python<'_>, n_threads: Option<i64>) -> PyResult<Option<usize>> {
    n_threads
        .map(|n| crate::options::whole("n_threads", n).map(|n| n as usize))
        .transpose()
        .or_raise(py)
}

/// Run `f` over `items` in parallel with the GIL released, in batches, handing each
/// batch's results to `consume` (which holds the GIL) while the next batch is computed.
///
/// Between batches the GIL is taken back, so Ctrl-C in a notebook raises
/// `KeyboardInterrupt` within one batch; a panic anywhere becomes a `NewsCorpusError`
/// instead of killing the interpreter.
pub fn run_batches<T: Sync, R: Send>(
    py: Python<'_>,
    items: &[T],
    n_threads: Option<usize>,
    weight: impl Fn(&T) -> usize,
    f: impl Fn(&T) -> R + Sync + Send,
    consume: impl FnMut(Vec<R>) -> PyResult<()>,
) -> PyResult<()> {
    let mut start = 0;
    let next = || {
        if start >= items.len() {
            return Ok(None);
        }
        let mut end = start;
        let mut w = 0;
        while end < items.len() && (end == start || (w < BATCH_WEIGHT && end - start < BATCH_ITEMS))
        {
            w += weight(&items[end]);
            end += 1;
        }
        let batch = &items[start..end];
        start = end;
        Ok(Some(batch))
    };
    let f = &f;
    drive(
        py,
        n_threads,
        next,
        |batch: &[T], stop: &AtomicBool| unless_stopped(batch.par_iter(), f, stop),
        consume,
    )
}

/// [`run_batches`] keeping every result: `f` of each item, in order.
pub fn collect_batches<T: Sync, R: Send + 'static>(
    py: Python<'_>,
    items: &[T],
    n_threads: Option<usize>,
    weight: impl Fn(&T) -> usize,
    f: impl Fn(&T) -> R + Sync + Send,
) -> PyResult<Vec<R>> {
    let mut out = Vec::with_capacity(items.len());
    let done = run_batches(py, items, n_threads, weight, f, |batch| {
        out.extend(batch);
        Ok(())
    });
    match done {
        Ok(()) => Ok(out),
        Err(e) => {
            crate::parallel::drop_apart(out);
            Err(e)
        }
    }
}

/// [`run_batches`] over a Python list of texts, converted a batch at a time (while the
/// batch before is computed), so the UTF-8 copies of non-ASCII texts exist only for one
/// batch at once, not for the whole corpus. A bad element raises when its batch is reached.
pub fn run_list_batches<R: Send>(
    py: Python<'_>,
    list: &Bound<'_, pyo3::types::PyList>,
    n_threads: Option<usize>,
    f: impl Fn(&input::Doc) -> R + Sync + Send,
    consume: impl FnMut(Vec<R>) -> PyResult<()>,
) -> PyResult<()> {
    let mut start = 0;
    let next = || {
        let mut batch = Vec::new();
        let mut w = 0;
        while start < list.len()
            && (batch.is_empty() || (w < BATCH_WEIGHT && batch.len() < BATCH_ITEMS))
        {
            let doc = input::doc_from_item(py, start, &list.get_item(start)?, false)?;
            w += doc.len();
            batch.push(doc);
            start += 1;
        }
        Ok((!batch.is_empty()).then_some(batch))
    };
    let f = &f;
    drive(
        py,
        n_threads,
        next,
        |batch: Vec<input::Doc>, stop: &AtomicBool| unless_stopped(batch.par_iter(), f, stop),
        consume,
    )
}

/// [`run_list_batches`] keeping every result: `f` of each text of the list, in order.
pub fn collect_list_batches<R: Send>(
    py: Python<'_>,
    list: &Bound<'_, pyo3::types::PyList>,
    n_threads: Option<usize>,
    f: impl Fn(&input::Doc) -> R + Sync + Send,
) -> PyResult<Vec<R>> {
    let mut out = Vec::with_capacity(list.len());
    run_list_batches(py, list, n_threads, f, |batch| {
        out.extend(batch);
        Ok(())
    })?;
    Ok(out)
}

// About 4 MB of text a batch: long enough to keep both cores busy, short enough that
// Ctrl-C answers within a fraction of a second.
const BATCH_WEIGHT: usize = 4 << 20;
const BATCH_ITEMS: usize = 4096;

/// `f` of each item in order, or nothing once `stop` is set (checked before each item, so
/// a batch given up stops within one item a thread).
fn unless_stopped<'a, T: Sync + 'a, R: Send>(
    items: impl IndexedParallelIterator<Item = &'a T>,
    f: impl Fn(&'a T) -> R + Sync + Send,
    stop: &AtomicBool,
) -> Vec<R> {
    items
        .map(|x| (!stop.load(Ordering::Relaxed)).then(|| f(x)))
        .collect::<Option<Vec<R>>>()
        .unwrap_or_default()
}

/// The batch loop: `next` gives batches (with the GIL held), `work` computes one with the
/// GIL released on the thread pool, `consume` takes its results (GIL held). The next batch
/// is prepared while one is computed; Ctrl-C is checked between batches, and a panic in
/// `work` becomes a Python exception. On any error the batch under way is given up:
/// `work` reads the flag it is passed and returns early once it is set.
fn drive<B: Send, R: Send>(
    py: Python<'_>,
    n_threads: Option<usize>,
    mut next: impl FnMut() -> PyResult<Option<B>>,
    work: impl Fn(B, &AtomicBool) -> Vec<R> + Sync,
    mut consume: impl FnMut(Vec<R>) -> PyResult<()>,
) -> PyResult<()> {
    let work = &work;
    let stop = AtomicBool::new(false);
    let stop = &stop;
    let compute = move |batch: B| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            crate::parallel::install(n_threads, || work(batch, stop))
        }))
    };
    std::thread::scope(|scope| {
        let result = drive_in(py, scope, &mut next, compute, &mut consume);
        if result.is_err() {
            // (The scope then waits for the batch under way, which stops early.)
            stop.store(true, Ordering::Relaxed);
        }
        result
    })
}

/// [`drive`]'s loop, in `scope`.
fn drive_in<'scope, B: Send + 'scope, R: Send + 'scope>(
    py: Python<'_>,
    scope: &'scope std::thread::Scope<'scope, '_>,
    next: &mut impl FnMut() -> PyResult<Option<B>>,
    compute: impl Fn(B) -> std::thread::Result<crate::error::Result<Vec<R>>> + Send + Copy + 'scope,
    consume: &mut impl FnMut(Vec<R>) -> PyResult<()>,
) -> PyResult<()> {
    let mut pending = next()?.map(|b| scope.spawn(move || compute(b)));
    while let Some(handle) = pending.take() {
        let upcoming = next();
        let joined = py.detach(|| handle.join());
        let upcoming = upcoming?;
        // Start the next batch before handing this one to Python.
        if let Some(b) = upcoming {
            pending = Some(scope.spawn(move || compute(b)));
        }
        let batch = match joined {
            Ok(Ok(Ok(batch))) => batch,
            Ok(Ok(Err(e))) => return Err(raise(py, e)),
            Ok(Err(panic)) | Err(panic) => return Err(panic_error(py, panic.as_ref())),
        };
        let done = batch.len();
        consume(batch)?;
        report_progress(py, done)?;
        py.check_signals()?;
    }
    Ok(())
}

fn panic_error(py: Python<'_>, panic: &(dyn std::any::Any + Send)) -> PyErr {
    let what = panic
        .downcast_ref::<&str>()
        .map(ToString::to_string)
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string());
    error(
        py,
        "NewsCorpusError",
        format!("internal error in newscorpus (please report it): {what}"),
    )
}

/// Run `f` with the GIL released on the chosen pool; a panic becomes `NewsCorpusError`.
pub fn detached<R: Send>(
    py: Python<'_>,
    n_threads: Option<usize>,
    f: impl FnOnce() -> R + Send,
) -> PyResult<R> {
    let result = py.detach(|| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            crate::parallel::install(n_threads, f)
        }))
    });
    match result {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(raise(py, e)),
        Err(panic) => Err(panic_error(py, panic.as_ref())),
    }
}

/// [`detached`] for long all-pairs work that polls a [`Cancel`]: `f` runs on a worker
/// thread while this thread, every 100 ms, takes the GIL back to check for Ctrl-C. On an
/// interrupt the flag is set, the worker stops within a row of work, its partial result is
/// dropped and `KeyboardInterrupt` is raised.
pub fn cancellable<R: Send>(
    py: Python<'_>,
    n_threads: Option<usize>,
    f: impl FnOnce(&Cancel) -> R + Send,
) -> PyResult<R> {
    cancellable_reporting(py, n_threads, 0, f)
}

/// [`cancellable`], telling this thread's progress callback (see `set_progress`) how far
/// the work is, as a share of `total` texts (`Cancel::fraction_done`), every 100 ms and at
/// the end. With `total` 0 it reports nothing.
pub fn cancellable_reporting<R: Send>(
    py: Python<'_>,
    n_threads: Option<usize>,
    total: usize,
    f: impl FnOnce(&Cancel) -> R + Send,
) -> PyResult<R> {
    use std::sync::mpsc::{channel, RecvTimeoutError};
    let cancel = Cancel::new();
    let (tx, rx) = channel();
    // A Mutex makes the receiver Sync, so the GIL-free waits below may borrow it.
    let rx = std::sync::Mutex::new(rx);
    let receive = |timeout: Option<std::time::Duration>| {
        let rx = rx.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        match timeout {
            Some(t) => rx.recv_timeout(t),
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
        }
    };
    std::thread::scope(|scope| {
        let cancel = &cancel;
        scope.spawn(move || {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                crate::parallel::install(n_threads, || f(cancel))
            }));
            let _ = tx.send(result);
        });
        let mut reported = 0usize;
        let mut report_up_to = |done: usize| -> PyResult<()> {
            if done > reported {
                report_progress(py, done - reported)?;
                reported = done;
            }
            Ok(())
        };
        loop {
            let got = py.detach(|| receive(Some(WAIT)));
            if let Some(result) = finished(py, got) {
                if result.is_ok() {
                    report_up_to(total)?;
                }
                return result;
            }
            let done = (cancel.fraction_done() * total as f64) as usize;
            if let Err(interrupt) = report_up_to(done.min(total)).and(py.check_signals()) {
                cancel.cancel();
                // The worker sees the flag within a row; wait for it to finish.
                let _ = py.detach(|| receive(None));
                return Err(interrupt);
            }
        }
    })
}

/// How long a call waits for its worker between two looks for Ctrl-C.
const WAIT: std::time::Duration = std::time::Duration::from_millis(100);

/// What a worker thread sent, as the call's result; `None` while it is still at work.
fn finished<R>(
    py: Python<'_>,
    got: Result<std::thread::Result<crate::error::Result<R>>, std::sync::mpsc::RecvTimeoutError>,
) -> Option<PyResult<R>> {
    use std::sync::mpsc::RecvTimeoutError;
    match got {
        Ok(Ok(Ok(value))) => Some(Ok(value)),
        Ok(Ok(Err(e))) => Some(Err(raise(py, e))),
        Ok(Err(panic)) => Some(Err(panic_error(py, panic.as_ref()))),
        Err(RecvTimeoutError::Timeout) => None,
        Err(RecvTimeoutError::Disconnected) => Some(Err(error(
            py,
            "NewsCorpusError",
            "internal error in newscorpus (please report it): worker vanished".into(),
        ))),
    }
}

/// [`cancellable`] for work that owns everything it reads: on Ctrl-C the flag is set and
/// `KeyboardInterrupt` raised at once, while the worker gives up and frees what it built
/// on its own thread (resolving a million articles' mentions builds tables that take
/// seconds to free, and some of its steps are not split).
pub fn cancellable_detached<R: Send + 'static>(
    py: Python<'_>,
    n_threads: Option<usize>,
    f: impl FnOnce(&Cancel) -> R + Send + 'static,
) -> PyResult<R> {
    let cancel = std::sync::Arc::new(Cancel::new());
    let (tx, rx) = std::sync::mpsc::channel();
    let worker = std::sync::Arc::clone(&cancel);
    std::thread::Builder::new()
        .name("newscorpus-call".into())
        .spawn(move || {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                crate::parallel::install(n_threads, || f(&worker))
            }));
            let _ = tx.send(result);
        })
        .map_err(|e| error(py, "NewsCorpusError", format!("cannot start a thread: {e}")))?;
    // A Mutex makes the receiver Sync, so the GIL-free waits below may borrow it.
    let rx = std::sync::Mutex::new(rx);
    loop {
        let got = py.detach(|| {
            rx.lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .recv_timeout(WAIT)
        });
        if let Some(result) = finished(py, got) {
            return result;
        }
        if let Err(interrupt) = py.check_signals() {
            cancel.cancel();
            return Err(interrupt);
        }
    }
}

/// Panic inside a worker thread, so tests can check that a panic becomes a Python
/// exception instead of killing the interpreter.
#[pyfunction]
fn _panic_for_tests(py: Python<'_>) -> PyResult<()> {
    let items = [1u8, 2, 3];
    run_batches(
        py,
        &items,
        None,
        |_| 1,
        |&x| {
            assert!(x != 2, "deliberate panic for tests");
            x
        },
        |_| Ok(()),
    )?;
    Ok(())
}
