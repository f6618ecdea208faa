import Foundation

/// The samples of an evaluation file: each row of its dataset file (CSV or JSONL, read with the same file:line
/// errors as the built-in datasets) rendered through the file's templates; every field of the row is kept as
/// metadata, for grouping and filters.
struct FileEvaluationDataset: Dataset {
    let spec: FileEvaluationSpec

    func load(from directory: DataDirectory) throws -> LoadedDataset {
        let url = spec.datasetFile
        let name = url.lastPathComponent
        let records: [DataRecord]
        if name.hasSuffix(".gz") {
            let data: Data
            do {
                data = try GzipInflater.decompress(Data(contentsOf: url))
            } catch {
                throw DatasetError(file: name, reason: "cannot decompress: \(error)")
            }
            records = name.hasSuffix(".csv.gz")
                ? try CSVReader.parse(String(decoding: data, as: UTF8.self), file: name)
                : try JSONLReader.parse(data, file: name)
        } else {
            records = name.hasSuffix(".csv") ? try CSVReader.read(url, displayName: name) : try JSONLReader.read(url, displayName: name)
        }
        guard !records.isEmpty else { throw DatasetError(file: name, reason: "no rows") }
        var seen = Set<String>()
        let samples = try records.map { record -> Sample in
            let id = try spec.idField.map { try record.require($0) } ?? "\(spec.name)-\(record.line)"
            guard seen.insert(id).inserted else { throw record.error(spec.idField, "duplicate id '\(id)'") }
            return try sample(record, id: id)
        }
        return LoadedDataset(samples: samples, files: [DatasetFileDigest(path: name, sha256: try SHA256Digest.file(url))])
    }

    func sample(_ record: DataRecord, id: String) throws -> Sample {
        var messages: [ChatMessage] = []
        if let system = spec.system { messages.append(.system(try system.render(record))) }
        if let developer = spec.developer { messages.append(.developer(try developer.render(record))) }
        let question = try spec.user.render(record)
        let target = try spec.target?.render(record)
        guard spec.solver == .multipleChoice else {
            messages.append(.user(question))
            return Sample(id: id, messages: messages, target: target, metadata: record.fields)
        }
        let options = try spec.choices.map { field -> String in
            guard let option = record.fields[field] else { throw record.error(field, "no option field '\(field)'") }
            return option
        }
        var letter = (target ?? "").trimmingCharacters(in: .whitespaces)
        if let index = Int(letter), options.indices.contains(index) { letter = MultipleChoiceQuestion.letter(at: index) }
        let multipleChoice: Sample
        do {
            multipleChoice = try MultipleChoiceQuestion(question: question, options: options, answer: letter, metadata: record.fields)
                .sample(id: id)
        } catch {
            throw record.error(nil, error.reason)
        }
        return Sample(
            id: id, messages: messages + multipleChoice.messages, target: multipleChoice.target,
            metadata: multipleChoice.metadata)
    }
}
