import Foundation

/// A throwaway PostgreSQL server for tests, started once per test process from Debian's `postgresql` binaries:
/// `initdb` in a temporary folder, `postgres` on a free loopback port (trust authentication, fsync off), stopped
/// and its folder removed when the test process ends (a watcher shell polls the process). As root, the server runs
/// as the `postgres` user (PostgreSQL refuses root). Each test takes its own database (``makeDatabase()``).
public final class PostgresTestServer: Sendable {
    /// The port on 127.0.0.1.
    public let port: Int
    let binaries: URL

    /// The server of this test process, or why none could be started (then tests that need it skip, saying so).
    public static let shared: Result<PostgresTestServer, PostgresTestServerError> = Result { try start() }
        .mapError { $0 as? PostgresTestServerError ?? PostgresTestServerError(reason: "\($0)") }

    /// True when ``shared`` started.
    public static var isAvailable: Bool { (try? shared.get()) != nil }

    /// True when PostgreSQL's server binaries are installed here.
    public static var isInstalled: Bool { findBinaries() != nil }

    private init(port: Int, binaries: URL) {
        self.port = port
        self.binaries = binaries
    }

    /// Creates a fresh, empty database and returns its URL (`postgres://systemcard@127.0.0.1:PORT/NAME?sslmode=disable`).
    public func makeDatabase() throws -> String {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try Self.run([
            binaries.appendingPathComponent("createdb").path, "-h", "127.0.0.1", "-p", String(port), "-U", "systemcard",
            name,
        ])
        return "postgres://systemcard@127.0.0.1:\(port)/\(name)?sslmode=disable"
    }

    static func start() throws -> PostgresTestServer {
        guard let binaries = findBinaries() else {
            throw PostgresTestServerError(
                reason: "PostgreSQL's initdb was not found (install Debian's postgresql package: apt-get install postgresql)")
        }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("systemcard-pg-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var runAs: [String] = []
        if geteuid() == 0 {
            guard let user = getpwnam("postgres") ?? getpwnam("nobody") else {
                throw PostgresTestServerError(reason: "running as root and no postgres or nobody user to run the server as")
            }
            let uid = user.pointee.pw_uid
            let gid = user.pointee.pw_gid
            guard chown(folder.path, uid, gid) == 0 else {
                throw PostgresTestServerError(reason: "cannot give \(folder.path) to the postgres user")
            }
            runAs = ["/usr/bin/setpriv", "--reuid=\(uid)", "--regid=\(gid)", "--clear-groups"]
        }
        let data = folder.appendingPathComponent("data").path
        try run(
            runAs + [binaries.appendingPathComponent("initdb").path, "-D", data, "-U", "systemcard", "--auth=trust",
                     "-E", "UTF8", "--no-sync", "--locale=C"])
        let port = try freePort()
        // The server lives as long as this process: the shell stops it and removes the folder once we are gone.
        let script = """
            "$1" -D "$2" -p "$3" -k "$4" -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
              -c full_page_writes=off -c max_connections=300 >"$4/server.log" 2>&1 &
            server=$!
            while [ -d "/proc/$5" ] && kill -0 "$server" 2>/dev/null; do sleep 0.5; done
            kill -INT "$server" 2>/dev/null; wait "$server"; rm -rf "$4"
            """
        let watcher = Process()
        watcher.executableURL = URL(fileURLWithPath: runAs.isEmpty ? "/bin/sh" : runAs[0])
        watcher.arguments = Array(runAs.dropFirst()) + (runAs.isEmpty ? [] : ["/bin/sh"]) + [
            "-c", script, "sh", binaries.appendingPathComponent("postgres").path, data, String(port), folder.path,
            String(getpid()),
        ]
        watcher.standardOutput = FileHandle.nullDevice
        watcher.standardError = FileHandle.nullDevice
        try watcher.run()
        let ready = Date().addingTimeInterval(30)
        while Date() < ready {
            if (try? run([binaries.appendingPathComponent("pg_isready").path, "-q", "-h", "127.0.0.1", "-p", String(port)]))
                != nil
            {
                return PostgresTestServer(port: port, binaries: binaries)
            }
            guard watcher.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let log = (try? String(contentsOfFile: folder.appendingPathComponent("server.log").path, encoding: .utf8)) ?? ""
        throw PostgresTestServerError(reason: "the PostgreSQL server did not start: \(log.suffix(400))")
    }

    /// The folder of `initdb`, `postgres`, `createdb` and `pg_isready`: on `PATH`, else the newest
    /// `/usr/lib/postgresql/N/bin`.
    static func findBinaries() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        var candidates = path.split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        candidates += versions.compactMap(Int.init).sorted(by: >).map {
            URL(fileURLWithPath: "/usr/lib/postgresql/\($0)/bin")
        }
        for folder in candidates where FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("initdb").path) {
            let resolved = folder.appendingPathComponent("initdb").resolvingSymlinksInPath().deletingLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: resolved.appendingPathComponent("postgres").path) { return resolved }
        }
        return nil
    }

    /// A port nobody listens on now (the kernel's choice for port 0).
    static func freePort() throws -> Int {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw PostgresTestServerError(reason: "cannot open a socket") }
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socketFD, pointer, length) == 0 && getsockname(socketFD, pointer, &length) == 0
            }
        }
        guard bound else { throw PostgresTestServerError(reason: "cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Runs a command to its end; throws with its output when it fails.
    @discardableResult
    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw PostgresTestServerError(
                reason: "\(URL(fileURLWithPath: arguments[0]).lastPathComponent) failed: \(text.suffix(400))")
        }
        return text
    }
}

/// Why the test PostgreSQL server could not be started.
public struct PostgresTestServerError: Error, Sendable, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}
