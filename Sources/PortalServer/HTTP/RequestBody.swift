import Foundation
import Hummingbird
import NewsroomKit

/// Request bodies: read within a size limit, decoded as the contract says; anything
/// else is refused with a stable code: too big (413), a control character in a text
/// field (400 `invalid_text`), not JSON or not UTF-8, wrong types (400).
enum RequestBody {
    /// Largest JSON body a route accepts unless it says otherwise.
    static let maxJSON = 1 << 20

    static func decode<T: Decodable>(_ type: T.Type, _ request: Request, limit: Int = maxJSON) async throws -> T {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw APIFailure(.payloadTooLarge, detail: "≤ \(limit) bytes")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw APIFailure(.payloadTooLarge, detail: "≤ \(limit) bytes")
        }
        let data = Data(buffer: buffer)
        if let control = ControlCharacterScan.first(in: data) {
            throw APIFailure(.invalidText, detail: "\(control.field ?? "?"): \(PlainText.name(control.value))")
        }
        do {
            return try WireFormat.decoder().decode(T.self, from: data)
        } catch {
            throw APIFailure(.invalidJSON, detail: WireFormat.problem(of: error))
        }
    }
}

/// Finds, in a JSON text, the first string holding a scalar `PlainText` refuses, written
/// raw or as a `\u` escape, and the key it is the value of. One pass over the bytes and
/// no allocation: cheap beside decoding, even for a body of photos in base64.
enum ControlCharacterScan {
    struct Found: Equatable {
        var value: UInt32
        /// The object key the string belongs to (or is), when there is one.
        var field: String?
    }

    static func first(in data: Data) -> Found? {
        data.withUnsafeBytes { raw in first(in: raw.bindMemory(to: UInt8.self)) }
    }

    static func first(in bytes: UnsafeBufferPointer<UInt8>) -> Found? {
        var i = 0
        let n = bytes.count
        var lastString: Range<Int>?
        var lastKey: Range<Int>?
        func key() -> String? {
            lastKey.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
        func hex(_ b: UInt8) -> UInt32? {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: ":"), let string = lastString {
                lastKey = string
                i += 1
                continue
            }
            guard b == UInt8(ascii: "\"") else { i += 1; continue }
            // A string: from after the quote to the closing one.
            let start = i + 1
            i = start
            while i < n {
                let c = bytes[i]
                if c == UInt8(ascii: "\"") { break }
                if c == UInt8(ascii: "\\") {
                    guard i + 1 < n else { return nil }
                    if bytes[i + 1] == UInt8(ascii: "u"), i + 5 < n {
                        var value: UInt32 = 0
                        var valid = true
                        for k in 2...5 {
                            guard let digit = hex(bytes[i + k]) else { valid = false; break }
                            value = value << 4 | digit
                        }
                        if valid, !PlainText.isAllowed(value) { return Found(value: value, field: key()) }
                        i += 6
                    } else {
                        i += 2
                    }
                    continue
                }
                if c < 0x20 || c == 0x7F { return Found(value: UInt32(c), field: key()) }
                // C1 controls, U+0080…U+009F, are C2 80…C2 9F in UTF-8.
                if c == 0xC2, i + 1 < n, (0x80...0x9F).contains(bytes[i + 1]) {
                    return Found(value: UInt32(bytes[i + 1]), field: key())
                }
                i += 1
            }
            lastString = start..<min(i, n)
            i += 1
        }
        return nil
    }
}
