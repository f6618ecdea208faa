/// An evaluation option as stored in the card (`set` = `small`).
public struct CardOption: Sendable, Hashable, Codable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// Options sorted by name.
    public static func list(_ options: [String: String]) -> [CardOption] {
        options.sorted(by: { $0.key < $1.key }).map { CardOption(name: $0.key, value: $0.value) }
    }
}
