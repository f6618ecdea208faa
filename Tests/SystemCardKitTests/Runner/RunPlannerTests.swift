import Foundation
import Synchronization
import SystemCardTestSupport
import Testing

@testable import SystemCardKit

/// The planner turns specs into requests with the one grader rule, checks roles, shares providers, and
/// counts every retry of the models it made.
@Suite struct RunPlannerTests {
    static let data = DataDirectory(url: URL(fileURLWithPath: "/nonexistent-systemcard-data"))
    static let model = ModelEndpoint(spec: ModelSpec(provider: .openai, model: "m"), baseURL: "http://127.0.0.1:9/v1")

    static func planner() -> RunPlanner {
        RunPlanner(endpoint: EndpointOptions(), environment: [:])
    }

    @Test func gradersAndRolesFollowTheRule() async throws {
        let planner = Self.planner()
        defer { Task { await planner.shutdown() } }
        let judge = ModelEndpoint(spec: ModelSpec(provider: .openai, model: "judge"), baseURL: "http://127.0.0.1:9/v1")
        let rules = try planner.request(for: RunPlan(evaluation: "instruction-hierarchy", model: Self.model, dataDirectory: Self.data))
        #expect(rules.grader == .rules)
        #expect(rules.graderModel == nil)
        let judged = try planner.request(for: RunPlan(evaluation: "xstest", model: Self.model, judge: judge, dataDirectory: Self.data))
        #expect(judged.grader == .model)
        #expect(judged.graderModel?.identity.model == "judge")
        // A code-graded evaluation ignores a card-wide judge instead of failing.
        let codeGraded = try planner.request(
            for: RunPlan(evaluation: "tutor-jailbreak", model: Self.model, judge: judge, dataDirectory: Self.data))
        #expect(codeGraded.grader == .rules)
        #expect(codeGraded.graderModel == nil)

        func problem(_ plan: RunPlan) -> RunPlanningError? {
            #expect(throws: RunPlanningError.self) { _ = try planner.request(for: plan) }
        }
        #expect(problem(RunPlan(evaluation: "hallucination", model: Self.model, dataDirectory: Self.data))
            == .grader(evaluation: "hallucination", .needsJudge))
        #expect(problem(RunPlan(evaluation: "bbq", model: Self.model, grader: .model, judge: judge, dataDirectory: Self.data))
            == .grader(evaluation: "bbq", .noModelGrader))
        #expect(problem(RunPlan(evaluation: "makemepay", model: Self.model, dataDirectory: Self.data))
            == .missingRole(evaluation: "makemepay", role: "mark"))
        #expect(problem(RunPlan(evaluation: "xstest", model: Self.model, roles: ["mark": Self.model], dataDirectory: Self.data))
            == .unknownRole(evaluation: "xstest", role: "mark", roles: []))
        // Library messages say what is wrong, not which flag fixes it.
        #expect(RunPlanningError.grader(evaluation: "x", .needsJudge).description == "x needs a grader model")
        #expect(!RunPlanningError.missingRole(evaluation: "x", role: "r").description.contains("--"))
    }

    @Test func oneLimitPerEndpointAndPerModelEndpointOptions() throws {
        let planner = RunPlanner(
            endpoint: EndpointOptions(baseURL: "http://127.0.0.1:9/v1", apiKeyFile: "/nonexistent-key-file"),
            environment: ["OTHER_KEY": "k"])
        defer { Task { await planner.shutdown() } }
        // The key file applies to the default endpoint (and cannot be read) …
        #expect(throws: SystemCardError.self) { try planner.check(ModelEndpoint(spec: ModelSpec(provider: .openai, model: "m"))) }
        // … and a model's own key variable replaces it.
        let own = ModelEndpoint(spec: ModelSpec(provider: .openai, model: "m"), apiKeyEnv: "OTHER_KEY")
        let first = try #require(try planner.provider(for: own) as? ResilientModelProvider)
        let second = try #require(try planner.provider(for: own) as? ResilientModelProvider)
        #expect(first.limiter === second.limiter)
        #expect(planner.options(for: own).apiKeyFile == nil)
        #expect(planner.options(for: own).baseURL == "http://127.0.0.1:9/v1")
    }

    @Test func progressCountsTheRetriesOfThePlannersModels() async throws {
        // Every conversation is refused once with a 429, then answered.
        let server = try await FakeChatServer.start { request in
            request.attempt == 1
                ? .status(429, headers: [("Retry-After", "0")]) : .answer("Sure, here is how.")
        }
        let planner = RunPlanner(
            endpoint: EndpointOptions(
                baseURL: server.baseURL, retryPolicy: RetryPolicy(maxRetries: 3, baseDelay: 0.01, maxDelay: 0.05)),
            environment: [:])
        let store = try makeMemoryStore()
        let seen = ProgressLog()
        let request = try planner.request(
            for: RunPlan(evaluation: "instruction-hierarchy", model: ModelEndpoint(spec: ModelSpec(provider: .openai, model: "m")),
                         dataDirectory: Self.data, limit: 5))
        let outcome = try await planner.runner(store: store) { seen.append($0) }.run(request)
        await planner.shutdown()
        await server.stop()
        #expect(outcome.summary.scored == 5)
        #expect(planner.retries.value == 5)
        #expect(seen.last?.retries == 5)
    }
}

/// Progress snapshots, in order.
final class ProgressLog: Sendable {
    private let items = Mutex<[RunProgress]>([])
    func append(_ progress: RunProgress) { items.withLock { $0.append(progress) } }
    var last: RunProgress? { items.withLock { $0.last } }
}
