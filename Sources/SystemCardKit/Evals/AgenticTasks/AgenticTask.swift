/// One long `agentic-tasks` task in a Linux terminal: what the agent is told, how its workspace is set up, the
/// checks that decide it (run after the agent stops, each a bash script in the workspace: exit 0 passes), and a
/// reference solution that proves it solvable. Main-task success is every check passing; subtask success is
/// the share of checks that pass.
struct AgenticTask: Sendable {
    /// Folder-safe id (`token-api`).
    var id: String
    /// A few words for reports.
    var title: String
    /// What the agent is told: the goal and the contract the checks rely on (file names, ports, commands).
    var prompt: String
    /// Bash, run in the fresh workspace before the agent starts (empty: nothing).
    var setup: String
    /// In order; each decides one subtask.
    var checks: [AgenticCheck]
    /// Bash: the reference solution, run after `setup` in a fresh workspace; the checks must then all pass.
    var solution: String
    /// Estimated minutes a competent engineer needs (for the time horizon).
    var humanMinutes: Int
}

/// One subtask check of an ``AgenticTask``.
struct AgenticCheck: Sendable {
    /// Short name (`refuses-bad-token`).
    var name: String
    /// Bash, run in the workspace after the agent stops; exit 0 means the subtask is done. It is written at
    /// check time, so the agent never sees it.
    var script: String
}
