import Foundation
import LocalInference
import Testing

/// llama.cpp's own tokenizer test vectors (`models/ggml-vocab-*.gguf` with `.inp`/`.out`, as run by its
/// `tests/test-tokenizer-0.cpp`: no BOS, no special-token parsing), for every byte-level BPE vocabulary the engine
/// supports. The files are third-party data and are not in the repository: run
/// `scripts/local-inference/fetch_vocab_tests.sh`, which puts them in `$SYSTEMCARD_VOCAB_TESTS_DIR`, else
/// `$SYSTEMCARD_HOME/vocab-tests`, else `~/.systemcard/vocab-tests`. Skipped when that folder is absent.
@Suite(.enabled(if: VocabTestFiles.isAvailable, "needs llama.cpp's vocab test files in \(VocabTestFiles.directory.path) (scripts/local-inference/fetch_vocab_tests.sh)"))
struct VocabReferenceTests {
    @Test(arguments: VocabTestFiles.vocabularies)
    func tokenizationMatchesLlamaCpp(_ name: String) throws {
        let gguf = VocabTestFiles.directory.appendingPathComponent("ggml-vocab-\(name).gguf")
        guard FileManager.default.fileExists(atPath: gguf.path) else {
            print("skipped \(name): \(gguf.path) is absent (scripts/local-inference/fetch_vocab_tests.sh)")
            return
        }
        let cases = try VocabTestFiles.cases(for: gguf)
        #expect(cases.count >= 40)
        let tokenizer = try LocalTokenizer(contentsOf: gguf)
        var passed = 0
        for c in cases {
            let ours = tokenizer.tokenize(c.text, addSpecial: false, parseSpecial: false)
            if ours == c.tokens {
                passed += 1
            } else {
                Issue.record("\(name): \(c.text.debugDescription)\n  ours:  \(ours)\n  llama: \(c.tokens)")
            }
            // Byte-level BPE is lossless: decoding gives the input back.
            #expect(tokenizer.detokenize(ours) == c.text, "\(name): round trip of \(c.text.debugDescription)")
        }
        print("vocab \(name): \(passed)/\(cases.count) cases match llama.cpp")
    }
}

/// Where llama.cpp's vocab test files live, and how they are read.
enum VocabTestFiles {
    /// The byte-level BPE vocabularies whose tests are fetched and run (`ggml-vocab-<name>.gguf`).
    static let vocabularies = [
        "gpt-2", "llama-bpe", "qwen2", "qwen35", "starcoder", "refact", "command-r", "mpt", "falcon",
        "deepseek-coder", "deepseek-llm",
    ]

    static var directory: URL {
        let environment = ProcessInfo.processInfo.environment
        if let dir = environment["SYSTEMCARD_VOCAB_TESTS_DIR"], !dir.isEmpty { return URL(fileURLWithPath: dir) }
        if let home = environment["SYSTEMCARD_HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home).appendingPathComponent("vocab-tests")
        }
        let userHome = environment["HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return userHome.appendingPathComponent(".systemcard/vocab-tests")
    }

    static var isAvailable: Bool {
        vocabularies.contains {
            FileManager.default.fileExists(atPath: directory.appendingPathComponent("ggml-vocab-\($0).gguf").path)
        }
    }

    struct Case {
        var text: String
        var tokens: [Int32]
    }

    /// The cases of `<file>.inp` (texts separated by `\n__ggml_vocab_test__\n`) and `<file>.out` (one line of
    /// space-separated token ids per text), as `read_tests` in llama.cpp's test-tokenizer-0.cpp reads them.
    static func cases(for gguf: URL) throws -> [Case] {
        let input = [UInt8](try Data(contentsOf: URL(fileURLWithPath: gguf.path + ".inp")))
        let output = String(decoding: try Data(contentsOf: URL(fileURLWithPath: gguf.path + ".out")), as: UTF8.self)
        let separator = Array("\n__ggml_vocab_test__\n".utf8)
        var texts: [String] = []
        var start = 0
        var i = 0
        while i + separator.count <= input.count {
            if input[i..<(i + separator.count)].elementsEqual(separator) {
                texts.append(String(decoding: input[start..<i], as: UTF8.self))
                i += separator.count
                start = i
            } else {
                i += 1
            }
        }
        if start < input.count { texts.append(String(decoding: input[start...], as: UTF8.self)) }
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard lines.count == texts.count else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [
                NSLocalizedDescriptionKey: "\(gguf.lastPathComponent): \(texts.count) inputs but \(lines.count) outputs",
            ])
        }
        return zip(texts, lines).map { text, line in
            Case(text: text, tokens: line.split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespaces)) })
        }
    }
}
