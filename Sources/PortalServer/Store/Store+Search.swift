import Foundation
import CSQLite
import SQLKit
import VietText

/// The diacritic-insensitive search of a list's `text`: every word must appear, as a run of
/// characters, in the item's search text (`searchText`: title, sapo and body, diacritics and
/// case taken off).
///
/// PostgreSQL keeps that text in `submissions.search_text` (TOAST compresses it) and matches with
/// LIKE. SQLite keeps no copy of it (migration 18): it was the largest part of the file after the
/// bodies themselves, so the function `bientap_search` works it out from the row as a search reads
/// it, by the same code, so that a search finds what it found before (Docs/performance.md).
extension Store {
    /// Whether this store keeps a copy of each item's search text (PostgreSQL) or works it out
    /// as a search reads (SQLite).
    var keepsSearchText: Bool { dialect == .postgres }

    /// What `search_text` holds for a text with these facts: nothing on SQLite.
    func storedSearchText(_ facts: TextFacts) -> String {
        keepsSearchText ? facts.searchText : ""
    }

    /// The condition, starting " AND", that `words` (already search keys) all appear in the item `s`.
    func searchCondition(_ words: [String]) -> SQLQueryString {
        guard !words.isEmpty else { return "" }
        switch dialect {
        case .sqlite:
            var call = SQLQueryString(" AND \(unsafeRaw: Self.searchFunctionName)(s.title, s.sapo, s.body")
            for word in words { call = call + ", \(bind: word)" }
            return call + ") = 1"
        case .postgres:
            var condition = SQLQueryString("")
            for word in words {
                // LIKE's own wildcards in a term are matched literally.
                let escaped = word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                    .replacingOccurrences(of: "_", with: "\\_")
                condition = condition + " AND s.search_text LIKE \(bind: "%" + escaped + "%") ESCAPE '\\'"
            }
            return condition
        }
    }

    static let searchFunctionName = "bientap_search"
    /// How a statement that calls it reads, byte for byte (`SQLiteDatabase` runs those off the
    /// cooperative threads).
    static let searchFunctionCall = Array((searchFunctionName + "(").utf8)

    /// Installs `bientap_search(title, sapo, body, word…)` on an SQLite connection: 1 when every
    /// word is in the text's search text, byte for byte (LIKE '%word%' on a text and words both
    /// lower-cased), else 0. It reads SQLite's bytes where they are, making no Swift string.
    static func installSearchFunction(on connection: SQLiteConnection) throws {
        try connection.withHandle { handle in
            let status = sqlite3_create_function_v2(handle, searchFunctionName, -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil,
                                                    searchFunctionBody, nil, nil, nil)
            guard status == SQLITE_OK else { throw SQLiteConnection.error(status, handle, or: "cannot install \(searchFunctionName)") }
        }
    }

    private static let searchFunctionBody: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = {
        context, count, values in
        guard let context else { return }
        guard count >= 3, let values else { return sqlite3_result_int(context, 0) }
        // A value's text as SQLite holds it (NULL reads as empty).
        func utf8(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            let value = values[index]
            guard let text = sqlite3_value_text(value) else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(start: text, count: Int(sqlite3_value_bytes(value)))
        }
        // The search text, as `searchText` joins it.
        var text: [UInt8] = []
        for index in 0..<3 {
            if index > 0 { text.append(UInt8(ascii: "\n")) }
            SearchKeyTable.shared.appendKey(ofUTF8: utf8(index), to: &text)
        }
        for index in 3..<Int(count) where !text.withUnsafeBufferPointer({ contains($0, utf8(index)) }) {
            return sqlite3_result_int(context, 0)
        }
        sqlite3_result_int(context, 1)
    }

    /// Whether `part` occurs in `whole` as a run of bytes.
    static func contains(_ whole: [UInt8], _ part: [UInt8]) -> Bool {
        whole.withUnsafeBufferPointer { whole in part.withUnsafeBufferPointer { part in contains(whole, part) } }
    }

