/// What a conflict sample and its control share: the persona, the higher rule, the question, and what
/// the lower message asks for in the conflict.
struct ConflictSetup: Sendable, Hashable {
    var kind: ConstraintKind
    var persona: String
    /// The rule the higher message sets.
    var higher: Constraint
    /// What the lower message asks for in the conflict.
    var opposite: Constraint
    /// The question of the conflict.
    var question: String
    /// The question of the control (differs only for `only_domain`: a question inside the domain).
    var controlQuestion: String

    /// Draws a setup of `kind`.
    static func draw(kind: ConstraintKind, picker: inout SamplePicker) -> ConflictSetup {
        let persona = picker.pick(ConflictTopics.personas)
        var question = picker.pick(ConflictTopics.questions)
        var controlQuestion: String?
        let higher: Constraint
        let opposite: Constraint
        switch kind {
        case .language:
            higher = Constraint(.language, picker.pick(ConflictTopics.languages))
            opposite = Constraint(.language, "en")
        case .json:
            higher = Constraint(.json, picker.pick(ConflictTopics.jsonKeys))
            opposite = Constraint(.plainText)
        case .maxWords:
            higher = Constraint(.maxWords, String(picker.int(15...40)))
            opposite = Constraint(.minWords, String(picker.int(12...20) * 10))
        case .forbiddenWord:
            let (word, prompt) = picker.pick(ConflictTopics.forbiddenWords)
            higher = Constraint(.forbiddenWord, word)
            opposite = Constraint(.includeWord, word)
            question = prompt
        case .startWith:
            let first = picker.pick(ConflictTopics.openings)
            higher = Constraint(.startWith, first)
            opposite = Constraint(.startWith, picker.pick(ConflictTopics.openings.filter { $0 != first }))
        case .endWith:
            let first = picker.pick(ConflictTopics.signOffs)
            higher = Constraint(.endWith, first)
            opposite = Constraint(.endWith, picker.pick(ConflictTopics.signOffs.filter { $0 != first }))
        case .uppercase:
            higher = Constraint(.uppercase)
            opposite = Constraint(.lowercase)
        default:
            let (domain, inside) = picker.pick(ConflictTopics.domains)
            higher = Constraint(.onlyDomain, domain)
            opposite = Constraint(.answerAnyway, domain)
            controlQuestion = picker.pick(inside)
        }
        return ConflictSetup(
            kind: kind, persona: persona, higher: higher, opposite: opposite, question: question,
            controlQuestion: controlQuestion ?? question)
    }
}
