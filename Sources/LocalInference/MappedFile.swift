#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only memory mapping of a whole file; unmapped when released.
final class MappedFile: @unchecked Sendable {
    /// The first byte of the mapping (nil for an empty file).
    let base: UnsafeRawPointer?
    /// The size of the file in bytes.
    let count: Int

    /// Maps the file at `path` read-only.
    init(path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let err = errno
            if err == ENOENT || err == ENOTDIR {
                throw LocalInferenceError(.fileNotFound, "model file not found: \(path)")
            }
            throw LocalInferenceError(.ioError, "cannot open \(path): \(String(cString: strerror(err)))")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw LocalInferenceError(.ioError, "cannot stat \(path): \(String(cString: strerror(errno)))")
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw LocalInferenceError(.ioError, "not a regular file: \(path)")
        }
        count = Int(st.st_size)
        if count == 0 {
            base = nil
            return
        }
        let p = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let p, p != MAP_FAILED else {
            throw LocalInferenceError(.ioError, "cannot map \(path): \(String(cString: strerror(errno)))")
        }
        base = UnsafeRawPointer(p)
    }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), count) }
    }
}
