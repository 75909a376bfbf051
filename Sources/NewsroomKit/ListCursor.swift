import Foundation

/// The orders a submission list can take: a column, rising or falling, ties broken by id
/// in the same direction. On the wire `received` is oldest first, `-received` newest first.
public struct ListSort: Sendable, Hashable {
    public enum Key: String, Sendable, CaseIterable {
        case received, updated, words
    }

    public var key: Key
    public var descending: Bool

    public init(_ key: Key, descending: Bool) {
        self.key = key
        self.descending = descending
    }

    /// Newest first: the default.
    public static let newest = ListSort(.received, descending: true)

    public init?(_ text: String) {
        let descending = text.hasPrefix("-")
        guard let key = Key(rawValue: String(descending ? text.dropFirst() : Substring(text))) else { return nil }
        self.init(key, descending: descending)
    }

    public var text: String { (descending ? "-" : "") + key.rawValue }
}

/// Keyset position in a list: the sort column's value and the id of the last item
/// seen, carried by clients as an opaque URL-safe string that also names its order.
public struct ListCursor: Sendable, Hashable {
    public var sort: ListSort
    /// The sort column's value (epoch milliseconds for times, a count for words).
    public var key: Int64
    public var id: Int64

    public init(sort: ListSort = .newest, key: Int64, id: Int64) {
        self.sort = sort
        self.key = key
        self.id = id
    }

    /// URL-safe base64 of "sort:key:id", without padding; written by hand, as every list
    /// page with a next page carries one (Foundation's encoder and three replacements were
    /// 6 % of an uncached page's CPU).
    public var encoded: String {
        let alphabet = Self.alphabet
        let raw = Array("\(sort.text):\(key):\(id)".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((raw.count + 2) / 3 * 4)
        for start in stride(from: 0, to: raw.count, by: 3) {
            let count = min(3, raw.count - start)
            var group = UInt32(raw[start]) << 16
            if count > 1 { group |= UInt32(raw[start + 1]) << 8 }
            if count > 2 { group |= UInt32(raw[start + 2]) }
            for shift in [18, 12, 6, 0].prefix(count + 1) {
                out.append(alphabet[Int(group >> UInt32(shift) & 63)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// base64url's letters, made once.
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Decodes a cursor made by `encoded`; nil for anything else.
    public init?(encoded: String) {
        var b64 = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b64.count % 4 != 0 { b64 += "=" }
        guard let data = Data(base64Encoded: b64), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, let sort = ListSort(String(parts[0])), let key = Int64(parts[1]), let id = Int64(parts[2]) else { return nil }
        self.init(sort: sort, key: key, id: id)
    }
}
