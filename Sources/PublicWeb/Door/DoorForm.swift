import Foundation

/// What a browser sends from a door form: its text fields and its files, read from
/// `application/x-www-form-urlencoded` or `multipart/form-data`. Text comes back with
/// the browser's CRLF line ends made LF, as the API keeps text.
public struct DoorForm: Sendable {
    /// A file a form carried: the name the browser gave it (never trusted as a path) and its bytes.
    public struct File: Sendable, Hashable {
        public var field: String
        public var filename: String
        public var data: Data
    }

    /// Why a body is not a form this door reads.
    public enum Problem: Error, Equatable, Sendable {
        /// Not one of the two encodings, or a multipart body without its boundary.
        case unsupportedType
        /// Broken percent-encoding, parts or headers, or text that is not UTF-8.
        case malformed
        /// More parts, or longer headers, than any door form has.
        case tooManyParts
    }

    public private(set) var fields: [(name: String, value: String)] = []
    public private(set) var files: [File] = []

    /// Most parts (fields and files together) a form may carry.
    public static let partLimit = 400
    /// Longest header block of one multipart part.
    static let partHeaderLimit = 8 << 10

    public init(fields: [(name: String, value: String)] = [], files: [File] = []) {
        self.fields = fields
        self.files = files
    }

    /// The first value of field `name`, if sent.
    public subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Every value of field `name`, in the order sent.
    public func values(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// Reads `body` as the `contentType` header says.
    public static func parse(_ body: Data, contentType: String?) throws -> DoorForm {
        let type = (contentType ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch type {
        case "application/x-www-form-urlencoded":
            return try urlEncoded(body)
        case "multipart/form-data":
            guard let boundary = parameter("boundary", of: contentType ?? "") else { throw Problem.unsupportedType }
            return try multipart(body, boundary: boundary)
        default:
            throw Problem.unsupportedType
        }
    }

    static func urlEncoded(_ body: Data) throws -> DoorForm {
        var form = DoorForm()
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            guard form.fields.count < partLimit else { throw Problem.tooManyParts }
            let halves = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = try percentDecoded(halves[0])
            let value = halves.count > 1 ? try percentDecoded(halves[1]) : ""
            form.fields.append((name, lineEnds(value)))
        }
        return form
    }

    private static func percentDecoded(_ bytes: Data.SubSequence) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if b == UInt8(ascii: "%") {
                guard bytes.distance(from: i, to: bytes.endIndex) >= 3,
                      let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) else { throw Problem.malformed }
                out.append(high << 4 | low)
                i += 2
            } else {
                out.append(b)
            }
            i += 1
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw Problem.malformed }
        return text
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// CRLF and lone CR, as browsers send a textarea's lines, become LF.
    static func lineEnds(_ text: String) -> String {
        guard text.contains("\r") else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// A `name=value` parameter of a header value (quoted or not), its name case-insensitive.
    static func parameter(_ name: String, of header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            return value
        }
        return nil
    }

    /// RFC 7578: parts between `--boundary` lines, each headers, a blank line, then its bytes.
    static func multipart(_ body: Data, boundary: String) throws -> DoorForm {
        guard (1...70).contains(boundary.utf8.count) else { throw Problem.malformed }
        let bytes = [UInt8](body)
        let opening = Array(("--" + boundary).utf8)
        let delimiter = Array(("\r\n--" + boundary).utf8)
        guard bytes.starts(with: opening) else { throw Problem.malformed }
        var form = DoorForm()
        var cursor = opening.count
        while true {
            // After a delimiter: "--" ends the body; otherwise CRLF starts a part.
            if bytes.count >= cursor + 2, bytes[cursor] == UInt8(ascii: "-"), bytes[cursor + 1] == UInt8(ascii: "-") { break }
            guard bytes.count >= cursor + 2, bytes[cursor] == 13, bytes[cursor + 1] == 10 else { throw Problem.malformed }
            cursor += 2
            guard form.fields.count + form.files.count < partLimit else { throw Problem.tooManyParts }
            guard let headerEnd = find([13, 10, 13, 10], in: bytes, from: cursor, within: partHeaderLimit) else {
                throw bytes.count - cursor > partHeaderLimit ? Problem.tooManyParts : Problem.malformed
            }
            guard let headerText = String(validating: bytes[cursor..<headerEnd], as: UTF8.self) else { throw Problem.malformed }
            let contentStart = headerEnd + 4
            guard let contentEnd = find(delimiter, in: bytes, from: contentStart) else { throw Problem.malformed }
            try form.add(headers: headerText, content: bytes[contentStart..<contentEnd])
            cursor = contentEnd + delimiter.count
        }
        return form
    }

    private mutating func add(headers: String, content: ArraySlice<UInt8>) throws {
        var disposition: String?
        for line in headers.components(separatedBy: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2 else { continue }
            if pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" {
                disposition = pair[1].trimmingCharacters(in: .whitespaces)
            }
        }
        guard let disposition, disposition.lowercased().hasPrefix("form-data"),
              let name = Self.parameter("name", of: disposition) else { throw Problem.malformed }
        if let filename = Self.parameter("filename", of: disposition) {
            // A file input left empty still sends a part, with no name and no bytes.
            guard !(filename.isEmpty && content.isEmpty) else { return }
            files.append(File(field: name, filename: filename, data: Data(content)))
        } else {
            guard let value = String(validating: content, as: UTF8.self) else { throw Problem.malformed }
            fields.append((name, Self.lineEnds(value)))
        }
    }

    /// Where `needle` starts in `haystack` at or after `start` (and, when given, before `start + within`).
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int, within: Int? = nil) -> Int? {
        let end = min(haystack.count, within.map { start + $0 + needle.count } ?? haystack.count)
        guard end - start >= needle.count, let first = needle.first else { return nil }
        var i = start
        let last = end - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
