//! Thread pools: the caller's choice of thread count, and safety after `fork`.

use crate::error::Error;
use rayon::ThreadPool;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

static FORKED: AtomicBool = AtomicBool::new(false);

/// Pools built so far, by thread count.
type PoolCache = Mutex<Vec<(usize, Arc<ThreadPool>)>>;

fn pools() -> &'static PoolCache {
    static POOLS: OnceLock<PoolCache> = OnceLock::new();
    POOLS.get_or_init(|| Mutex::new(Vec::new()))
}

/// Call in a child process after `fork`: the parent's worker threads do not exist there, so
/// the global pool and every cached pool are abandoned (never joined) and new ones are built
/// on demand, as huggingface/tokenizers does for the same reason.
pub fn after_fork_in_child() {
    FORKED.store(true, Ordering::SeqCst);
    if let Ok(mut cached) = pools().lock() {
        for (_, pool) in cached.drain(..) {
            std::mem::forget(pool);
        }
    }
}

/// The number of threads a call with `n_threads = None` uses.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

/// A pool of `n` threads, built once and reused.
fn pool(n: usize) -> Result<Arc<ThreadPool>, Error> {
    let mut cached = pools()
        .lock()
        .map_err(|_| Error::Internal("the thread pool cache is poisoned".into()))?;
    if let Some((_, p)) = cached.iter().find(|(k, _)| *k == n) {
        return Ok(Arc::clone(p));
    }
    let p = Arc::new(
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .thread_name(|i| format!("newscorpus-{i}"))
            .build()
            .map_err(|e| Error::Internal(format!("cannot start {n} threads: {e}")))?,
    );
    cached.push((n, Arc::clone(&p)));
    Ok(p)
}

/// Drop `value` on a thread of its own: what a call given up (Ctrl-C) had built, millions
/// of small allocations, is freed without keeping the interrupt waiting (here, if no
/// thread can be started).
pub fn drop_apart<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new()
        .name("newscorpus-free".into())
        .spawn(move || drop(value));
}

/// Run `f` on `n_threads` threads (`None`: rayon's global pool, one thread per core).
pub fn install<R: Send>(
    n_threads: Option<usize>,
    f: impl FnOnce() -> R + Send,
) -> Result<R, Error> {
    match n_threads {
        None if !FORKED.load(Ordering::SeqCst) => Ok(f()),
        None => Ok(pool(default_threads())?.install(f)),
        Some(n) => Ok(pool(n.max(1))?.install(f)),
    }
}
