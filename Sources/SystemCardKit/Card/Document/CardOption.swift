/// An evaluation option as stored in the card (`set` = `small`).
struct CardOption: Sendable, Hashable, Codable {
    var name: String
    var value: String

    init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// Options sorted by name.
    static func list(_ options: [String: String]) -> [CardOption] {
        options.sorted(by: { $0.key < $1.key }).map { CardOption(name: $0.key, value: $0.value) }
    }
}
