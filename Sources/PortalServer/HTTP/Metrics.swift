import Foundation
import NewsroomKit

/// Request counts and latencies per route and status, for `GET /metrics` in
/// Prometheus' text format (with queue depths read from the store when asked).
public final class Metrics: @unchecked Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    private struct Key: Hashable {
        var method: String
        var route: String
        var status: Int
    }
    private struct Series {
        var count = 0
        var sum = 0.0
        var bucketCounts = [Int](repeating: 0, count: Metrics.buckets.count)

        mutating func record(_ seconds: Double) {
            count += 1
            sum += seconds
            for (i, bound) in Metrics.buckets.enumerated() where seconds <= bound { bucketCounts[i] += 1 }
        }
    }
    // `lock` guards `series`, the only mutable field.
    private let lock = NSLock()
    private var series: [Key: Series] = [:]

    public init() {}

    /// Records one answered request; `route` is the route's pattern (`/api/v1/submissions/{id}`), never the path itself.
    func record(method: String, route: String, status: Int, seconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        // In place: a copy taken out and written back would copy the bucket array every time.
        series[Key(method: method, route: route, status: status), default: Series()].record(seconds)
    }

    /// The exposition: requests and latencies, then submissions per status.
    func text(queue: [SubmissionStatus: Int]) -> String {
        lock.lock()
        let snapshot = series.sorted { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) }
        lock.unlock()
        var out = "# HELP bientap_http_requests_total Requests answered, by method, route and status.\n"
        out += "# TYPE bientap_http_requests_total counter\n"
        for (key, s) in snapshot { out += "bientap_http_requests_total{\(labels(key))} \(s.count)\n" }
        out += "# HELP bientap_http_request_duration_seconds Time to answer, by method, route and status.\n"
        out += "# TYPE bientap_http_request_duration_seconds histogram\n"
        for (key, s) in snapshot {
            for (i, bound) in Self.buckets.enumerated() {
                out += "bientap_http_request_duration_seconds_bucket{\(labels(key)),le=\"\(bound)\"} \(s.bucketCounts[i])\n"
            }
            out += "bientap_http_request_duration_seconds_bucket{\(labels(key)),le=\"+Inf\"} \(s.count)\n"
            out += "bientap_http_request_duration_seconds_sum{\(labels(key))} \(s.sum)\n"
            out += "bientap_http_request_duration_seconds_count{\(labels(key))} \(s.count)\n"
        }
        out += "# HELP bientap_submissions Submissions in each status (queue depths).\n"
        out += "# TYPE bientap_submissions gauge\n"
        for status in SubmissionStatus.allCases {
            out += "bientap_submissions{status=\"\(status.rawValue)\"} \(queue[status] ?? 0)\n"
        }
        return out
    }

    private func labels(_ key: Key) -> String {
        "method=\"\(key.method)\",route=\"\(Self.escape(key.route))\",status=\"\(key.status)\""
    }

    private static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
