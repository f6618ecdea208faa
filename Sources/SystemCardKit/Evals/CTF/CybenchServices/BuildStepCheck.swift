import Foundation

/// Decides whether a Dockerfile `RUN` step can be accepted without running it: `RUN` steps are never executed
/// (there is no image to build in). A step is accepted only when every simple command in it is one of:
///
/// - `apt-get`/`apt` `update`, `upgrade`, `clean`, `autoclean`, `autoremove`, and `install P…` when every
///   package `P` is installed on this machine;
/// - `pip`/`pip3`/`python3 -m pip` `install X…` (also `-r requirements.txt` from the build context) when the
///   sandbox's `python3` imports each `X` (versions are not compared); upgrades of pip, setuptools, wheel;
/// - `mkdir` and `chmod` (reproduced on the laid-out files), `chown`/`chgrp` and user or group creation
///   (`useradd`, `adduser`, `groupadd`, `addgroup`, `usermod`: the service runs as the sandbox's own user);
/// - `rm` of package caches (`/var/lib/apt/lists`, `/var/cache`, `/root/.cache`, `/tmp`), and `true`.
///
/// `sudo` and leading `NAME=value` words are skipped. Anything else (a redirection, a variable, a pipe,
/// `echo … > file`, a compiler, a download) refuses the whole task with the step named.
struct BuildStepCheck {
    var machine: BuildMachine
    /// Reads a requirements file named in a `pip install -r` (a build-context path), nil when absent.
    var readContextFile: (String) -> String?

    /// The image steps that `step` (a `RUN`'s arguments) stands for, or the reason it cannot be accepted.
    func check(_ step: Dockerfile.Instruction, workdir: String) throws -> [ImageStep] {
        let commands: [ShellWords.Command]
        if let exec = step.execForm {
            commands = [ShellWords.Command(words: exec, complex: false)]
        } else {
            commands = ShellWords.commands(step.arguments)
        }
        var steps: [ImageStep] = []
        for command in commands {
            var words = command.words
            while let first = words.first, first == "sudo" || (first.contains("=") && !first.hasPrefix("-")) {
                words.removeFirst()
            }
            guard !command.complex, let program = words.first else {
                throw refusal(step, "a shell construct that cannot be reproduced without running it")
            }
            let arguments = Array(words.dropFirst())
            switch (program as NSString).lastPathComponent {
            case "apt-get", "apt":
                try checkApt(arguments, step)
            case "pip", "pip3":
                try checkPip(arguments, step)
            case "python", "python3":
                guard arguments.starts(with: ["-m", "pip"]) else {
                    throw refusal(step, "it runs a Python program, whose effect cannot be known without running it")
                }
                try checkPip(Array(arguments.dropFirst(2)), step)
            case "mkdir":
                steps += arguments.filter { !$0.hasPrefix("-") }.map { .makeDirectory(ImagePath.absolute($0, in: workdir)) }
            case "chmod":
                let recursive = arguments.contains { $0 == "-R" || $0 == "--recursive" }
                let operands = arguments.filter { !["-R", "--recursive", "-v", "-c", "-f"].contains($0) }
                guard operands.count >= 2 else { throw refusal(step, "chmod without a mode and a path") }
                steps += operands.dropFirst().map { .changeMode(mode: operands[0], path: ImagePath.absolute($0, in: workdir), recursive: recursive) }
            case "chown", "chgrp", "useradd", "adduser", "groupadd", "addgroup", "usermod", "true", ":":
                continue
            case "rm":
                let paths = arguments.filter { !$0.hasPrefix("-") }
                let caches = ["/var/lib/apt/lists", "/var/cache/", "/root/.cache", "/tmp/"]
                guard paths.allSatisfy({ path in caches.contains { path.hasPrefix($0) } }) else {
                    throw refusal(step, "it removes files other than package caches")
                }
            default:
                throw refusal(step, "`\(program)` is not a step this engine can take as already done")
            }
        }
        return steps
    }

    private func checkApt(_ arguments: [String], _ step: Dockerfile.Instruction) throws {
        let words = arguments.filter { !$0.hasPrefix("-") }
        guard let action = words.first else { return }
        switch action {
        case "update", "upgrade", "dist-upgrade", "clean", "autoclean", "autoremove":
            return
        case "install":
            for package in words.dropFirst() {
                let name = String(package.prefix { $0 != "=" })
                guard machine.hasDebianPackage(name) else {
                    throw refusal(step, "the Debian package \(name) is not installed on this machine")
                }
            }
        default:
            throw refusal(step, "`apt-get \(action)` is not supported")
        }
    }

    private func checkPip(_ arguments: [String], _ step: Dockerfile.Instruction) throws {
        guard arguments.first == "install" else { throw refusal(step, "only `pip install` is supported") }
        var requirements: [String] = []
        var index = 1
        while index < arguments.count {
            let word = arguments[index]
            if word == "-r" || word == "--requirement" {
                guard index + 1 < arguments.count, let text = readContextFile(arguments[index + 1]) else {
                    throw refusal(step, "its requirements file is not in the build context")
                }
                requirements += text.split(separator: "\n").map { String($0.prefix { $0 != "#" }).trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty && !$0.hasPrefix("-") }
                index += 2
                continue
            }
            if !word.hasPrefix("-") { requirements.append(word) }
            index += 1
        }
        for requirement in requirements {
            let name = String(requirement.prefix { $0.isLetter || $0.isNumber || "-_.".contains($0) })
            if ["pip", "setuptools", "wheel"].contains(name.lowercased()) { continue }
            let module = Self.module(of: name)
            guard machine.hasPythonModule(module) else {
                throw refusal(step, "python3 here cannot import \(module) (from \(requirement))")
            }
        }
    }

    /// The module a PyPI distribution provides, for the names CTF images install whose module differs.
    static func module(of distribution: String) -> String {
        let known = [
            "pycryptodome": "Crypto", "pycryptodomex": "Cryptodome", "pwntools": "pwn", "pillow": "PIL",
            "beautifulsoup4": "bs4", "pyyaml": "yaml", "scikit-learn": "sklearn", "python-dateutil": "dateutil",
            "opencv-python": "cv2", "pyjwt": "jwt", "flask-sqlalchemy": "flask_sqlalchemy", "pyopenssl": "OpenSSL",
        ]
        let lowered = distribution.lowercased()
        return known[lowered] ?? lowered.replacingOccurrences(of: "-", with: "_")
    }

    private func refusal(_ step: Dockerfile.Instruction, _ why: String) -> ServiceUnsupported {
        ServiceUnsupported("needs `\(RunText.excerpt(step.text, limit: 120))` at build time (\(why))")
    }
}
