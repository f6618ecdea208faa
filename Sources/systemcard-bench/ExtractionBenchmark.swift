import ArgumentParser
import Foundation
import SystemCardKit

/// `systemcard-bench extraction`: multiple-choice answer extraction throughput (responses per second) in
/// both modes, over synthetic chain-of-thought responses in the 14 MMMLU languages and English (markdown,
/// LaTeX, localized letters, several candidates, none).
struct ExtractionBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extraction", abstract: "Answer extraction throughput on synthetic multilingual responses.")

    @Option(help: "Responses to extract from, per mode.")
    var responses: Int = 1_000_000

    @Option(help: "Distinct responses generated (cycled through).")
    var distinct: Int = 20_000

    @Option(help: "Characters of reasoning before the answer line (about).")
    var reasoning: Int = 600

    func run() async throws {
        let corpus = Self.corpus(count: max(1, distinct), reasoning: reasoning)
        let meanLength = corpus.map(\.text.count).reduce(0, +) / corpus.count
        print("responses \(responses)  distinct \(corpus.count)  mean length \(meanLength) characters")
        for mode in ExtractionMode.allCases {
            let extractor = AnswerExtractor(mode: mode)
            var found = 0
            let clock = ContinuousClock()
            let elapsed = clock.measure {
                for index in 0..<responses {
                    let item = corpus[index % corpus.count]
                    if extractor.extract(item.text, language: item.language, optionCount: 4).index != nil { found += 1 }
                }
            }
            let seconds = elapsed.inSeconds
            print(String(
                format: "%@: %.2f s  %.0f responses/s  %.1f%% extracted",
                mode.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0),
                seconds, Double(responses) / seconds, 100 * Double(found) / Double(responses)))
        }
    }

    static let filler: [AnswerLanguage: String] = [
        .english: "Let us consider each option carefully and eliminate the ones that do not fit the facts. ",
        .arabic: "لننظر في كل خيار بعناية ونستبعد الخيارات التي لا تتوافق مع الحقائق. ",
        .bengali: "আসুন প্রতিটি বিকল্প সাবধানে বিবেচনা করি এবং যেগুলি তথ্যের সাথে মেলে না সেগুলি বাদ দিই। ",
        .chinese: "让我们仔细考虑每个选项，排除不符合事实的选项。",
        .french: "Examinons chaque option avec soin et éliminons celles qui ne correspondent pas aux faits. ",
        .german: "Betrachten wir jede Option sorgfältig und schließen wir die aus, die nicht passen. ",
        .hindi: "आइए प्रत्येक विकल्प पर ध्यान से विचार करें और जो तथ्यों से मेल नहीं खाते उन्हें हटा दें। ",
        .indonesian: "Mari kita pertimbangkan setiap pilihan dengan cermat dan singkirkan yang tidak sesuai. ",
        .italian: "Consideriamo attentamente ogni opzione ed eliminiamo quelle che non corrispondono ai fatti. ",
        .japanese: "それぞれの選択肢を注意深く検討し、事実に合わないものを除外しましょう。",
        .korean: "각 선택지를 신중하게 검토하고 사실과 맞지 않는 것을 제외합시다. ",
        .portuguese: "Vamos considerar cada opção com cuidado e eliminar as que não correspondem aos fatos. ",
        .spanish: "Consideremos cada opción con cuidado y eliminemos las que no corresponden a los hechos. ",
        .swahili: "Hebu tuzingatie kila chaguo kwa makini na tuondoe yale yasiyolingana na ukweli. ",
        .yoruba: "Jẹ́ ká gbé àṣàyàn kọ̀ọ̀kan yẹ̀wò dáadáa ká sì yọ àwọn tí kò bá òtítọ́ mu kúrò. ",
    ]

    static let answerWord: [AnswerLanguage: String] = [
        .english: "Answer", .arabic: "الإجابة", .bengali: "উত্তর", .chinese: "答案", .french: "Réponse",
        .german: "Antwort", .hindi: "उत्तर", .indonesian: "Jawaban", .italian: "Risposta", .japanese: "答え",
        .korean: "정답", .portuguese: "Resposta", .spanish: "Respuesta", .swahili: "Jibu", .yoruba: "Ìdáhùn",
    ]

    /// Deterministic responses: reasoning, then one of several answer-line styles.
    static func corpus(count: Int, reasoning: Int) -> [(text: String, language: AnswerLanguage)] {
        var generator = SeededGenerator(seed: 42)
        let languages = [AnswerLanguage.english] + AnswerLanguage.mmmlu
        return (0..<count).map { index in
            let language = languages[index % languages.count]
            let sentence = filler[language]!
            var text = String(repeating: sentence, count: max(1, reasoning / max(1, sentence.count)))
            let letter = ["A", "B", "C", "D"][Int(generator.next() % 4)]
            let word = answerWord[language]!
            switch generator.next() % 6 {
            case 0: text += "\n\n\(word): \(letter)"
            case 1: text += "\n\n**\(word):** **\(letter)**"
            case 2: text += "\n\n\(word): $\\boxed{\(letter)}$"
            case 3: text += "\n\nAnswer: A is tempting, but\n\n\(word): (\(letter))"
            case 4: text += "\n\n### \(word)\n\nAnswer: \(letter)"
            default: text += "\n\nI cannot decide between the options."
            }
            return (text, language)
        }
    }
}
