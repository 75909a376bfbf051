import Foundation

/// A day of Vietnam's calendar (UTC+7 all year, no daylight saving), as the API writes
/// one: `YYYY-MM-DD`. Rate tables start on one; reports run from one to another.
public struct VietnamDay: Hashable, Comparable, Sendable {
    public let text: String
    /// 00:00 of the day in Vietnam.
    public let start: Date

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        return calendar
    }()

    /// Nil unless `text` is `YYYY-MM-DD` naming a day that exists (no 31 April).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              let start = Self.calendar.date(from: DateComponents(year: year, month: month, day: day)),
              Self.calendar.dateComponents([.year, .month, .day], from: start) == DateComponents(year: year, month: month, day: day) else {
            return nil
        }
        self.text = text
        self.start = start
    }

    /// The day `date` falls on in Vietnam.
    public init(containing date: Date) {
        let c = Self.calendar.dateComponents([.year, .month, .day], from: date)
        self.init(String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!))!
    }

    /// The day `days` later (earlier when negative).
    public func adding(days: Int = 0, years: Int = 0) -> VietnamDay {
        VietnamDay(containing: Self.calendar.date(byAdding: DateComponents(year: years, day: days), to: start)!)
    }

    public static func < (a: VietnamDay, b: VietnamDay) -> Bool { a.start < b.start }
}
