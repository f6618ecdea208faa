// Benchmark CLI for LocalInference, built by scripts/local-inference/bench.py together with the library sources:
//   swiftc -Ounchecked -wmo -parse-as-library -module-name LocalInference ... (see bench.py)
// Usage: bench-cli MODEL THREADS PROMPT_FILE GEN_TOKENS
// Prints one JSON line: prompt tokens, prompt seconds, generated tokens, generation seconds.
// Batch mode: bench-cli MODEL THREADS PROMPT_FILE GEN_TOKENS --batch 1,2,4,8
// For each N, N greedy requests (the prompt with a different question number each, cold caches) decoded together
// through LocalModel.generate(batch:); prints one JSON line per N: generated tokens, wall seconds, tokens/s
// (all generated tokens over the whole wall time, prompts included), the decode-only rate, the process CPU time
// (steadier than wall time on a shared machine), peak RSS and a hash of the texts (to compare builds).
import Foundation

@main
struct BenchCLI {
    static func main() throws {
        let args = CommandLine.arguments
        guard args.count >= 5, let threads = Int(args[2]), let count = Int(args[4]) else {
            FileHandle.standardError.write(Data("usage: bench-cli MODEL THREADS PROMPT_FILE GEN_TOKENS\n".utf8))
            exit(2)
        }
        let prompt = try String(contentsOfFile: args[3], encoding: .utf8)
        let model = try LocalModel(contentsOf: URL(fileURLWithPath: args[1]), threads: threads)
        if args.count >= 7, args[5] == "--batch" {
            let sizes = args[6].split(separator: ",").compactMap { Int($0) }
            try runBatches(model, prompt: prompt, count: count, sizes: sizes)
            return
        }
        let turns = [ChatTurn(role: "system", content: "You are a helpful assistant."),
                     ChatTurn(role: "user", content: prompt)]
        // Warm-up (pages the weights in), then measured runs with a cold KV cache.
        _ = try model.generate(turns, options: SamplingOptions(maxTokens: 4))
        var best: GenerationResult?
        for _ in 0..<3 {
            model.resetCache()
            let r = try model.generate(turns, options: SamplingOptions(maxTokens: 0))
            if best.map({ r.promptSeconds < $0.promptSeconds }) ?? true { best = r }
        }
        // Generation: sampled continuations until `count` tokens (an end of turn starts a new one).
        var generated = 0
        var genSeconds = 0.0
        var seed: UInt64 = 1
        while generated < count {
            model.resetCache()
            let options = SamplingOptions(temperature: 0.8, seed: seed, maxTokens: count - generated)
            let r = try model.generate(turns, options: options)
            generated += r.completionTokens
            genSeconds += r.generationSeconds
            seed += 1
            if seed > 50 { break }
        }
        let p = best!
        print("{\"prompt_tokens\": \(p.promptTokens), \"prompt_seconds\": \(p.promptSeconds), "
            + "\"gen_tokens\": \(generated), \"gen_seconds\": \(genSeconds)}")
    }

    static func runBatches(_ model: LocalModel, prompt: String, count: Int, sizes: [Int]) throws {
        _ = try model.generate([ChatTurn(role: "user", content: prompt)], options: SamplingOptions(maxTokens: 4))
        for n in sizes {
            let batch = (0..<n).map {
                [ChatTurn(role: "system", content: "You are a helpful assistant."),
                 ChatTurn(role: "user", content: "Question \($0 + 1). " + prompt)]
            }
            let options = [SamplingOptions](repeating: SamplingOptions(temperature: 0, maxTokens: count), count: n)
            model.resetCache()
            let start = Date()
            let cpu0 = cpuSeconds()
            let results = try model.generate(batch: batch, options: options).map { try $0.get() }
            let wall = Date().timeIntervalSince(start)
            let cpu = cpuSeconds() - cpu0
            let tokens = results.reduce(0) { $0 + $1.completionTokens }
            let promptSeconds = results.reduce(0) { $0 + $1.promptSeconds }
            print("{\"batch\": \(n), \"gen_tokens\": \(tokens), \"wall_seconds\": \(wall), "
                + "\"tokens_per_second\": \(Double(tokens) / wall), "
                + "\"decode_tokens_per_second\": \(Double(tokens) / (wall - promptSeconds)), "
                + "\"cpu_seconds\": \(cpu), \"peak_rss_mb\": \(peakRSSMegabytes()), "
                + "\"texts_fnv1a\": \"\(String(fnv1a(results.map(\.text).joined(separator: "\u{0}")), radix: 16))\"}")
        }
    }

    /// CPU time used by the process (all threads), in seconds.
    static func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    /// A hash of the generated texts, to check that two builds give the same output.
    static func fnv1a(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    /// VmHWM from /proc/self/status (Linux), in MB.
    static func peakRSSMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kb / 1024
    }
}
