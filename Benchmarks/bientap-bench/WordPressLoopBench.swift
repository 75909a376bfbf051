import BienTapApp
import Foundation
import NewsroomKit
import PortalClient
import WordPressClient

/// The desk's loop — list the pending queue (20 a page), open the first item, save it with a
/// changed title — through the desk's own clients, against a WordPress site and against
/// bientap-portal on the same machine with the same number of items (1,000 each:
/// `BIENTAP_WORDPRESS_POSTS=1000` for Scripts/with-wordpress, the portal's sample topped up
/// with `seed --bulk`). Also a poll that finds nothing new (WordPress: the client's probe;
/// the portal: a 304). Needs the site Scripts/with-wordpress brings up (make bench runs it so).
enum WordPressLoopBench {
    static let items = 1_000
    static let loops = 200

    static func run() {
        let environment = ProcessInfo.processInfo.environment
        guard let site = environment["BIENTAP_TEST_WORDPRESS"],
              let editor = environment["BIENTAP_TEST_WORDPRESS_USERS"]?.split(separator: " ")
                .first(where: { $0.hasPrefix("editor:") })?.split(separator: ":", maxSplits: 2).map(String.init),
              editor.count == 3 else {
            print("wordpress: no WordPress site (run under Scripts/with-wordpress with BIENTAP_WORDPRESS_POSTS=1000; make bench does)")
            return
        }
        guard let executable = LocalPortal.locateExecutable() else {
            print("wordpress: bientap-portal not found beside bientap-bench")
            return
        }
        do {
            let wordpress = try WordPressClient(baseURL: site, user: editor[1], applicationPassword: editor[2])
            let total = try wordpress.allSubmissions(statuses: [.submitted, .returned, .scheduled, .published], pageSize: 100).count
            loop("WordPress 6.1 (php -S, MariaDB)", wordpress, items: total)

            let portal = try LocalPortal(executable: executable, editorDisplayName: "Bench")
            defer { portal.stop() }
            // The sample has 240 items; the count printed is the one the portal answers.
            _ = try LocalPortal.run(executable, ["seed", "--bulk", String(items - 240), "--db", portal.database])
            let url = try portal.startServer()
            let ours = try AdminClient(baseURL: url, token: portal.token)
            loop("bientap-portal (SQLite)", ours, items: try ours.allSubmissions().count)
        } catch {
            print("wordpress benchmark failed: \(error)")
            exit(1)
        }
    }

    private static func loop(_ name: String, _ client: any PortalAPI, items: Int) {
        do {
            var list: [Double] = [], open: [Double] = [], save: [Double] = [], whole: [Double] = []
            for round in 0..<loops {
                let start = now()
                let page = try client.submissions(statuses: SubmissionStatus.pending, site: nil, publishedFrom: nil, cursor: nil, limit: 20)
                let listed = now()
                guard let row = page.items.first else { throw Empty() }
                let item = try client.submission(id: row.id)
                let opened = now()
                let title = item.summary.title.hasSuffix(" ·") ? String(item.summary.title.dropLast(2)) : item.summary.title + " ·"
                _ = try client.save(id: row.id, edit: SubmissionEdit(title: title, sapo: item.sapo, body: item.body), base: item.summary.revision)
                let saved = now()
                if round >= 10 {
                    list.append(Double(listed - start))
                    open.append(Double(opened - listed))
                    save.append(Double(saved - opened))
                    whole.append(Double(saved - start))
                }
            }
            let unchanged = try measure(iterations: 100) {
                _ = try client.submissions(statuses: SubmissionStatus.pending, site: nil, publishedFrom: nil, cursor: nil, limit: 20)
            }
            print("== \(name): \(items) items")
            report("  list pending (20)", list.sorted(), unit: "ms", scale: 1e6)
            report("  open one", open.sorted(), unit: "ms", scale: 1e6)
            report("  save (title changed)", save.sorted(), unit: "ms", scale: 1e6)
            report("  list → open → save", whole.sorted(), unit: "ms", scale: 1e6)
            print(String(format: "%-48@ %.1f loops/s", "  loops at concurrency 1" as NSString, 1e9 / (whole.reduce(0, +) / Double(whole.count))))
            report("  poll, nothing changed", unchanged, unit: "ms", scale: 1e6)
        } catch {
            print("\(name): the loop failed: \(error)")
            exit(1)
        }
    }

    private struct Empty: Error {}
}
