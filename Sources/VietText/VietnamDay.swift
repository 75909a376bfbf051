import Foundation

/// A day of Vietnam's calendar (UTC+7 all year, no daylight saving), as the API writes
/// one: `YYYY-MM-DD`. Rate tables start on one; reports run from one to another. The one
/// place that knows Vietnam's offset: every program, page and export reckons by it.
public struct VietnamDay: Hashable, Comparable, Sendable {
    public let text: String
    /// 00:00 of the day in Vietnam.
    public let start: Date

    /// Vietnam's offset from UTC: seven hours, all year.
    public static let offset = 7 * 3600

    /// The Gregorian calendar in Vietnam's time.
    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offset) ?? .gmt
        return calendar
    }()

    /// The years a day may fall in, as `WireFormat.dateRange` has them.
    public static let years = 1970...2199

    /// Nil unless `text` is `YYYY-MM-DD` naming a day that exists (no 31 April) in `years`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), Self.years.contains(year), let month = Int(parts[1]), let day = Int(parts[2]),
              let start = Self.calendar.date(from: DateComponents(year: year, month: month, day: day)),
              Self.calendar.dateComponents([.year, .month, .day], from: start) == DateComponents(year: year, month: month, day: day) else {
            return nil
        }
        self.text = text
        self.start = start
    }

    /// The day `date` falls on in Vietnam. Any date has one, even far outside `years`
    /// (its text then has more or fewer than four digits of year): no input can trap here.
    public init(containing date: Date) {
        let c = Self.calendar.dateComponents([.year, .month, .day], from: date)
        let (year, month, day) = (c.year ?? 1970, c.month ?? 1, c.day ?? 1)
        text = String(format: "%04d-%02d-%02d", year, month, day)
        start = Self.calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? date
    }

    /// The day `days` later (earlier when negative).
    public func adding(days: Int = 0, years: Int = 0) -> VietnamDay {
        let moved = Self.calendar.date(byAdding: DateComponents(year: years, day: days), to: start)
            ?? start.addingTimeInterval(Double(days) * 86_400 + Double(years) * 365.2425 * 86_400)
        return VietnamDay(containing: moved)
    }

    public static func < (a: VietnamDay, b: VietnamDay) -> Bool { a.start < b.start }
}
