import BienTapApp
import Foundation
import PortalServer
import SocialChannels

/// Posts dispatched per second by `processes` real `bientap-portal serve` processes on one
/// PostgreSQL database, to `bientap-portal social-fakes`' Facebook: `count` posts queued, the
/// servers started and listening, then every post made due at once; the clock runs from then
/// until the last is recorded posted. Facebook only: Zalo's connector waits 5 s before asking
/// whether an article went out, which would measure that wait, not the dispatcher.
struct SocialBenchFailure: Error, CustomStringConvertible {
    var description: String
}

func benchSocialDispatch(portal executable: URL, database: String, fakes: SocialFakesProcess, processes: Int, count: Int,
                         files: URL) async throws -> Double {
    let store = try await Store.open(.postgres(url: database), readers: 1)
    do {
        try await store.queueSocialPostsInBulk(count: count, channels: [.facebook], dueAt: .distantFuture)
    } catch {
        try? await store.close()
        throw error
    }
    var servers: [Process] = []
    defer {
        for server in servers where server.isRunning {
            server.terminate()
            server.waitUntilExit()
        }
    }
    for index in 0..<processes {
        let directory = files.appendingPathComponent("server-\(processes)-\(index)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        servers.append(try LocalPortal.serve(executable, database: database, files: directory, extra: ["--log-level", "warning"]).process)
    }
    let acceptedBefore = try fakes.accepted(fakes.facebook)
    let start = DispatchTime.now().uptimeNanoseconds
    try await store.makeQueuedSocialPostsDue(at: Date(timeIntervalSince1970: 0))
    var posted = 0
    while posted < count {
        try await Task.sleep(for: .milliseconds(20))
        posted = try await store.countSocialPosts()[.posted] ?? 0
        if DispatchTime.now().uptimeNanoseconds - start > 600 * 1_000_000_000 {
            try? await store.close()
            throw SocialBenchFailure(description: "\(posted) of \(count) posted after 10 minutes")
        }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let claimants = Set(try await store.socialPosts(.init(statuses: [.posted], limit: count)).compactMap(\.claimedBy)).count
    try await store.close()
    let taken = try fakes.accepted(fakes.facebook) - acceptedBefore
    guard taken == count else { throw SocialBenchFailure(description: "the fake took \(taken) posts for \(count)") }
    print(String(format: "social dispatch: %d posts, %d server process%@ (%d took part): %.2f s, %.0f posts/s",
                 count, processes, processes == 1 ? "" : "es", claimants, seconds, Double(count) / seconds))
    return Double(count) / seconds
}

/// The `social` section: 2,000 posts with 1 and with 4 server processes, on a database of its
/// own on the PostgreSQL server `make bench` starts (Scripts/with-postgres).
func runSocialDispatchBench() async {
    guard let executable = LocalPortal.locateExecutable() else {
        print("social dispatch: bientap-portal not found beside bientap-bench: build it in release first (make bench does)")
        exit(1)
    }
    guard let server = ProcessInfo.processInfo.environment["BIENTAP_TEST_POSTGRES"], var url = URLComponents(string: server) else {
        print("social dispatch: skipped (run under Scripts/with-postgres, as make bench does)")
        return
    }
    let psql = URL(fileURLWithPath: "/usr/bin/psql")
    let name = "bench_social_\(getpid())"
    let files = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-bench-social-\(getpid())")
    do {
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: files) }
        _ = try LocalPortal.run(psql, [server, "-X", "-q", "-c", "CREATE DATABASE \(name) ENCODING 'UTF8'"])
        defer { _ = try? LocalPortal.run(psql, [server, "-X", "-q", "-c", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"]) }
        url.path = "/" + name
        guard let database = url.string else { exit(1) }
        _ = try LocalPortal.run(executable, ["seed", "--sample", "--db", database])
        let fakes = try SocialFakesProcess(executable: executable, files: files)
        defer { fakes.stop() }
        try fakes.configure(executable, database: database)
        for processes in [1, 4] {
            _ = try await benchSocialDispatch(portal: executable, database: database, fakes: fakes, processes: processes, count: 2_000, files: files)
        }
    } catch {
        print("social dispatch benchmark failed: \(error)")
        exit(1)
    }
}
