/// InterCode-CTF's task list at the pinned commit (MIT). The task files (`task_assets/`) are not in the
/// catalogue: copy upstream's `data/ctf/task_assets` (without the `solution/` folders) beside it.
enum InterCodeCTFData {
    static let commit = "c3e46d827cfc9d4c704ec078f7abf9f41e3191d8"

    static let tasks = DataCatalog.Entry(
        name: "intercode-ctf",
        summary: "InterCode-CTF: 100 picoCTF tasks (task list; the task files are copied by hand, see docs/evals/agents.md)",
        license: "MIT (princeton-nlp/intercode); tasks derive from picoCTF practice problems",
        files: [
            DataCatalog.RemoteFile(
                path: "intercode-ctf/ic_ctf.json",
                url: "https://raw.githubusercontent.com/princeton-nlp/intercode/\(commit)/data/ctf/ic_ctf.json",
                sha256: "7d5c29724d23719de369e31126c26ebc9a925ae21769f1c3c029abf074def126", bytes: 32766)
        ])
}
