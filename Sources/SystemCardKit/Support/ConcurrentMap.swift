extension Array where Element: Sendable {
    /// `transform` applied to every element with at most `limit` running at once; the results in the
    /// array's order. The first error thrown cancels the rest and is rethrown.
    func concurrentMap<Result: Sendable>(
        limit: Int, _ transform: @escaping @Sendable (Int, Element) async throws -> Result
    ) async throws -> [Result] {
        try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var results = [Result?](repeating: nil, count: count)
            var next = 0
            let width = Swift.max(1, limit)
            while next < count && next < width {
                let (index, element) = (next, self[next])
                group.addTask { (index, try await transform(index, element)) }
                next += 1
            }
            while let (index, result) = try await group.next() {
                results[index] = result
                if next < count {
                    let (index, element) = (next, self[next])
                    group.addTask { (index, try await transform(index, element)) }
                    next += 1
                }
            }
            return results.map { $0! }
        }
    }
}
