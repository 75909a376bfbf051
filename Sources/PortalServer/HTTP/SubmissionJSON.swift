import Foundation
import NewsroomKit
import NIOCore

/// A whole submission written straight to bytes, as `SummaryJSON` writes a list: the item
/// by id is read far more often than it is saved, and Foundation's encoder was most of
/// its time after the database. Byte for byte `WireFormat.encoder()`'s output (a test
/// holds the two together); co-authors, photos and a grading, which few items have and
/// whose shapes are richer, are left to that encoder and spliced in.
enum SubmissionJSON {
    static func write(_ item: Submission) throws -> ByteBuffer {
        try write(StoredSubmission(item))
    }

    /// The item with its body and sapo as the store read them: bytes from SQLite go to the
    /// answer with no `String` made between (see `StoredText`).
    static func write(_ stored: StoredSubmission) throws -> ByteBuffer {
        let item = stored.rest
        var out: [UInt8] = []
        out.reserveCapacity(stored.body.utf8Count + stored.sapo.utf8Count + 1024)
        let s = item.summary
        SummaryJSON.key("attachments", first: true, &out); try encoded(item.attachments, &out)
        SummaryJSON.key("author_share", &out); SummaryJSON.integer(Int64(item.authorShare), to: &out)
        SummaryJSON.key("body", &out); text(stored.body, &out)
        SummaryJSON.key("category", &out); SummaryJSON.string(s.category.rawValue, to: &out)
        SummaryJSON.key("channels", &out)
        out.append(UInt8(ascii: "["))
        for (i, channel) in item.channels.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            SummaryJSON.string(channel, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        SummaryJSON.key("co_authors", &out); try encoded(item.coAuthors, &out)
        var failure: (any Error)?
        SummaryJSON.middle(s, &out) { out in
            guard let grading = item.grading else { return }
            SummaryJSON.key("grading", &out)
            do { try encoded(grading, &out) } catch { failure = error }
        }
        if let failure { throw failure }
        SummaryJSON.key("sapo", &out); text(stored.sapo, &out)
        SummaryJSON.site(s.site, &out)
        if let message = item.socialMessage { SummaryJSON.key("social_message", &out); SummaryJSON.string(message, to: &out) }
        SummaryJSON.end(s, &out)
        return ByteBuffer(bytes: out)
    }

    /// A text as a JSON string. Bytes that are valid UTF-8 are escaped as `SummaryJSON.string`
    /// escapes a string's, in the same pass that checks them; others (rare: a file another
    /// program wrote) are read as `String(decoding:as:)` reads them, U+FFFD in place of what is
    /// not UTF-8, and written from that string, so that the answer is the one the string gives.
    static func text(_ text: StoredText, _ out: inout [UInt8]) {
        switch text {
        case .string(let string):
            SummaryJSON.string(string, to: &out)
        case .bytes(let bytes):
            let start = out.count
            guard !bytes.withUnsafeBufferPointer({ validUTF8(string: $0, to: &out) }) else { return }
            out.removeSubrange(start...)
            SummaryJSON.string(String(decoding: bytes, as: UTF8.self), to: &out)
        }
    }

    /// `bytes` as a JSON string when they are well-formed UTF-8 (Unicode's table 3-7: no
    /// overlong forms, surrogates, or scalars above U+10FFFF); false at the first byte that is
    /// not, with part of the string written. One pass checks and escapes; the common sequences
    /// (ASCII, then two and three bytes: Vietnamese) are tested first.
    static func validUTF8(string bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        out.append(UInt8(ascii: "\""))
        let end = bytes.count
        var run = 0, i = 0
        while i < end {
            let byte = bytes[i]
            if byte < 0x80 {
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                    SummaryJSON.escape(byte, &out)
                    run = i + 1
                }
                i += 1
            } else if byte &- 0xC2 <= 0xDF - 0xC2 {
                guard end - i >= 2, bytes[i + 1] & 0xC0 == 0x80 else { return false }
                i += 2
            } else if byte & 0xF0 == 0xE0 {
                guard end - i >= 3 else { return false }
                let second = bytes[i + 1]
                guard second & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80,
                      byte != 0xE0 || second >= 0xA0, byte != 0xED || second <= 0x9F else { return false }
                i += 3
            } else if byte &- 0xF0 <= 0xF4 - 0xF0 {
                guard end - i >= 4 else { return false }
                let second = bytes[i + 1]
                guard second & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80, bytes[i + 3] & 0xC0 == 0x80,
                      byte != 0xF0 || second >= 0x90, byte != 0xF4 || second <= 0x8F else { return false }
                i += 4
            } else {
                return false
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        out.append(UInt8(ascii: "\""))
        return true
    }

    /// An empty list as `[]`, with no encoder made for it; anything else as the encoder writes it.
    private static func encoded<T: Encodable>(_ list: [T], _ out: inout [UInt8]) throws {
        if list.isEmpty {
            out += [UInt8(ascii: "["), UInt8(ascii: "]")]
        } else {
            out += try WireFormat.encoder().encode(list)
        }
    }

    private static func encoded<T: Encodable>(_ value: T, _ out: inout [UInt8]) throws {
        out += try WireFormat.encoder().encode(value)
    }
}

/// A text as the store read it for an answer: a string, or (on SQLite) the column's bytes, which
/// SQLite does not promise are UTF-8.
enum StoredText: Sendable {
    case string(String)
    case bytes(ArraySlice<UInt8>)

    /// The text as a `String`, U+FFFD in place of bytes that are not UTF-8.
    var string: String {
        switch self {
        case .string(let string): return string
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }

    var utf8Count: Int {
        switch self {
        case .string(let string): return string.utf8.count
        case .bytes(let bytes): return bytes.count
        }
    }
}

/// A whole submission as the store read it for the item's answer: its body and sapo as
/// `StoredText`, the rest decoded.
struct StoredSubmission: Sendable {
    /// The submission without its body and sapo (empty here: they are `body` and `sapo`).
    let rest: Submission
    let body: StoredText
    let sapo: StoredText

    init(rest: Submission, body: StoredText, sapo: StoredText) {
        var rest = rest
        rest.body = ""
        rest.sapo = ""
        self.rest = rest
        self.body = body
        self.sapo = sapo
    }

    init(_ submission: Submission) {
        self.init(rest: submission, body: .string(submission.body), sapo: .string(submission.sapo))
    }

    /// The whole submission, its texts as strings.
    var submission: Submission {
        var whole = rest
        whole.body = body.string
        whole.sapo = sapo.string
        return whole
    }
}
