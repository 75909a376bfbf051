import Foundation

/// JSON conventions of the admin API: snake_case keys, RFC 3339 UTC dates.
public enum WireFormat {
    public static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.keyEncodingStrategy = .convertToSnakeCase
        e.dateEncodingStrategy = .iso8601
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        d.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = date(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an RFC 3339 date from 1970 to 2199")
            }
            return date
        }
        return d
    }

    /// The dates the API takes: 1970-01-01 to the end of 2199 (UTC). A year 9999 or
    /// 10000 means nothing to a newsroom and breaks calendar arithmetic downstream.
    public static let dateRange: Range<Date> = Date(timeIntervalSince1970: 0)..<Date(timeIntervalSince1970: 7_258_118_400)

    /// An RFC 3339 date (as a query parameter or JSON string carries one) within `dateRange`; nil otherwise.
    public static func date(_ text: String) -> Date? {
        utcSecond(text) ?? parsedDate(text)
    }

    /// `date` by Foundation's parser, for every form RFC 3339 allows.
    static func parsedDate(_ text: String) -> Date? {
        guard text.utf8.count <= 40 else { return nil }
        // "+07:00" typed into a query string unencoded arrives as " 07:00".
        let text = text.replacingOccurrences(of: " ", with: "+")
        guard namesAnExistingTime(text), let date = try? Date(text, strategy: .iso8601), dateRange.contains(date) else { return nil }
        return date
    }

    /// `YYYY-MM-DDThh:mm:ssZ` naming an existing time within `dateRange`, the form clients send
    /// most (and a list's `received_before`), by arithmetic; nil for anything else, which
    /// `parsedDate` then reads. Foundation's parser and the checks around it were a twentieth
    /// of an uncached list page's time. A test holds the two ways together.
    static func utcSecond(_ text: String) -> Date? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Date? in
            guard bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
                  bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z") else { return nil }
            func number(_ range: Swift.Range<Int>) -> Int? {
                var value = 0
                for i in range {
                    guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) else { return nil }
                    value = value * 10 + Int(bytes[i] - UInt8(ascii: "0"))
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
                  let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
                  (1...12).contains(month), hour < 24, minute < 60, second < 60 else { return nil }
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            guard (1...lengths[month - 1]).contains(day) else { return nil }
            // Days from 1970-01-01 to the first of the month, then the day's seconds.
            let yearsBefore = year - 1
            let leapDays = yearsBefore / 4 - yearsBefore / 100 + yearsBefore / 400 - (1969 / 4 - 1969 / 100 + 1969 / 400)
            let days = (year - 1970) * 365 + leapDays + lengths[..<(month - 1)].reduce(0, +) + day - 1
            let date = Date(timeIntervalSince1970: Double(((days * 24 + hour) * 60 + minute) * 60 + second))
            return dateRange.contains(date) ? date : nil
        } ?? nil
    }

    /// Whether `text` starts `YYYY-MM-DDThh:mm:ss` naming a day that exists (1970 to 2199, as
    /// VietnamDay takes one) and a time of day: Foundation's parser rolls 29 February of a
    /// common year, 31 April, 24:00 or a one-digit month over instead of refusing them.
    static func namesAnExistingTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8.prefix(19))
        guard bytes.count == 19, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              VietnamDay(String(decoding: bytes[0..<10], as: UTF8.self)) != nil else { return false }
        func number(_ range: Swift.Range<Int>) -> Int? {
            bytes[range].allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ? Int(String(decoding: bytes[range], as: UTF8.self)) : nil
        }
        guard let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19) else { return false }
        return hour < 24 && minute < 60 && second < 60
    }

    /// What a decoding failure means, in the wire's own key names: which field is
    /// missing or of the wrong type, or that the text is no JSON at all.
    public static func problem(of error: Error) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? "." + snake($0.stringValue) }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?:
            return "missing '\(path(context.codingPath + [key]))'"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            return "wrong type at '\(path(context.codingPath))'"
        case .dataCorrupted(let context)? where !context.codingPath.isEmpty:
            return "invalid value at '\(path(context.codingPath))'"
        default:
            return "not JSON (or not UTF-8)"
        }
    }

    private static func snake(_ key: String) -> String {
        var out = ""
        for character in key {
            if character.isUppercase { out += "_" + character.lowercased() } else { out.append(character) }
        }
        return out
    }
}

/// Paths of the admin API, shared by server routes and client.
public enum APIPath {
    public static let health = "/healthz"
    public static let ready = "/readyz"
    public static let me = "/api/v1/me"
    public static let signIn = "/api/v1/sign-in"
    public static let signOut = "/api/v1/sign-out"
    public static let sites = "/api/v1/sites"
    public static let submissions = "/api/v1/submissions"
    public static let rateTables = "/api/v1/rate-tables"
    public static let activityReport = "/api/v1/reports/activity"
    public static let activeRateTable = "/api/v1/rate-tables/active"
    public static func submission(_ id: Int64) -> String { "\(submissions)/\(id)" }
    public static func revisions(_ id: Int64) -> String { "\(submissions)/\(id)/revisions" }
    public static func transitions(_ id: Int64) -> String { "\(submissions)/\(id)/transitions" }
    public static func events(_ id: Int64) -> String { "\(submissions)/\(id)/events" }
    public static func diff(_ id: Int64) -> String { "\(submissions)/\(id)/diff" }
    public static func notes(_ id: Int64) -> String { "\(submissions)/\(id)/notes" }
    public static func lease(_ id: Int64) -> String { "\(submissions)/\(id)/lease" }
    public static func attachment(_ number: Int, of id: Int64) -> String { "\(submissions)/\(id)/attachments/\(number)" }
    public static func revision(_ number: Int, of id: Int64) -> String { "\(submissions)/\(id)/revisions/\(number)" }
}
