import Foundation

/// How long a network asked bientap to wait, from the headers of its answer.
enum RateLimitHeaders {
    /// No network is believed when it asks for more than a day.
    static let longestWait: Duration = .seconds(24 * 3600)

    /// The longest of `Retry-After` (seconds or an HTTP date) and Facebook's
    /// `X-Business-Use-Case-Usage` `estimated_time_to_regain_access` (minutes); nil when neither says.
    static func wait(in headers: [String: String], now: Date) -> Duration? {
        let waits = [retryAfter(headers["retry-after"], now: now), businessUseCase(headers["x-business-use-case-usage"])]
            .compactMap { $0 }
        guard let longest = waits.max() else { return nil }
        return min(longest, longestWait)
    }

    static func retryAfter(_ value: String?, now: Date) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value) {
            return seconds >= 0 ? .seconds(min(seconds, 24 * 3600)) : nil
        }
        // A formatter per call: DateFormatter is not safe to share between threads everywhere.
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .seconds(max(0, Int(date.timeIntervalSince(now).rounded(.up))))
    }

    /// `{"<business id>": [{"type": "pages", "estimated_time_to_regain_access": 5, …}]}`.
    static func businessUseCase(_ value: String?) -> Duration? {
        guard let value, let object = UntrustedJSON.object(Data(value.utf8)) else { return nil }
        var minutes: Int?
        for case let entries as [Any] in object.values {
            for case let entry as [String: Any] in entries {
                if let m = UntrustedJSON.int(entry["estimated_time_to_regain_access"]), m > 0 {
                    minutes = max(minutes ?? 0, min(m, 24 * 60))
                }
            }
        }
        return minutes.map { .seconds($0 * 60) }
    }
}
