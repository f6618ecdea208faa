import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A minimal W3C WebDriver client for headless Chromium (Debian's `chromium` and `chromium-driver`): start a
/// session, open pages, fill and submit forms, read the page and take screenshots.
final class WebDriver: @unchecked Sendable {
    static let driverPath = "/usr/bin/chromedriver"
    static let browserPath = "/usr/bin/chromium"
    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: driverPath) && FileManager.default.isExecutableFile(atPath: browserPath)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let process: Process
    let base: String
    let client: HTTPClient
    var session = ""
    let profile: URL

    /// Starts chromedriver on a free port and a headless browser session.
    init(client: HTTPClient, scratch: URL) async throws {
        self.client = client
        profile = scratch.appendingPathComponent("chromium-\(UUID().uuidString)")
        var started: (Process, Int)?
        for _ in 0..<5 where started == nil {
            let port = Int.random(in: 20_000...40_000)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.driverPath)
            process.arguments = ["--port=\(port)"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            for _ in 0..<100 {
                if (try? await client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/status"), timeout: .seconds(2))) != nil {
                    started = (process, port)
                    break
                }
                if !process.isRunning { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            if started == nil { process.terminate() }
        }
        guard let (process, port) = started else { throw Failure(description: "chromedriver did not start") }
        self.process = process
        base = "http://127.0.0.1:\(port)"
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "goog:chromeOptions": [
                        "binary": Self.browserPath,
                        "args": [
                            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--window-size=1280,900", "--user-data-dir=\(profile.path)",
                        ],
                    ],
                ]
            ]
        ]
        let value = try await command("POST", "/session", capabilities)
        guard let id = (value as? [String: Any])?["sessionId"] as? String else {
            throw Failure(description: "no session: \(String(describing: value))")
        }
        session = id
    }

    /// Ends the session and the driver.
    func quit() async {
        _ = try? await command("DELETE", "/session/\(session)", nil)
        process.terminate()
        try? FileManager.default.removeItem(at: profile)
    }

    @discardableResult
    func command(_ method: String, _ path: String, _ body: [String: Any]?) async throws -> Any? {
        var request = HTTPClientRequest(url: base + path)
        request.method = .init(rawValue: method)
        request.headers.add(name: "Content-Type", value: "application/json")
        if let body { request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body))) }
        else if method == "POST" { request.body = .bytes(ByteBuffer(string: "{}")) }
        let response = try await client.execute(request, timeout: .seconds(60))
        let data = try await response.body.collect(upTo: 32 << 20)
        let object = try JSONSerialization.jsonObject(with: Data(data.readableBytesView)) as? [String: Any]
        let value = object?["value"]
        if response.status.code >= 400 {
            let error = (value as? [String: Any])?["error"] as? String ?? "HTTP \(response.status.code)"
            throw Failure(description: error)
        }
        return value
    }

    func open(_ url: String) async throws {
        try await command("POST", "/session/\(session)/url", ["url": url])
    }

    func element(_ selector: String) async throws -> String {
        let value = try await command("POST", "/session/\(session)/element", ["using": "css selector", "value": selector])
        guard let id = (value as? [String: Any])?.values.first as? String else {
            throw Failure(description: "no element \(selector)")
        }
        return id
    }

    func type(_ selector: String, _ text: String) async throws {
        try await command("POST", "/session/\(session)/element/\(try await element(selector))/value", ["text": text])
    }

    func click(_ selector: String) async throws {
        try await command("POST", "/session/\(session)/element/\(try await element(selector))/click", [:])
    }

    var source: String {
        get async throws { (try await command("GET", "/session/\(session)/source", nil) as? String) ?? "" }
    }

    /// The page source once it contains `text` (a submitted form's next page may still be loading), or the last
    /// source after `seconds`.
    func source(containing text: String, seconds: Double = 15) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(seconds)
        var page = try await source
        while !page.contains(text) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            page = try await source
        }
        return page
    }

    var url: String {
        get async throws { (try await command("GET", "/session/\(session)/url", nil) as? String) ?? "" }
    }

    /// The text of an open alert, or nil when none is open (no script ran).
    var alert: String? {
        get async {
            (try? await command("GET", "/session/\(session)/alert/text", nil)) as? String
        }
    }

    func deleteCookies() async throws {
        try await command("DELETE", "/session/\(session)/cookie", nil)
    }

    /// A PNG of the page.
    func screenshot() async throws -> Data {
        guard let text = try await command("GET", "/session/\(session)/screenshot", nil) as? String,
            let data = Data(base64Encoded: text)
        else { throw Failure(description: "no screenshot") }
        return data
    }
}
