/// What a run would do, estimated before any call (`--dry-run`): the sample-epochs left, and by role the calls,
/// tokens and their cost. Input tokens are counted at four characters a token from the samples' messages; answers
/// at `max_tokens` (or ``assumedAnswerTokens`` when it is unset); a conversation's or an agent's calls at their
/// option's bound (`message-limit`, `turns`, `max-queries`), its input growing by one answer per call. An estimate,
/// not a quote: real runs usually stop earlier and answer shorter.
public struct RunEstimate: Sendable, Hashable {
    public var evaluation: String
    public var model: String
    public var runID: String
    /// Sample-epochs still to do.
    public var samples: Int
    /// Sample-epochs already finished (resumed, free).
    public var finished: Int
    /// Estimated calls and tokens by role.
    public var roles: [String: RoleUsage]
    public var cost: RunCost
    /// How the figures were estimated, for the reader.
    public var assumptions: [String]
    /// The evaluated model's calls per sample at most (``callsPerSample(_:)``).
    public var callsPerSample: Int
    /// Why the run cannot run (a missing dataset, grader model or role); the figures are then zero.
    public var notRun: String?

    /// Answer length assumed when `max_tokens` is unset.
    public static let assumedAnswerTokens = 512
    /// A judge's prompt beyond the sample and the answer (its template), and its answer.
    static let judgeTemplateTokens = 400
    static let judgeAnswerTokens = 64

    init(request: RunRequest, runID: String, work: [Sample], finished: Int, prices: PriceTable) {
        let evaluation = request.evaluation
        self.evaluation = evaluation.name
        model = request.model.identity.spec
        self.runID = runID
        samples = work.count
        self.finished = finished
        var assumptions: [String] = []
        let answer = request.settings.maxTokens ?? Self.assumedAnswerTokens
        if request.settings.maxTokens == nil {
            assumptions.append("answers at \(Self.assumedAnswerTokens) tokens (no max_tokens set)")
        }
        let calls = Self.callsPerSample(evaluation.options)
        callsPerSample = calls
        var roles: [String: RoleUsage] = [:]
        func add(_ role: String, _ spec: String, calls: Int, input: Int, output: Int) {
            roles[role, default: RoleUsage(model: spec)].add(
                RoleUsage(model: spec, usage: TokenUsage(promptTokens: input, completionTokens: output), calls: calls))
        }
        for sample in work {
            // The sample's messages only: an agent's system prompt and tool definitions come on top.
            let prompt = SpendMeter.estimatedTokens(ModelRequest(messages: sample.messages))
            // Each call sees the sample and every earlier answer of the conversation.
            let input = calls * prompt + answer * calls * (calls - 1) / 2
            add("model", model, calls: calls, input: input, output: calls * answer)
            for (role, provider) in request.roles where evaluation.roles.contains(role) {
                add(role, provider.identity.spec, calls: calls, input: input, output: calls * answer)
            }
            if request.grader == .model, let judge = request.graderModel {
                add("grader", judge.identity.spec, calls: 1, input: prompt + answer + Self.judgeTemplateTokens,
                    output: Self.judgeAnswerTokens)
            }
        }
        if request.grader == .model && request.graderModel != nil {
            assumptions.append("one judge call per sample (\(Self.judgeTemplateTokens)-token template, "
                + "\(Self.judgeAnswerTokens)-token verdict)")
        }
        self.roles = roles
        cost = prices.cost(of: roles)
        self.assumptions = assumptions
    }

    /// A run the card cannot run, listed with the reason.
    init(notRun evaluation: String, model: String, reason: String) {
        self.evaluation = evaluation
        self.model = model
        runID = ""
        samples = 0
        finished = 0
        roles = [:]
        cost = RunCost()
        assumptions = []
        callsPerSample = 0
        notRun = reason
    }

    /// The evaluated model's calls per sample at most, from the evaluation's options: an agent's `message-limit`
    /// (the task, then a call and a tool result per step), a game's `turns` or `set` (turns per side), an attack's
    /// `max-queries`; one otherwise.
    static func callsPerSample(_ options: [String: String]) -> Int {
        if let limit = options["message-limit"].flatMap(Int.init) { return max(1, (limit - 1) / 2) }
        if let queries = options["max-queries"].flatMap(Int.init) { return max(1, queries) }
        if let turns = options["turns"].flatMap(Int.init) { return max(1, turns) }
        if options["conversations"] != nil, let set = options["set"] {
            return Int(set) ?? 10  // MakeMePay: turns per side; "all" mixes 5, 10 and 15
        }
        return 1
    }
}
