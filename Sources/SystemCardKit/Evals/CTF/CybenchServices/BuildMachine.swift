import Foundation

/// What a Dockerfile's `RUN` steps are checked against: whether this machine already has what a step would
/// install (the sandbox's programs and libraries are the machine's own). Tests pass their own answers.
struct BuildMachine: Sendable {
    /// Whether the sandbox's `python3` can import a module (`Crypto` counts when Debian's `Cryptodome` is there:
    /// the sandbox makes it importable under that name).
    var hasPythonModule: @Sendable (String) -> Bool
    /// Whether a Debian package is installed.
    var hasDebianPackage: @Sendable (String) -> Bool

    /// This machine, asked through `/usr/bin/python3` and `dpkg-query`.
    static let current = BuildMachine(
        hasPythonModule: { module in
            if module == "Crypto" { return FileManager.default.fileExists(atPath: BubblewrapSandbox.cryptodome) }
            return BuildMachine.run(
                "/usr/bin/python3",
                ["-c", "import importlib.util, sys; sys.exit(0 if importlib.util.find_spec(sys.argv[1]) else 1)", module]
            ) == "0"
        },
        hasDebianPackage: { package in
            BuildMachine.run("/usr/bin/dpkg-query", ["-W", "-f=${Status}", package])?.hasSuffix("install ok installed") == true
        })

    /// The standard output of a program, or its exit code when it printed nothing ("0" on success); nil when it
    /// cannot start.
    private static func run(_ program: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        var data = Data()
        do { try process.runToEnd { data = output.fileHandleForReading.readDataToEndOfFile() } } catch { return nil }
        let text = String(decoding: data, as: UTF8.self)
        return text.isEmpty ? String(process.terminationStatus) : text
    }
}
