import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Zstandard frames decoded by the system library, loaded when first needed.
enum Zstandard {
    typealias Decompress = @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeRawPointer?, Int) -> Int
    typealias IsError = @convention(c) (Int) -> UInt32

    static let library: (Decompress, IsError)? = {
        for name in ["libzstd.so.1", "libzstd.so"] {
            guard let handle = dlopen(name, RTLD_NOW) else { continue }
            guard let decompress = dlsym(handle, "ZSTD_decompress"), let isError = dlsym(handle, "ZSTD_isError") else {
                continue
            }
            return (unsafeBitCast(decompress, to: Decompress.self), unsafeBitCast(isError, to: IsError.self))
        }
        return nil
    }()

    static func decompress(_ input: [UInt8], size: Int) throws -> [UInt8] {
        guard let (decompress, isError) = library else {
            throw ZipArchive.Failure(description: "Zstandard-compressed entry, and libzstd.so.1 is not installed (apt install libzstd1)")
        }
        var output = [UInt8](repeating: 0, count: max(size, 1))
        let written = output.withUnsafeMutableBytes { out in
            input.withUnsafeBytes { decompress(out.baseAddress, size, $0.baseAddress, input.count) }
        }
        guard isError(written) == 0 else { throw ZipArchive.Failure(description: "corrupt Zstandard data") }
        return Array(output.prefix(written))
    }
}
