import Foundation
import NewsroomKit
@testable import PortalServer
import SQLKit
import Testing
import VietText

/// What migration 18 changed in how text is kept (Docs/performance.md): older revisions as
/// deltas against the revision after them, and on SQLite no stored copy of the search text.
/// Both read and find what they did before.
@Suite(.serialized)
struct StorageTests {
    @Test(arguments: Database.both)
    func olderRevisionsAreDeltasThatReadAndDiffAsWholeOnesDid(_ database: Database) async throws {
        try await TemporaryDatabase.with(database) { temporary in
            let store = try await temporary.seededStore()
            let items = Array(try await store.submissions(.init(statuses: [.submitted], limit: 50)).items.filter { $0.language == "vi" }.prefix(2))
            try #require(items.count == 2)
            let first = try await store.submission(id: items[0].id, scope: .everything)
            let original = try #require(first)
            // Edits of every shape: the end of the title, one letter whose UTF-8 differs only in its last
            // byte (ạ/ả), the start, everything, nothing, an emptied field, text appended.
            var texts = [(title: original.summary.title, sapo: original.sapo, body: original.body)]
            let body = original.body
            var oneLetter = body
            if let letter = oneLetter.range(of: "ạ") { oneLetter.replaceSubrange(letter, with: "ả") }
            let edits: [(title: String, sapo: String, body: String)] = [
                (texts[0].title + " (sửa)", texts[0].sapo, body),
                (texts[0].title + " (sửa)", texts[0].sapo, oneLetter),
                ("Tiêu đề mới", "Sa pô mới.", "Đầu bài mới. " + body),
                ("Khác hẳn", "Khác hẳn", "Thân bài khác hẳn: ả ạ ã."),
                ("Khác hẳn", "Khác hẳn", "Thân bài khác hẳn: ả ạ ã."),
                ("Khác hẳn", "", "Thân bài khác hẳn: ả ạ ã. Thêm một câu ở cuối."),
            ]
            for item in items {
                for (step, edit) in edits.enumerated() {
                    let saved = try await store.save(id: item.id, expected: item.revision + step,
                                                      edit: SubmissionEdit(title: edit.title, sapo: edit.sapo, body: edit.body, note: "lần \(step + 1)"),
                                                      author: "bt", scope: .everything)
                    guard case .saved = saved else { Issue.record("not saved: \(saved)"); return }
                }
            }
            texts += edits
            for (index, text) in texts.enumerated() {
                let revision = try await store.revision(index + 1, of: items[0].id, scope: .everything)
                #expect(revision?.title == text.title, "revision \(index + 1)")
                #expect(revision?.sapo == text.sapo, "revision \(index + 1)")
                #expect(revision?.body == text.body, "revision \(index + 1)")
            }
            // What the older rows keep: the changed middles (all of a body rewritten whole), not the bodies again.
            let kept = try await store.sql.raw("""
                SELECT COUNT(*) AS n, SUM(LENGTH(body)) AS bytes FROM revisions WHERE submission_id = \(bind: items[0].id) AND text_in = 'delta'
                """).first()
            #expect(try kept?.decode(column: "n", as: Int.self) == edits.count)
            #expect((try kept?.decode(column: "bytes", as: Int.self) ?? .max) < texts.dropLast().map(\.body.count).reduce(0, +) / 2)

            func everything() async throws -> [String] {
                var seen: [String] = []
                for item in items {
                    for info in try await store.revisions(of: item.id, scope: .everything) ?? [] {
                        for to in [nil] + (1...edits.count + 1).map(Optional.some) {
                            let diff = try await store.diff(of: item.id, from: info.number, to: to, scope: .everything)
                            seen.append(String(decoding: try WireFormat.encoder().encode(diff), as: UTF8.self))
                        }
                        let revision = try await store.revision(info.number, of: item.id, scope: .everything)
                        seen.append(String(decoding: try WireFormat.encoder().encode(revision), as: UTF8.self))
                    }
                }
                return seen
            }
            let asDeltas = try await everything()
            #expect(asDeltas.count == 2 * (edits.count + 1) * (edits.count + 3))
            // A database from before migration 18: every older revision whole in its own row.
            for item in items {
                for number in 1...edits.count {
                    let read = try await store.revision(number, of: item.id, scope: .everything)
                    let text = try #require(read)
                    try await store.transaction { try await store.sql.raw("""
                        UPDATE revisions SET title = \(bind: text.title), sapo = \(bind: text.sapo), body = \(bind: text.body),
                            text_in = 'row', delta = NULL
                        WHERE submission_id = \(bind: item.id) AND number = \(bind: number)
                        """).run() }
                }
            }
            let whole = try await everything()
            #expect(whole == asDeltas, "whole rows read as the deltas did")
            try await store.transaction { try await store.keepOlderRevisionsAsDeltas() }
            let migrated = try await everything()
            #expect(migrated == asDeltas, "every revision reads and diffs as before the migration")
            let rows = try await store.sql.raw("SELECT COUNT(*) AS n FROM revisions WHERE text_in = 'delta'").first()
            #expect(try rows?.decode(column: "n", as: Int.self) == 2 * edits.count)
            try await store.close()
        }
    }

    @Test(arguments: Database.both)
    func searchFindsWhatTheStoredSearchTextFound(_ database: Database) async throws {
        try await TemporaryDatabase.with(database) { temporary in
            let store = try await temporary.seededStore()
            if database == .sqlite {
                let copies = try await store.sql.raw("SELECT COUNT(*) AS n FROM submissions WHERE search_text <> ''").first()
                #expect(try copies?.decode(column: "n", as: Int.self) == 0, "SQLite keeps no copy of the search text")
                let page = try await store.sql.raw("PRAGMA page_size").first()
                #expect(try page?.decode(column: "page_size", as: Int.self) == 16384)
                // What was searched before: the stored copy, filled as migration 7 filled it.
                try await store.transaction { try await store.fillSearchText() }
            }
            let found = try await store.submissions(.init(limit: 1000)).items
            #expect(found.count > 100)
            // Words of the sample with and without their marks, in capitals, parts of syllables, two
            // words, LIKE's own wildcards, punctuation, what no item says.
            let title = try #require(found.first { $0.language == "vi" }?.title)
            let searches = [title, Diacritics.strip(title).uppercased(), "TỔNG kết", "tong ket", "ngh", "ương", "Đ", "đ", "uy ban nhan",
                            "24/11", "%", "_", "a%b", "x_y", "\\", "năm 2026", "the", "xyzzy qwerty", "  hội   nghị  "]
            for text in searches {
                var query = Store.SubmissionQuery(limit: 1000)
                query.text = text
                let answered = try await store.submissions(query).items.map(\.id)
                var like = SQLQueryString("SELECT id FROM submissions s WHERE 1 = 1")
                for word in Diacritics.searchKey(text).split(whereSeparator: { $0.isWhitespace }) {
                    let escaped = word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                        .replacingOccurrences(of: "_", with: "\\_")
                    like = like + " AND s.search_text LIKE \(bind: "%" + escaped + "%") ESCAPE '\\'"
                }
                let before = try await store.sql.raw(like + " ORDER BY received_at DESC, id DESC").all().map { try $0.decode(column: "id", as: Int64.self) }
                #expect(answered == before, "search for \(text)")
            }
            try await store.close()
        }
    }
}
