/// The card's parts and numbered sections, in the brief's order: 1 safety (1.1–1.6, with instruction
/// hierarchy as 1.5), 2 Preparedness (2.1–2.4), 3 multilingual.
enum CardOutline {
    struct Part: Sendable {
        var number: String
        var title: String
        var anchor: String
        var sections: [(number: String, section: CardSection)]
    }

    static let parts: [Part] = [
        Part(
            number: "1", title: "Safety evaluations", anchor: "safety",
            sections: [
                ("1.1", .disallowedContent), ("1.2", .jailbreaks), ("1.3", .hallucination), ("1.4", .bias),
                ("1.5", .instructionHierarchy), ("1.6", .redTeaming),
            ]),
        Part(
            number: "2", title: "Preparedness Framework", anchor: "preparedness",
            sections: [("2.1", .cybersecurity), ("2.2", .cbrn), ("2.3", .persuasion), ("2.4", .autonomy)]),
        Part(number: "3", title: "Multilingual", anchor: "multilingual", sections: [("3", .multilingual)]),
    ]
}
