import Foundation
import Hummingbird

/// A query string read as HTML forms and `curl --data-urlencode` write it: `+` is a
/// space and `%2B` a plus (Hummingbird's own reading leaves `+` as it is, so a search
/// for "Lý+Sơn" looked for a plus sign).
struct QueryParameters {
    private var pairs: [(name: String, value: String)] = []

    init(_ request: Request) {
        self.init(query: request.uri.query ?? "")
    }

    init(query: String) {
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let rawName = pieces.first else { continue }
            let name = Self.decode(rawName), value = pieces.count > 1 ? Self.decode(pieces[1]) : ""
            pairs.append((name, value))
        }
    }

    /// The first value of `name`.
    subscript(_ name: some StringProtocol) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value of `name`, in order (`status=a&status=b`).
    subscript(values name: some StringProtocol) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// `+` as a space, then percent escapes; a malformed escape is kept as written.
    private static func decode(_ text: Substring) -> String {
        // Most names and values have neither, and Foundation's two passes were a twentieth of
        // an uncached list's time.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) else { return String(text) }
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

extension QueryParameters {
    /// The `format` a request asks for: one of `formats`, the first when it names none; 400 for
    /// another (`format=xml` was once answered as JSON).
    func format(among formats: String...) throws -> String {
        guard let asked = self["format"] else { return formats[0] }
        guard formats.contains(asked) else { throw APIFailure(.invalidField, detail: "format: " + formats.joined(separator: " or ")) }
        return asked
    }
}
