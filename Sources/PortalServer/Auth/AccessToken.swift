import Crypto
import Foundation

/// Bearer tokens: 256 random bits shown once to the user, stored only as a SHA-256 hash.
public enum AccessToken {
    /// Every token starts with this: one that began with "-" (1 in 64 of
    /// bare base64url) read as an option on a command line (`--token -x…`),
    /// and a fixed prefix lets secret scanners recognise a leaked token.
    public static let prefix = "bt_"

    /// A fresh token: the prefix, then URL-safe base64 without padding (46 characters in all).
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return prefix + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Lower-case hex SHA-256 of the token, as stored in `tokens.token_hash`.
    public static func hash<Token: StringProtocol>(_ token: Token) -> String {
        // Straight from the string's own bytes where it keeps them together (a native string does).
        let digest = token.utf8.withContiguousStorageIfAvailable { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
            ?? SHA256.hash(data: Array(token.utf8))
        return Hex.string(digest)
    }
}
