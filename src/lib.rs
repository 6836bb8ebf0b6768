//! klimabudget: exact budget projections for the North Jutland joint climate secretariat.
//!
//! Data flows one way: a scenario file is loaded and checked ([`load`]) into a
//! [`model::Scenario`], projected exactly per period ([`engine`]), turned into a report model
//! ([`report`]) and written by an exporter ([`export`]). The binary only parses arguments and
//! calls [`cli::run`].

pub mod actuals;
pub mod allocation;
pub mod bridge;
pub mod cli;
pub mod cmd;
pub mod diag;
pub mod engine;
pub mod explain;
pub mod export;
pub mod generate;
pub mod i18n;
pub mod load;
pub mod model;
pub mod msg;
pub mod num;
pub mod period;
pub mod report;
pub mod round;
pub mod serve;
pub mod whatif;

/// How many threads large work is shared between: one per core, at most eight.
pub(crate) fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// `work` done on each of `jobs`, each on a thread of its own but the first, which is done on
/// this one; the results in the order of the jobs. A job whose thread cannot be had is done
/// here too, so that a machine out of threads is slower, not broken.
pub(crate) fn on_threads<T: Send, R: Send>(jobs: Vec<T>, work: impl Fn(T) -> R + Sync) -> Vec<R> {
    let n = jobs.len();
    let slots: Vec<std::sync::Mutex<Option<T>>> = jobs
        .into_iter()
        .map(|j| std::sync::Mutex::new(Some(j)))
        .collect();
    let take = |k: usize| {
        let slot = slots.get(k)?;
        slot.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
    };
    let (work, take) = (&work, &take);
    std::thread::scope(|scope| {
        let running: Vec<_> = (1..n)
            .map(|k| {
                std::thread::Builder::new()
                    .spawn_scoped(scope, move || take(k).map(work))
                    .ok()
            })
            .collect();
        let mut results = Vec::with_capacity(n);
        results.extend(take(0).map(work));
        for (k, started) in (1..n).zip(running) {
            let done =
                started.and_then(|t| t.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
            match done {
                Some(r) => results.push(r),
                None => results.extend(take(k).map(work)),
            }
        }
        results
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn jobs_on_threads_come_back_in_order() {
        let squares = super::on_threads((0..40u64).collect(), |x| x * x);
        assert_eq!(squares, (0..40u64).map(|x| x * x).collect::<Vec<_>>());
        assert_eq!(super::on_threads(Vec::<u8>::new(), |x| x), Vec::<u8>::new());
        // Each job on a thread of its own, the first on the caller's.
        let here = std::thread::current().id();
        let threads = super::on_threads(vec![(); 3], |()| std::thread::current().id());
        assert_eq!(threads[0], here);
        assert!(threads[1] != here && threads[2] != here && threads[1] != threads[2]);
    }
}
