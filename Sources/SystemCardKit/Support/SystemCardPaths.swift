import Foundation

/// Default locations: everything lives under `~/.systemcard` unless `SYSTEMCARD_HOME` says otherwise.
public enum SystemCardPaths {
    static func home(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let home = environment["SYSTEMCARD_HOME"], !home.isEmpty { return URL(fileURLWithPath: home) }
        let userHome = environment["HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return userHome.appendingPathComponent(".systemcard")
    }

    /// The default database, `~/.systemcard/systemcard.sqlite`.
    public static func defaultDatabase(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        home(environment: environment).appendingPathComponent("systemcard.sqlite")
    }
}
