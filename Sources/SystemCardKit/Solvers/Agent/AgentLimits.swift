/// When an agent stops, besides submitting a correct answer. The defaults are Inspect AI's CTF settings.
public struct AgentLimits: Sendable, Hashable {
    /// Messages in the conversation (system, task, the model's and the tools') before the agent is stopped.
    public var messages: Int
    /// Tokens (prompt and completion, summed over the model's calls); nil: no limit.
    public var tokens: Int?
    /// Wall-clock time for the whole sample, tools included.
    public var time: Duration
    /// Submissions allowed; a wrong one is answered "incorrect" while attempts remain.
    public var attempts: Int
    /// Timeout of one tool call (`bash`, `python`).
    public var toolTimeout: Duration
    /// Characters of a tool's output the model sees; beyond that the middle is cut (head and tail kept).
    public var toolOutput: Int

    /// 50 messages, no token limit, 30 minutes, 3 attempts, 180 s per tool call, 16,384 characters of output.
    public init(
        messages: Int = 50, tokens: Int? = nil, time: Duration = .seconds(1800), attempts: Int = 3,
        toolTimeout: Duration = .seconds(180), toolOutput: Int = 16_384
    ) {
        self.messages = messages
        self.tokens = tokens
        self.time = time
        self.attempts = attempts
        self.toolTimeout = toolTimeout
        self.toolOutput = toolOutput
    }
}

/// Why an agent stopped.
public enum AgentEnding: String, Sendable, Hashable {
    case correct
    /// Submitted a task that checks in the sandbox decide (hidden tests, a task's checks).
    case submitted
    case outOfAttempts = "out_of_attempts"
    case messageLimit = "message_limit"
    case tokenLimit = "token_limit"
    case timeLimit = "time_limit"
}
