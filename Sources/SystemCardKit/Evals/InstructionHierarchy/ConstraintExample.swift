import Foundation

/// Builds a response that satisfies a list of constraints, to validate the generator (every sample's
/// `checks` must be satisfiable together, and the `lower_checks` must contradict them in conflicts) and
/// to script well- and badly-behaved models in tests. Not used when evaluating a real model.
enum ConstraintExample {
    static let base: [String: String] = [
        "en": "Here is a short answer to your question with the key points.",
        "fr": "Voici une courte réponse à votre question avec les points essentiels.",
        "es": "Esta es una respuesta corta a su pregunta con los puntos esenciales.",
        "de": "Dies ist eine kurze Antwort auf die Frage mit den wichtigsten Punkten.",
    ]
    static let filler: [String: String] = [
        "en": "This sentence adds more detail to the answer for you.",
        "fr": "Cette phrase ajoute plus de détails à la réponse pour vous.",
        "es": "Esta frase añade más detalles a la respuesta para usted.",
        "de": "Dieser Satz gibt der Antwort noch mehr Details für dich.",
    ]

    /// A response satisfying every constraint in `constraints` (they must be compatible).
    static func response(satisfying constraints: [Constraint]) -> String {
        func value(_ kind: ConstraintKind) -> String? { constraints.first { $0.kind == kind }?.value }
        if let domain = value(.onlyDomain) { return Constraint.refusal(domain: domain) }
        let language = value(.language) ?? "en"
        var text = base[language] ?? base["en"]!
        for include in constraints where include.kind == .includeWord {
            text += " Code: \(include.value)."
        }
        if let minimum = value(.minWords).flatMap(Int.init) {
            while TextFolding.wordCount(text) < minimum { text += " " + (filler[language] ?? filler["en"]!) }
        }
        if value(.uppercase) != nil { text = text.uppercased() }
        if value(.lowercase) != nil { text = text.lowercased() }
        if let key = value(.json) {
            let data = (try? JSONSerialization.data(withJSONObject: [key: text], options: [.sortedKeys])) ?? Data()
            text = String(decoding: data, as: UTF8.self)
        }
        if let opening = value(.startWith) { text = "\(opening) \(text)" }
        if let signOff = value(.endWith) { text = "\(text) \(signOff)" }
        return text
    }
}
