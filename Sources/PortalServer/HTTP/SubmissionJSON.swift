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
        var out: [UInt8] = []
        out.reserveCapacity(item.body.utf8.count + item.sapo.utf8.count + 1024)
        let s = item.summary
        SummaryJSON.key("attachments", first: true, &out); try encoded(item.attachments, &out)
        SummaryJSON.key("author_share", &out); SummaryJSON.integer(Int64(item.authorShare), to: &out)
        SummaryJSON.key("body", &out); SummaryJSON.string(item.body, to: &out)
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
        SummaryJSON.key("sapo", &out); SummaryJSON.string(item.sapo, to: &out)
        SummaryJSON.site(s.site, &out)
        if let message = item.socialMessage { SummaryJSON.key("social_message", &out); SummaryJSON.string(message, to: &out) }
        SummaryJSON.end(s, &out)
        return ByteBuffer(bytes: out)
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
