import Foundation

/// Dates as Vietnamese newsrooms write them, in Vietnam's time (UTC+7, no DST).
enum DateText {
    /// A moment's calendar fields in Vietnam's time. Worked out by arithmetic, not
    /// by `DateFormatter` (microseconds a call, too slow for every row of a
    /// table on every key press); Vietnam has kept UTC+7 all year since 1975.
    struct Fields: Equatable {
        var year, month, day, hour, minute: Int

        init(_ date: Date) {
            let seconds = Int(floor(date.timeIntervalSince1970)) + 7 * 3600
            let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
            let ofDay = seconds - days * 86_400
            hour = ofDay / 3600
            minute = ofDay % 3600 / 60
            // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
            let z = days + 719_468
            let era = (z >= 0 ? z : z - 146_096) / 146_097
            let dayOfEra = z - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let mp = (5 * dayOfYear + 2) / 153
            day = dayOfYear - (153 * mp + 2) / 5 + 1
            month = mp < 10 ? mp + 3 : mp - 9
            year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        }
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// `23/11 08:15`, for table columns.
    static func short(_ date: Date) -> String {
        let f = Fields(date)
        return "\(two(f.day))/\(two(f.month)) \(two(f.hour)):\(two(f.minute))"
    }

    /// `08:15 23/11/2026`, for headers.
    static func full(_ date: Date) -> String {
        let f = Fields(date)
        return "\(two(f.hour)):\(two(f.minute)) \(two(f.day))/\(two(f.month))/\(f.year)"
    }
}
