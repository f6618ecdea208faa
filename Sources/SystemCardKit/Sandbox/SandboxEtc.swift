import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The `/etc` every sandbox command sees: a copy, made once per engine process, of the few files of the machine's
/// `/etc` that programs need (``BubblewrapSandbox/etcFiles``) and a `hosts` file naming `localhost` and `sandbox`,
/// bound read-only as one folder. Bound file by file it took 17 mounts per command (about 4 ms of its start);
/// the copy takes a few milliseconds once.
enum SandboxEtc {
    /// The copy, or nil when it cannot be made (then the files are bound one by one, as they are for services).
    static let folder: URL? = make()

    /// What `/etc/hosts` says in a sandbox without a shared network (a shared one binds its own over it).
    static let hosts = "127.0.0.1\tlocalhost sandbox\n::1\tlocalhost\n"

    private static func make() -> URL? {
        let manager = FileManager.default
        removeLeftovers(in: manager.temporaryDirectory)
        var template = Array(
            manager.temporaryDirectory.appendingPathComponent("systemcard-etc-\(getpid())-XXXXXX").path.utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else { return nil }
        let folder = URL(fileURLWithPath: String(cString: made))
        do {
            for file in BubblewrapSandbox.etcFiles {
                var status = stat()
                guard lstat(file, &status) == 0 else { continue }
                let relative = String(file.dropFirst("/etc/".count))
                let target = folder.appendingPathComponent(relative)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try copy(file, to: target.path)
            }
            try Data(hosts.utf8).write(to: folder.appendingPathComponent("hosts"))
            chmod(folder.appendingPathComponent("hosts").path, 0o644)
            chmod(folder.path, 0o755)
            atexit { SandboxEtc.remove() }
            return folder
        } catch {
            try? manager.removeItem(at: folder)
            return nil
        }
    }

    /// Copies `source` to `target` as it is: a folder with its contents, a link as a link, a file as a hard link
    /// where the file system allows (the same bytes, read-only in the sandbox) or else its bytes; modes kept.
    /// (FileManager's `copyItem` took about half a second for these ~540 entries.)
    static func copy(_ source: String, to target: String) throws {
        var status = stat()
        guard lstat(source, &status) == 0 else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: source]) }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            guard mkdir(target, status.st_mode & 0o7777) == 0 || errno == EEXIST else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
            for name in try FileManager.default.contentsOfDirectory(atPath: source) {
                try copy(source + "/" + name, to: target + "/" + name)
            }
            chmod(target, status.st_mode & 0o7777)
        case S_IFLNK:
            let destination = try FileManager.default.destinationOfSymbolicLink(atPath: source)
            guard symlink(destination, target) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        case S_IFREG:
            if link(source, target) == 0 { return }
            let data = try Data(contentsOf: URL(fileURLWithPath: source))
            guard FileManager.default.createFile(atPath: target, contents: data) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target])
            }
            chmod(target, status.st_mode & 0o7777)
        default:
            return  // nothing else belongs in these folders
        }
    }

    /// Removes the copies of engine processes that ended without removing theirs (killed).
    static func removeLeftovers(in folder: URL) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let parts = name.split(separator: "-")
            guard parts.count == 4, name.hasPrefix("systemcard-etc-"), let pid = Int32(parts[2]),
                pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// Removes the copy (at the engine's exit).
    static func remove() {
        guard let folder else { return }
        try? FileManager.default.removeItem(at: folder)
    }
}
