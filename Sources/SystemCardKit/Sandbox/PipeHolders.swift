import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The processes that hold a pipe open, found by the pipe's inode in every process's open files (`/proc/N/fd`).
///
/// After a timed-out or cancelled command is killed, anything still writing to its output is a process of that
/// command that escaped the kill (see ``BubblewrapSandbox/stop(_:)``): a service or another command has
/// pipes of its own, so this finds the command's processes and nothing else.
enum PipeHolders {
    /// The inode of the pipe behind `descriptor`.
    static func inode(ofDescriptor descriptor: Int32) -> UInt64? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFIFO else { return nil }
        return UInt64(status.st_ino)
    }

    /// Kills (SIGKILL) every process but this one that holds one of the pipes `inodes`; returns how many.
    @discardableResult
    static func kill(holding inodes: Set<UInt64>) -> Int {
        guard !inodes.isEmpty else { return 0 }
        let names = Set(inodes.map { "pipe:[\($0)]" })
        let me = getpid()
        var killed = 0
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in processes {
            guard let pid = Int32(entry), pid != me else { continue }
            let folder = "/proc/\(entry)/fd"
            guard let descriptors = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            let holds = descriptors.contains { descriptor in
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(folder)/\(descriptor)")).map(names.contains) ?? false
            }
            if holds, Glibc.kill(pid, SIGKILL) == 0 { killed += 1 }
        }
        return killed
    }
}
