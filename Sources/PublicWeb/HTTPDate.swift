import Foundation
import VietText

/// Dates as HTTP headers and RSS write them ("Sat, 05 Dec 2026 18:54:04 GMT"), and the
/// ISO 8601 form of Atom and sitemaps; in UTC, whatever the machine's time zone.
public enum HTTPDate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func parts(_ date: Date) -> tm {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return parts
    }

    private static func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }

    public static func string(_ date: Date) -> String {
        let t = parts(date)
        return "\(days[Int(t.tm_wday) % 7]), \(two(t.tm_mday)) \(months[Int(t.tm_mon) % 12]) \(t.tm_year + 1900) "
            + "\(two(t.tm_hour)):\(two(t.tm_min)):\(two(t.tm_sec)) GMT"
    }

    /// `2026-12-05T18:54:04Z`.
    public static func iso(_ date: Date) -> String {
        let t = parts(date)
        return "\(t.tm_year + 1900)-\(two(t.tm_mon + 1))-\(two(t.tm_mday))T\(two(t.tm_hour)):\(two(t.tm_min)):\(two(t.tm_sec))Z"
    }

    /// An HTTP date in the preferred form (the one `string` writes); nil for anything else.
    public static func parse(_ text: String) -> Date? {
        let fields = text.split(separator: " ")
        guard fields.count == 6, fields[5] == "GMT", let day = Int(fields[1]), let year = Int(fields[3]),
              let month = months.firstIndex(of: String(fields[2])) else { return nil }
        let clock = fields[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, (1...31).contains(day), (1970...9999).contains(year),
              (0...23).contains(clock[0]), (0...59).contains(clock[1]), (0...60).contains(clock[2]) else { return nil }
        var t = tm()
        t.tm_year = Int32(year - 1900)
        t.tm_mon = Int32(month)
        t.tm_mday = Int32(day)
        t.tm_hour = Int32(clock[0])
        t.tm_min = Int32(clock[1])
        t.tm_sec = Int32(clock[2])
        return Date(timeIntervalSince1970: TimeInterval(timegm(&t)))
    }

    /// In Vietnam's time (UTC+7, no daylight saving): "05/12/2026 01:54".
    public static func vietnam(_ date: Date) -> String {
        let t = parts(date.addingTimeInterval(TimeInterval(VietnamDay.offset)))
        return "\(two(t.tm_mday))/\(two(t.tm_mon + 1))/\(t.tm_year + 1900) \(two(t.tm_hour)):\(two(t.tm_min))"
    }

    /// ISO 8601 with Vietnam's offset, for `<time datetime>`: `2026-12-06T01:54:04+07:00`.
    public static func vietnamISO(_ date: Date) -> String {
        let t = parts(date.addingTimeInterval(TimeInterval(VietnamDay.offset)))
        return "\(t.tm_year + 1900)-\(two(t.tm_mon + 1))-\(two(t.tm_mday))T\(two(t.tm_hour)):\(two(t.tm_min)):\(two(t.tm_sec))+07:00"
    }
}
