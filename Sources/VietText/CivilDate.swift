/// Dates of the proleptic Gregorian calendar and days counted from 1970-01-01, each
/// worked out from the other by arithmetic (Howard Hinnant's algorithms): what the
/// terminal's date columns and the portal's JSON dates need on every row, without
/// `Calendar` or a formatter (microseconds a call).
public enum CivilDate {
    /// The date of day `days` (0: 1970-01-01; negative before it).
    public static func fields(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - (153 * mp + 2) / 5 + 1)
    }

    /// The day number of a date (the inverse of `fields`); the date is taken as given.
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
    }

    /// A count of seconds from 1970 as a day and the second of that day, rounding down
    /// (so a moment before 1970 falls on the day it is in).
    public static func split(seconds: Int) -> (days: Int, second: Int) {
        let second = ((seconds % 86_400) + 86_400) % 86_400
        return ((seconds - second) / 86_400, second)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
