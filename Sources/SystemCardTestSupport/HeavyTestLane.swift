/// One lane for the tests that keep the CPU busy in sandboxes (HumanEval's programs, the repairs, the agentic
/// workspaces, the competitions): they take turns across suites, so tests that time a loopback server (retries
/// with a 3 s timeout) are not starved on a 2-core machine.
public actor HeavyTestLane {
    /// The lane every heavy test shares.
    public static let shared = HeavyTestLane()

    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Runs `body` when the lane is free.
    public nonisolated func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        do {
            let result = try await body()
            await release()
            return result
        } catch {
            await release()
            throw error
        }
    }

    private func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
