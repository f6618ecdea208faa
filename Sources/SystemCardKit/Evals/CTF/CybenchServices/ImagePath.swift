/// Absolute paths inside a service's image, normalised (`.` and `..` resolved, never above `/`).
enum ImagePath {
    /// `path` made absolute against `directory` (an absolute image path) and normalised; a trailing `/` is kept.
    static func absolute(_ path: String, in directory: String) -> String {
        let joined = path.hasPrefix("/") ? path : directory + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        let normalised = "/" + parts.joined(separator: "/")
        return path.hasSuffix("/") && normalised != "/" ? normalised + "/" : normalised
    }

    /// The system folders of the sandbox, which a service cannot write into: `/usr` (but `/usr/local`),
    /// `/bin`, `/sbin`, `/lib*`, `/proc`, `/dev`, `/sys`.
    static func isSystem(_ path: String) -> Bool {
        let first = path.split(separator: "/").first.map(String.init) ?? ""
        if first == "usr" { return !(path == "/usr/local" || path.hasPrefix("/usr/local/")) }
        return ["bin", "sbin", "lib", "lib32", "lib64", "libx32", "proc", "dev", "sys"].contains(first)
    }
}
