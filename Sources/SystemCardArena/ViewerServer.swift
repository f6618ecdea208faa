import Foundation
import Hummingbird
import NIOCore
import SystemCardKit

/// `systemcard view`: a read-only viewer of the store on 127.0.0.1 (runs, samples, transcripts, two runs side
/// by side). It has no accounts, so it listens only where it is told (loopback by default) and never writes.
public struct ViewerServer: Sendable {
    let store: any ResultStore
    let host: String
    let port: Int

    /// A viewer of `store` listening on `host:port` (port 0: any free port).
    public init(store: any ResultStore, host: String = "127.0.0.1", port: Int = 8081) {
        self.store = store
        self.host = host
        self.port = port
    }

    static func notFound(_ what: String) -> Response {
        ArenaServer.html(ViewerPages.page("Not found", "<h1>\(ViewerPages.e(what))</h1>"), status: .notFound)
    }

    /// Serves until cancelled; `onListening` gets the port.
    public func run(onListening: @escaping @Sendable (Int) -> Void) async throws {
        let router = Router()
        router.add(middleware: ArenaSecurityHeaders())
        router.get("/static/arena.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: ArenaPages.stylesheet)))
        }
        router.get("/") { _, _ in ArenaServer.html(ViewerPages.runs(try await store.runs())) }
        router.get("/runs/:id") { request, context in
            guard let id = context.parameters.get("id"), let run = try await store.run(id: id) else {
                return Self.notFound("No such run.")
            }
            let filter = request.uri.queryParameters.get("filter").flatMap(ViewerPages.Filter.init(rawValue:)) ?? .all
            return ArenaServer.html(ViewerPages.run(run, results: try await store.results(runID: run.id), filter: filter))
        }
        router.get("/runs/:id/samples/:sample/:epoch") { _, context in
            guard let id = context.parameters.get("id"), let run = try await store.run(id: id),
                let sample = context.parameters.get("sample"), let epoch = context.parameters.get("epoch", as: Int.self),
                let result = try await store.results(runID: run.id).first(where: { $0.sample.id == sample && $0.epoch == epoch })
            else { return Self.notFound("No such sample.") }
            return ArenaServer.html(ViewerPages.sample(run, result))
        }
        router.get("/compare") { request, _ in
            guard let a = request.uri.queryParameters.get("a"), let b = request.uri.queryParameters.get("b"),
                let first = try await store.run(id: a), let second = try await store.run(id: b)
            else { return Self.notFound("Give two run ids (or unique prefixes).") }
            let before = try await store.results(runID: first.id)
            let after = Dictionary(
                try await store.results(runID: second.id).map { ("\($0.sample.id)#\($0.epoch)", $0) }, uniquingKeysWith: { x, _ in x })
            let changed = before.compactMap { old -> (SampleResult, SampleResult)? in
                guard let new = after["\(old.sample.id)#\(old.epoch)"] else { return nil }
                let same = old.status == new.status && old.score?.value == new.score?.value && old.score?.label == new.score?.label
                return same ? nil : (old, new)
            }
            return ArenaServer.html(ViewerPages.compare(first, second, changed: changed))
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "systemcard-view"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) })
        try await app.runService()
    }
}
