// Benchmark CLI for LocalInference, built by scripts/local-inference/bench.py together with the library sources:
//   swiftc -Ounchecked -wmo -parse-as-library -module-name LocalInference ... (see bench.py)
// Usage: bench-cli MODEL THREADS PROMPT_FILE GEN_TOKENS
// Prints one JSON line: prompt tokens, prompt seconds, generated tokens, generation seconds.
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
}