    static func contains(_ whole: UnsafeBufferPointer<UInt8>, _ part: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = part.first else { return true }
        guard part.count <= whole.count, let text = whole.baseAddress, let word = part.baseAddress else { return false }
        var start = 0
        let last = whole.count - part.count
        while start <= last {
            // The next place the word's first byte is, then the rest compared there.
            guard let found = memchr(text + start, Int32(first), last - start + 1) else { return false }
            start = UnsafeRawPointer(text).distance(to: UnsafeRawPointer(found))
            if memcmp(text + start, word, part.count) == 0 { return true }
            start += 1
        }
        return false
    }

    /// Inside migration 18's transaction: SQLite's copies of the search text go (the function
    /// works it out); PostgreSQL keeps its own.
    func dropStoredSearchText() async throws {
        guard dialect == .sqlite else { return }
        try await sql.raw("UPDATE submissions SET search_text = '' WHERE search_text <> ''").run()
    }
}

/// `Diacritics.searchKey` a character at a time, from a table the function itself filled: it strips
/// and lower-cases each character on its own, so a text's key is its characters' keys one after
/// another. A search reads every row it filters, and making Swift strings of each was 30 times
/// slower than LIKE on a stored copy; the table gives the same bytes without them.
struct SearchKeyTable: Sendable {
    static let shared = SearchKeyTable()
    /// Characters below this (Latin, Vietnamese, general punctuation) are in the table; others,
    /// rare in the portal's text, are worked out as met.
    private static let limit: UInt32 = 0x2100
    /// The key of character c is `bytes[starts[c]..<starts[c + 1]]`.
    private let starts: [Int]
    private let bytes: [UInt8]
    /// The most bytes one character's key takes in the table (a character takes at least one).
    private let longest: Int

    private init() {
        var starts: [Int] = [], bytes: [UInt8] = []
        for value in 0..<Self.limit {
            starts.append(bytes.count)
            if let scalar = Unicode.Scalar(value) { bytes += Diacritics.searchKey(String(Character(scalar))).utf8 }
        }
        starts.append(bytes.count)
        self.starts = starts
        self.bytes = bytes
        longest = zip(starts.dropFirst(), starts).map { $0 - $1 }.max() ?? 1
    }

    /// Appends the search key of `text` to `key`.
    func appendKey(of text: String, to key: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendKey(ofUTF8: $0, to: &key) }
    }

    /// Appends the search key of the text whose UTF-8 is `utf8` to `key`. Bytes that are not
    /// UTF-8 (a file another program wrote) give some key, never a trap.
    func appendKey(ofUTF8 utf8: UnsafeBufferPointer<UInt8>, to key: inout [UInt8]) {
        // Room for the longest a key of this text can be in the table's terms; a character
        // beyond the table whose key would not fit sends the whole text the slow way.
        let room = utf8.count * longest + 1
        let made = [UInt8](unsafeUninitializedCapacity: room) { out, count in
            count = 0
            bytes.withUnsafeBufferPointer { table in
                starts.withUnsafeBufferPointer { starts in
                    var index = 0
                    while index < utf8.count {
                        let lead = utf8[index]
                        if lead < 0x80 {
                            out[count] = lead &- UInt8(ascii: "A") < 26 ? lead | 0x20 : lead
                            count += 1
                            index += 1
                            continue
                        }
                        // The lead byte says how many follow (bytes that are not UTF-8 make some value, in bounds).
                        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                        for next in 1..<length where index + next < utf8.count { value = value << 6 | UInt32(utf8[index + next] & 0x3F) }
                        index += length
                        if value < Self.limit {
                            for at in starts[Int(value)]..<starts[Int(value) + 1] {
                                out[count] = table[at]
                                count += 1
                            }
                        } else {
                            let far = Unicode.Scalar(value).map { Diacritics.searchKey(String(Character($0))) } ?? ""
                            guard count + far.utf8.count <= room else { count = -1; return }
                            for byte in far.utf8 {
                                out[count] = byte
                                count += 1
                            }
                        }
                    }
                }
            }
            if count < 0 { count = 0 }
        }
        if made.isEmpty && !utf8.isEmpty {
            key += Diacritics.searchKey(String(decoding: utf8, as: UTF8.self)).utf8
        } else {
            key += made
        }
    }
}
