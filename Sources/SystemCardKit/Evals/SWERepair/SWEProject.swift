/// One small Python project of `swe-repair`: every file, its visible tests included (under `tests/`, run with
/// `python3 -m unittest discover -s tests` from the project root). The projects are ours, written for this
/// evaluation; the tasks inject known bugs into them (``SWETask``).
struct SWEProject: Sendable {
    /// Folder-safe name (`ledger`), also the Python package's name.
    var name: String
    /// One line on what the project does.
    var summary: String
    /// Path relative to the project root → contents.
    var files: [String: String]
}
