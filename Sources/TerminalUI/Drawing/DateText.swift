import Foundation
import VietText

/// Dates as Vietnamese newsrooms write them, in Vietnam's time (UTC+7, no DST).
public enum DateText {
    /// A moment's calendar fields in Vietnam's time. Worked out by arithmetic, not
    /// by `DateFormatter` (microseconds a call, too slow for every row of a
    /// table on every key press); Vietnam has kept UTC+7 all year since 1975.
    public struct Fields: Equatable, Sendable {
        public var year, month, day, hour, minute: Int

        public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0) {
            self.year = year
            self.month = month
            self.day = day
            self.hour = hour
            self.minute = minute
        }

        public init(_ date: Date) {
            let (days, ofDay) = CivilDate.split(seconds: Int(floor(date.timeIntervalSince1970)) + VietnamDay.offset)
            hour = ofDay / 3600
            minute = ofDay % 3600 / 60
            (year, month, day) = CivilDate.fields(days: days)
        }
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// `23/11 08:15`, for table columns.
    public static func short(_ date: Date) -> String {
        let f = Fields(date)
        return "\(two(f.day))/\(two(f.month)) \(two(f.hour)):\(two(f.minute))"
    }

    /// `08:15 23/11/2026`, for headers.
    public static func full(_ date: Date) -> String {
        let f = Fields(date)
        return "\(two(f.hour)):\(two(f.minute)) \(two(f.day))/\(two(f.month))/\(f.year)"
    }

    /// Midnight in Vietnam of the day `date` falls on there.
    public static func startOfDay(_ date: Date) -> Date {
        let f = Fields(date)
        return Self.date(Fields(year: f.year, month: f.month, day: f.day)) ?? date
    }

    /// The moment these fields name in Vietnam's time; nil when they name no
    /// day of the calendar (31/02) or no time of day (24:00).
    public static func date(_ f: Fields) -> Date? {
        guard (1...12).contains(f.month), (1...CivilDate.daysIn(month: f.month, year: f.year)).contains(f.day),
              (0...23).contains(f.hour), (0...59).contains(f.minute), (1...9999).contains(f.year) else { return nil }
        let days = CivilDate.days(year: f.year, month: f.month, day: f.day)
        return Date(timeIntervalSince1970: Double(days * 86_400 + f.hour * 3600 + f.minute * 60 - VietnamDay.offset))
    }

    /// A date and time as people type them, in Vietnam's time: `08:15 23/11/2026`
    /// (as `full` writes it), `23/11/2026 08:15`, `23/11/2026` (midnight),
    /// `08:15 23/11` (this year), `08:15` (today), `23/11` (this year,
    /// midnight); `-` and `.` may stand for `/`. Nil for anything else.
    public static func parse(_ text: String, now: Date) -> Date? {
        let today = Fields(now)
        var time: (hour: Int, minute: Int)?
        var day: (day: Int, month: Int, year: Int?)?
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let parts: [Substring]
            if word.contains(":") {
                guard time == nil else { return nil }
                parts = word.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count == 2, let h = number(parts[0], digits: 1...2), let m = number(parts[1], digits: 2...2) else { return nil }
                time = (h, m)
            } else {
                guard day == nil else { return nil }
                parts = word.split(omittingEmptySubsequences: false, whereSeparator: { "/-.".contains($0) })
                guard parts.count == 2 || parts.count == 3,
                      let d = number(parts[0], digits: 1...2), let m = number(parts[1], digits: 1...2) else { return nil }
                var year: Int?
                if parts.count == 3 {
                    guard let y = number(parts[2], digits: 4...4) else { return nil }
                    year = y
                }
                day = (d, m, year)
            }
        }
        guard time != nil || day != nil else { return nil }
        let fields = Fields(year: day.map { $0.year ?? today.year } ?? today.year, month: day?.month ?? today.month,
                            day: day?.day ?? today.day, hour: time?.hour ?? 0, minute: time?.minute ?? 0)
        return date(fields)
    }

    private static func number(_ text: Substring, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}
