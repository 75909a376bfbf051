import Foundation

/// Dates as Vietnamese newsrooms write them, in Vietnam's time (UTC+7, no DST).
enum DateText {
    static let vietnamTime = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!

    private static func formatter(_ pattern: String) -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = vietnamTime
        f.dateFormat = pattern
        return f
    }

    private static let shortFormatter = formatter("dd/MM HH:mm")
    private static let fullFormatter = formatter("HH:mm dd/MM/yyyy")

    /// `23/11 08:15`, for table columns.
    static func short(_ date: Date) -> String { shortFormatter.string(from: date) }

    /// `08:15 23/11/2026`, for headers.
    static func full(_ date: Date) -> String { fullFormatter.string(from: date) }
}
