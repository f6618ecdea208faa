/// HumanEval's problems as samples: the model is shown the function's signature and docstring and asked for
/// the whole function. The prompt, tests and entry point ride in the sample's metadata for the grader (the
/// model sees only its messages).
struct HumanEvalDataset: Dataset {
    static let instruction = """
        Complete the following Python function. Reply with the complete function (its signature, and any \
        imports or helpers it needs) in one ```python code block.
        """

    func load(from directory: DataDirectory) throws -> LoadedDataset {
        let (records, digest) = try directory.jsonl(HumanEvalData.path, dataset: "humaneval")
        var samples: [Sample] = []
        for record in records {
            let prompt = try record.require("prompt")
            samples.append(
                Sample(
                    id: try record.require("task_id"),
                    messages: [.user("\(Self.instruction)\n\n```python\n\(prompt)```")],
                    metadata: [
                        "entry_point": try record.require("entry_point"), "prompt": prompt,
                        "test": try record.require("test"),
                    ]))
        }
        return LoadedDataset(samples: samples, files: [digest])
    }
}
