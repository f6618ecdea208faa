import Foundation

/// Writes `card.html`, `card.md` and `card.json` into a folder (created if needed).
public enum CardWriter {
    static let fileNames = ["card.html", "card.md", "card.json"]

    /// Writes the three documents and returns their URLs.
    @discardableResult
    public static func write(_ card: CardDocument, to directory: URL) throws -> [URL] {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let contents = [CardHTMLWriter.render(card), CardMarkdownWriter.render(card), try card.json()]
            return try zip(fileNames, contents).map { name, text in
                let url = directory.appendingPathComponent(name)
                try Data(text.utf8).write(to: url, options: .atomic)
                return url
            }
        } catch let error as SystemCardError {
            throw error
        } catch {
            throw SystemCardError.invalidInput(
                "cannot write the card into \(directory.path): \(error.localizedDescription)")
        }
    }
}
