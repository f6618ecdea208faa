/// One change a service's Dockerfile makes to its image that is reproduced when the service's files are laid
/// out (in order): a copy from the build context, a folder made, a mode changed.
enum ImageStep: Codable, Hashable, Sendable {
    /// A file, or a folder's contents, copied from `source` (a host path in the task folder) to `destination`
    /// (an absolute path in the image).
    case copy(source: String, destination: String)
    /// `mkdir -p` of an absolute image path (also what `WORKDIR` does).
    case makeDirectory(String)
    /// `chmod [-R] mode path` on an absolute image path.
    case changeMode(mode: String, path: String, recursive: Bool)
}
