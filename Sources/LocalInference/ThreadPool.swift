import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A small persistent pool of worker threads for data-parallel loops (`run(count:_:)`).
///
/// The caller thread takes part in the work. Workers spin briefly between jobs (a forward pass issues a few
/// hundred short jobs per token) and then sleep on a condition variable, so an idle model costs no CPU.
final class ThreadPool: @unchecked Sendable {
    /// The total number of threads working on a job (workers plus the caller).
    let threadCount: Int
    private let shared: ThreadPoolState

    /// Creates a pool using `threads` threads in total (the caller included).
    init(threads: Int) {
        threadCount = max(1, threads)
        shared = ThreadPoolState()
        for _ in 1..<threadCount {
            let state = shared
            let thread = Thread { state.workerLoop() }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    deinit {
        shared.shutdown()
    }

    /// Calls `body(i)` for every `i` in `0..<count`, spread over the pool; returns when all calls are done.
    func run(_ count: Int, _ body: (Int) -> Void) {
        if threadCount == 1 || count <= 1 {
            for i in 0..<count { body(i) }
            return
        }
        withoutActuallyEscaping(body) { job in
            shared.execute(count: count, job: job)
        }
    }
}

/// The state shared between a `ThreadPool` and its worker threads.
final class ThreadPoolState: @unchecked Sendable {
    // state word: generation (bits 40...63) | task count (bits 20...39) | next task index (bits 0...19)
    private let state = Atomic<UInt64>(0)
    private let completed = Atomic<Int>(0)
    private let sleepers = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    private let condition = NSCondition()
    private var job: ((Int) -> Void)?
    private var generation: UInt64 = 0

    private static let indexMask: UInt64 = (1 << 20) - 1

    func execute(count: Int, job: @escaping (Int) -> Void) {
        var remaining = count
        var start = 0
        // Jobs larger than the index field are split (never happens in practice).
        while remaining > 0 {
            let n = min(remaining, Int(Self.indexMask))
            let offset = start
            self.job = offset == 0 ? job : { job($0 + offset) }
            completed.store(0, ordering: .relaxed)
            generation = (generation + 1) & ((1 << 24) - 1)
            state.store(generation << 40 | UInt64(n) << 20, ordering: .sequentiallyConsistent)
            if sleepers.load(ordering: .sequentiallyConsistent) > 0 {
                condition.lock()
                condition.broadcast()
                condition.unlock()
            }
            work(generation: generation)
            var spins = 0
            while completed.load(ordering: .acquiring) < n {
                spins += 1
                if spins > 2000 { sched_yield() }
            }
            self.job = nil
            remaining -= n
            start += n
        }
    }

    /// Claims and runs tasks of `generation` until none is left.
    private func work(generation: UInt64) {
        while true {
            let s = state.load(ordering: .acquiring)
            guard s >> 40 == generation else { return }
            let index = s & Self.indexMask
            let count = (s >> 20) & Self.indexMask
            guard index < count else { return }
            let (exchanged, _) = state.compareExchange(
                expected: s, desired: s + 1, ordering: .acquiringAndReleasing)
            guard exchanged else { continue }
            job?(Int(index))
            completed.add(1, ordering: .releasing)
        }
    }

    func workerLoop() {
        var seen: UInt64 = 0
        while true {
            var s = state.load(ordering: .acquiring)
            var spins = 0
            while s >> 40 == seen && !stopping.load(ordering: .relaxed) {
                spins += 1
                if spins < 20_000 {
                    s = state.load(ordering: .acquiring)
                    continue
                }
                condition.lock()
                sleepers.add(1, ordering: .sequentiallyConsistent)
                while state.load(ordering: .sequentiallyConsistent) >> 40 == seen
                    && !stopping.load(ordering: .sequentiallyConsistent)
                {
                    condition.wait()
                }
                sleepers.subtract(1, ordering: .sequentiallyConsistent)
                condition.unlock()
                s = state.load(ordering: .acquiring)
                spins = 0
            }
            if stopping.load(ordering: .acquiring) { return }
            seen = s >> 40
            work(generation: seen)
        }
    }

    func shutdown() {
        stopping.store(true, ordering: .sequentiallyConsistent)
        condition.lock()
        condition.broadcast()
        condition.unlock()
    }
}
