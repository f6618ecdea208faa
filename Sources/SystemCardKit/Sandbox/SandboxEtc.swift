import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The `/etc` every sandbox command sees: a copy, made once per engine process, of the few files of the machine's
/// `/etc` that programs need (``BubblewrapSandbox/etcFiles``) and a `hosts` file naming `localhost` and `sandbox`,
/// bound read-only as one folder. Bound file by file it took 17 mounts per command (about 4 ms of its start);
/// the copy takes about 0.1 s once. It is removed at exit; the engine holds a lock on it meanwhile, so the copy
/// of an engine that was killed is found and removed by the next one.
final class SandboxEtc: Sendable {
    /// The engine's copy, in the temporary folder, removed at exit.
    static let shared: SandboxEtc = {
        atexit { SandboxEtc.shared.remove() }
        return SandboxEtc(parent: FileManager.default.temporaryDirectory)
    }()

    /// Where the copy is made.
    let parent: URL
    /// The copy and the descriptor that holds its lock (`flock`: the copy is in use while this engine runs).
    private let state = Mutex<(folder: URL?, lock: Int32)>((nil, -1))

    init(parent: URL) {
        self.parent = parent
    }

    /// The copy, made at first use and made again if something removed it (a cleaner of old temporary files);
    /// nil when it cannot be made (then the files are bound one by one, as they are for services).
    var folder: URL? {
        state.withLock { state in
            if let folder = state.folder, access(folder.appendingPathComponent("hosts").path, F_OK) == 0 { return folder }
            if let folder = state.folder {
                try? FileManager.default.removeItem(at: folder)
                close(state.lock)
                state = (nil, -1)
            }
            if let made = Self.make(in: parent) { state = made }
            return state.folder
        }
    }

    /// What `/etc/hosts` says in a sandbox without a shared network (a shared one binds its own over it).
    static let hosts = "127.0.0.1\tlocalhost sandbox\n::1\tlocalhost\n"

    private static func make(in parent: URL) -> (URL, Int32)? {
        let manager = FileManager.default
        removeLeftovers(in: parent)
        var template = Array(parent.appendingPathComponent("systemcard-etc-\(getpid())-XXXXXX").path.utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else { return nil }
        let folder = URL(fileURLWithPath: String(cString: made))
        let lock = open(folder.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        do {
            guard lock >= 0, flock(lock, LOCK_EX | LOCK_NB) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
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
            return (folder, lock)
        } catch {
            try? manager.removeItem(at: folder)
            if lock >= 0 { close(lock) }
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

    /// Removes the copies no engine holds any more (their engine was killed before it could): those this user owns
    /// whose lock can be taken, at least a minute old (one just made may not be locked yet). The lock, not the
    /// process id in the name, decides: an engine in another PID namespace may share the temporary folder.
    static func removeLeftovers(in folder: URL) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix("systemcard-etc-") {
            let path = folder.appendingPathComponent(name).path
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR, status.st_uid == geteuid(),
                time(nil) - status.st_mtim.tv_sec >= 60
            else { continue }
            let lock = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard lock >= 0 else { continue }
            defer { close(lock) }
            if flock(lock, LOCK_EX | LOCK_NB) == 0 { try? FileManager.default.removeItem(atPath: path) }
        }
    }

    /// Removes the copy (at the engine's exit; never waiting for a thread that is making one).
    func remove() {
        _ = state.withLockIfAvailable { state in
            if let folder = state.folder { try? FileManager.default.removeItem(at: folder) }
            if state.lock >= 0 { close(state.lock) }
            state = (nil, -1)
        }
    }
}
