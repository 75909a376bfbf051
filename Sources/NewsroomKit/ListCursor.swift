import Foundation

/// Keyset position in a list ordered by (received_at DESC, id DESC),
/// carried by clients as an opaque URL-safe string.
public struct ListCursor: Sendable, Hashable {
    public var receivedAt: Date
    public var id: Int64

    public init(receivedAt: Date, id: Int64) {
        self.receivedAt = receivedAt
        self.id = id
    }

    public var encoded: String {
        let millis = Int64((receivedAt.timeIntervalSince1970 * 1000).rounded())
        let raw = Data("\(millis):\(id)".utf8).base64EncodedString()
        return raw.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Decodes a cursor made by `encoded`; nil for anything else.
    public init?(encoded: String) {
        var b64 = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b64.count % 4 != 0 { b64 += "=" }
        guard let data = Data(base64Encoded: b64), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: ":")
        guard parts.count == 2, let millis = Int64(parts[0]), let id = Int64(parts[1]) else { return nil }
        self.receivedAt = Date(timeIntervalSince1970: Double(millis) / 1000)
        self.id = id
    }
}
