import NewsroomKit
import NIOCore
import VietText

/// Pages of submission summaries written straight to bytes: the list is the route
/// everyone polls, and Foundation's encoder (key conversion, sorting, boxing) was a
/// third of its time. The output is byte for byte `WireFormat.encoder()`'s — snake_case
/// keys in sorted order, absent optionals left out, RFC 3339 seconds in UTC — and a
/// test holds the two together.
enum SummaryJSON {
    static func page(_ page: Page<SubmissionSummary>) -> ByteBuffer {
        var out: [UInt8] = []
        out.reserveCapacity(512 * page.items.count + 64)
        pageStart(&out)
        for (i, item) in page.items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            write(item, to: &out)
        }
        pageEnd(nextCursor: page.nextCursor, &out)
        return ByteBuffer(bytes: out)
    }

    /// A page's bytes before its first item.
    static func pageStart(_ out: inout [UInt8]) {
        out += Array(#"{"items":["#.utf8)
    }

    /// A page's bytes after its last item.
    static func pageEnd(nextCursor: String?, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "]"))
        if let cursor = nextCursor {
            out += Array(#","next_cursor":"#.utf8)
            string(cursor, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    static func write(_ s: SubmissionSummary, to out: inout [UInt8]) {
        head(s, &out)
        lease(s.lease, &out)
        tail(s, &out)
    }

    /// A summary's object up to its lease: from `{"category":` to "language".
    static func head(_ s: SubmissionSummary, _ out: inout [UInt8]) {
        key("category", first: true, &out); string(s.category.rawValue, to: &out)
        beforeLease(s, &out)
    }

    /// A summary's object after its lease: from "publish_at" to its end.
    static func tail(_ s: SubmissionSummary, _ out: inout [UInt8]) {
        afterLease(s, &out)
        site(s.site, &out)
        end(s, &out)
    }

    /// The summary's keys from "contributor" to "revision", which a whole submission's
    /// keys ("grading", "sapo") surround in sorted order.
    static func middle(_ s: SubmissionSummary, _ out: inout [UInt8], beforeID: (inout [UInt8]) -> Void = { _ in }) {
        beforeLease(s, &out, beforeID: beforeID)
        lease(s.lease, &out)
        afterLease(s, &out)
    }

    private static func beforeLease(_ s: SubmissionSummary, _ out: inout [UInt8], beforeID: (inout [UInt8]) -> Void = { _ in }) {
        key("contributor", &out); contributor(s.contributor, &out)
        beforeID(&out)
        key("id", &out); integer(s.id, to: &out)
        key("language", &out); string(s.language, to: &out)
    }

    /// The "lease" key and object, or nothing without a lease.
    static func lease(_ lease: Lease?, _ out: inout [UInt8]) {
        guard let lease else { return }
        key("lease", &out)
        key("acquired_at", first: true, &out); date(lease.acquiredAt.timeIntervalSince1970, to: &out)
        key("expires_at", &out); date(lease.expiresAt.timeIntervalSince1970, to: &out)
        key("holder", &out); string(lease.holder, to: &out)
        key("holder_name", &out); string(lease.holderName, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    private static func afterLease(_ s: SubmissionSummary, _ out: inout [UInt8]) {
        if let at = s.publishAt { key("publish_at", &out); date(at.timeIntervalSince1970, to: &out) }
        if let at = s.publishedAt { key("published_at", &out); date(at.timeIntervalSince1970, to: &out) }
        key("received_at", &out); date(s.receivedAt.timeIntervalSince1970, to: &out)
        key("revision", &out); integer(Int64(s.revision), to: &out)
    }

    static func site(_ site: SiteRef, _ out: inout [UInt8]) {
        key("site", &out)
        key("code", first: true, &out); string(site.code, to: &out)
        key("id", &out); integer(site.id, to: &out)
        key("name", &out); string(site.name, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// The summary's last keys, from "spell_findings", and the object's end.
    static func end(_ s: SubmissionSummary, _ out: inout [UInt8]) {
        if let n = s.spellFindings { key("spell_findings", &out); integer(Int64(n), to: &out) }
        key("status", &out); string(s.status.rawValue, to: &out)
        key("title", &out); string(s.title, to: &out)
        key("words", &out); integer(Int64(s.words), to: &out)
        out.append(UInt8(ascii: "}"))
    }

    static func contributor(_ c: ContributorRef, _ out: inout [UInt8]) {
        key("full_name", first: true, &out); string(c.fullName, to: &out)
        key("id", &out); integer(c.id, to: &out)
        if let pen = c.penName { key("pen_name", &out); string(pen, to: &out) }
        out.append(UInt8(ascii: "}"))
    }

    /// `{"name":` for the first key of an object, `,"name":` for the others.
    static func key(_ name: StaticString, first: Bool = false, _ out: inout [UInt8]) {
        out.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
        out.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { out += $0 }
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
    }

    /// A JSON string: runs of bytes that need no escape are copied whole (an item's body is
    /// kilobytes of them), the rest escaped one by one.
    static func string(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for i in bytes.indices {
                let byte = bytes[i]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                escape(byte, &out)
                run = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    static func escape(_ byte: UInt8, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        default:
            let hex = "0123456789abcdef".utf8
            out.append(UInt8(ascii: "u")); out.append(UInt8(ascii: "0")); out.append(UInt8(ascii: "0"))
            out.append(hex[hex.index(hex.startIndex, offsetBy: Int(byte >> 4))])
            out.append(hex[hex.index(hex.startIndex, offsetBy: Int(byte & 0xF))])
        }
    }

    static func integer(_ value: Int64, to out: inout [UInt8]) {
        out += Array(String(value).utf8)
    }

    /// `"YYYY-MM-DDTHH:MM:SSZ"`, the fraction of a second dropped as ISO8601DateFormatter does.
    static func date(_ seconds: Double, to out: inout [UInt8]) {
        let (days, second) = CivilDate.split(seconds: Int(seconds.rounded(.down)))
        let (year, month, day) = CivilDate.fields(days: days)
        out.append(UInt8(ascii: "\""))
        digits(year, 4, &out); out.append(UInt8(ascii: "-")); digits(month, 2, &out); out.append(UInt8(ascii: "-")); digits(day, 2, &out)
        out.append(UInt8(ascii: "T"))
        digits(second / 3600, 2, &out); out.append(UInt8(ascii: ":")); digits(second / 60 % 60, 2, &out)
        out.append(UInt8(ascii: ":")); digits(second % 60, 2, &out)
        out += [UInt8(ascii: "Z"), UInt8(ascii: "\"")]
    }

    private static func digits(_ value: Int, _ width: Int, _ out: inout [UInt8]) {
        var text = Array(String(value).utf8)
        while text.count < width { text.insert(UInt8(ascii: "0"), at: 0) }
        out += text
    }
}
