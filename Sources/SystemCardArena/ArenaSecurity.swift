import Crypto
import Foundation
import HummingbirdBcrypt

/// The arena's secrets: random tokens for sessions, invitations and CSRF, stored only as SHA-256 hashes;
/// passwords as bcrypt hashes; comparisons in constant time.
enum ArenaSecurity {
    /// 32 random bytes, base64url without padding (43 characters).
    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The hash a token is stored and looked up by.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func hashPassword(_ password: String, cost: UInt8) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// Equal strings, compared in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }

    /// Passwords of at least 10 characters, not all one character.
    static func passwordProblem(_ password: String) -> String? {
        if password.count < 10 { return "The password needs at least 10 characters." }
        if Set(password).count < 4 { return "The password needs more different characters." }
        return nil
    }

    /// Names of 2–40 letters, digits, dots, dashes and underscores.
    static func nameProblem(_ name: String) -> String? {
        let allowed = name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0) }
        return (2...40).contains(name.count) && allowed ? nil : "Names have 2 to 40 letters, digits, dots, dashes or underscores."
    }
}
