import Foundation

/// Jinja2 itself, as Hugging Face's `apply_chat_template` configures it, run through
/// `scripts/local-inference/render_chat_template.py`: the reference the engine's interpreter is compared with.
enum JinjaReference {
    /// A Python with Jinja2, if this machine has one (the PATH's `python3`, else Debian's).
    static let python: String? = {
        for candidate in ["/usr/bin/env", "/usr/bin/python3"] {
            let arguments = candidate == "/usr/bin/env" ? ["python3", "-c", "import jinja2"] : ["-c", "import jinja2"]
            let process = Process()
            process.executableURL = URL(fileURLWithPath: candidate)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { continue }
            process.waitUntilExit()
            if process.terminationStatus == 0 { return candidate }
        }
        return nil
    }()

    static var isAvailable: Bool { python != nil }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../scripts/local-inference/render_chat_template.py").standardizedFileURL

    /// What Jinja2 renders for each (template, context JSON) pair: the text, or nil when it raised.
    static func render(_ cases: [(template: String, context: String)]) throws -> [Result<String, JinjaReferenceError>] {
        var input = "["
        for (i, c) in cases.enumerated() {
            if i > 0 { input += "," }
            let template = String(decoding: try JSONSerialization.data(withJSONObject: c.template, options: .fragmentsAllowed), as: UTF8.self)
            input += "{\"template\": \(template), \"context\": \(c.context)}"
        }
        input += "]"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = (python == "/usr/bin/env" ? ["python3"] : []) + [script.path]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let data = Data(input.utf8)
        let writer = Thread {
            stdin.fileHandleForWriting.write(data)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let results = try JSONSerialization.jsonObject(with: output) as? [[String: String]] else {
            throw JinjaReferenceError(message: "render_chat_template.py failed: \(String(decoding: errors, as: UTF8.self))")
        }
        return results.map { r in
            if let text = r["output"] { return .success(text) }
            return .failure(JinjaReferenceError(message: r["error"] ?? "?"))
        }
    }
}

struct JinjaReferenceError: Error {
    let message: String
}
