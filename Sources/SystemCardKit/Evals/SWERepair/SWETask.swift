/// One `swe-repair` task: a known bug injected into a project (`original` replaced by `buggy` in `file`), the
/// issue a user would file from the symptom they see, and a hidden test module that fails with the bug and
/// passes without it. The model never sees the hidden test: it is copied in only after the agent submits.
struct SWETask: Sendable {
    /// `<project>-<n>`.
    var id: String
    /// The ``SWEProject/name`` the bug is injected into.
    var project: String
    /// What kind of bug it is.
    var mutation: SWEMutation
    /// The file the bug is injected into (relative to the project root).
    var file: String
    /// A snippet that occurs exactly once in `file`; the reference fix puts it back.
    var original: String
    /// What replaces `original`.
    var buggy: String
    /// The report: what a user did and saw, never where the bug is or how to fix it.
    var issue: String
    /// A unittest module, installed as `tests/test_hidden.py` after submission.
    var hiddenTest: String
    /// Estimated minutes a competent engineer new to the project needs (for the time horizon).
    var humanMinutes: Int
}
