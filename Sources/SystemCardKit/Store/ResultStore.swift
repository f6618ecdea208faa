/// Where runs, samples, scores and cached model calls are kept.
///
/// The engine talks to the store only through this protocol, so a shared server-side store can replace
/// SQLite without touching the runner. Writes of results and calls may be batched (group commit); after
/// ``flush()`` returns, everything submitted before is durable.
public protocol ResultStore: Sendable {
    /// Inserts the run, or returns the stored one with the same id (resume).
    func openRun(_ run: RunRecord) async throws -> RunRecord
    /// Replaces the run's status and summary.
    func updateRun(_ run: RunRecord) async throws
    /// The status of every sample of a run that has a result.
    func sampleStatuses(runID: String) async throws -> [SampleKey: SampleResult.Status]
    /// The keys of every cached call of this model (to skip cache look-ups that cannot hit).
    func cachedCallKeys(identity: ModelIdentity) async throws -> Set<String>
    /// A cached answer for this call key, if one was stored.
    func cachedResponse(key: String) async throws -> ModelResponse?
    /// Queues a finished model call for writing.
    func saveCall(_ call: ModelCallRecord) throws
    /// Queues a sample result (replacing an earlier one for the same sample and epoch).
    func saveResult(_ result: SampleResult) throws
    /// Waits until everything queued is written.
    func flush() async throws
    /// All runs, newest first.
    func runs() async throws -> [RunRecord]
    /// The run with this id, or the single run whose id starts with it.
    func run(id: String) async throws -> RunRecord?
    /// Status, score and usage of every result of a run, without the texts.
    func resultRows(runID: String) async throws -> [ResultRow]
    /// Every result of a run, in dataset order.
    func results(runID: String) async throws -> [SampleResult]
    /// Keeps a validation's outcome (it replaces an earlier one of the same kind, version and model).
    func saveValidation(_ record: ValidationRecord) async throws
    /// The newest validation of `kind` for this grader version and model, if one was made.
    func validation(kind: String, graderVersion: String, model: String, baseURL: String) async throws -> ValidationRecord?
    /// Keeps a submitted batch (replacing the record with the same id), durably, before the run waits for it.
    func saveBatch(_ batch: BatchRecord) async throws
    /// The batches a run submitted, oldest first.
    func batches(runID: String) async throws -> [BatchRecord]
}

extension ResultStore {
    /// A store without validations keeps none.
    public func saveValidation(_ record: ValidationRecord) async throws {}
    /// A store without validations has none.
    public func validation(kind: String, graderVersion: String, model: String, baseURL: String) async throws
        -> ValidationRecord?
    {
        nil
    }
}
