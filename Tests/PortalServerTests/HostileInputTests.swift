import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NewsroomKit
@testable import PortalServer
import Testing

/// What an outside probe found (issue 19): each test sends what an attacker or a careless
/// client sent and expects a clear refusal, not a crash, a loss or a leak.
@Suite(.serialized)
struct HostileInputTests: PortalTesting {
    private let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]) + Data(repeating: 7, count: 300)

    private func editor(_ store: Store) async throws -> String {
        try await store.addUser(name: "bien-tap", displayName: "Biên tập viên Hoa", grants: [Grant(role: .editor, site: nil)])
    }

    private func raw(_ text: String) -> Data { Data(text.utf8) }

    /// 1. A date far in the future reached a force-unwrap and killed the server for everyone.
    @Test(arguments: Database.both)
    func farDatesAreRefusedAndTheServerStaysUp(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let token = try await editor(store)
            for uri in ["/api/v1/rate-tables/active?site=so-y-te&at=9999-12-31T17:00:00Z",
                        "/api/v1/rate-tables/active?site=so-y-te&at=10000-01-01T00:00:00Z",
                        "/api/v1/rate-tables/active?site=so-y-te&at=0001-01-01T00:00:00Z",
                        "/api/v1/reports/activity?from=9999-12-31&to=9999-12-31",
                        "/api/v1/reports/activity?from=0000-01-01&to=0000-01-02",
                        "/api/v1/reports/activity?from=1969-12-31&to=1970-01-01",
                        "/api/v1/reports/activity?from=2026-02-29&to=2026-03-01",
                        "/api/v1/reports/activity?from=%EF%BC%92026-01-01&to=2026-01-02",
                        "/api/v1/submissions?received_from=9999-12-31T23:59:59Z",
                        "/api/v1/submissions?published_from=-0001-01-01T00:00:00Z"] {
                let answer = try await send(client, .get, uri, token: token)
                #expect(answer.status == .badRequest, "\(uri)")
                #expect(errorCode(answer.body) == "invalid_field", "\(uri)")
            }
            // A decision's date is checked as strictly as a query's.
            let item = try await store.submissions(.init(statuses: [.approved], limit: 1)).items[0]
            let publisher = try await store.addUser(name: "truc", displayName: "Trực ban", grants: [Grant(role: .publisher, site: nil)])
            let far = try await send(client, .post, APIPath.transitions(item.id), token: publisher,
                                     headers: [.ifMatch: RevisionTag.make(item.revision)],
                                     body: raw(#"{"action":"schedule","publish_at":"9999-12-31T17:00:00Z"}"#))
            #expect(far.status == .badRequest)
            // The edges that are days still answer, and the server is alive.
            let edge = try await send(client, .get, "/api/v1/reports/activity?from=2199-01-01&to=2199-12-31", token: token)
            #expect(edge.status == .ok, "\(String(decoding: edge.body, as: UTF8.self))")
            let me = try await send(client, .get, APIPath.me, token: token)
            #expect(me.status == .ok)
        }
    }

    /// 6. A NUL was stored whole, read back cut and lost on the next save; other controls
    /// would reach terminals. Refused in every text field, however it is written.
    @Test(arguments: Database.both)
    func controlCharactersInTextAreRefusedWithTheirField(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let writer = try await store.addUser(name: "ctv", displayName: "Cộng tác viên", grants: [Grant(role: .contributor, site: "so-y-te")])
            let token = try await editor(store)
            let bodies: [(String, String)] = [
                (#"{"site":"so-y-te","title":"Tin","sapo":"","body":"keep this\u0000LOST TEXT","category":"news"}"#, "body"),
                (#"{"site":"so-y-te","title":"Tin\u001b]0;pwned\u0007","sapo":"","body":"x","category":"news"}"#, "title"),
                (#"{"site":"so-y-te","title":"Tin","sapo":"a\u009bb","body":"x","category":"news"}"#, "sapo"),
                ("{\"site\":\"so-y-te\",\"title\":\"Tin\",\"sapo\":\"a\u{85}b\",\"body\":\"x\",\"category\":\"news\"}", "sapo"),
                (#"{"site":"so-y-te","title":"Tin","sapo":"","body":"x\u007F","category":"news"}"#, "body"),
                (#"{"site":"so-y-te","title":"Tin","sapo":"","body":"x","category":"news","attachments":[{"filename":"a.png","data":"iVBORw0KGgo=","caption":"\u000d","credit":""}]}"#, "caption"),
            ]
            for (body, field) in bodies {
                let answer = try await send(client, .post, APIPath.submissions, token: writer, body: raw(body))
                #expect(answer.status == .badRequest, "\(body)")
                #expect(errorCode(answer.body) == "invalid_text", "\(body)")
                let message = try WireFormat.decoder().decode(APIErrorBody.self, from: answer.body).error.messageEn
                #expect(message.contains(field + ":"), "\(message)")
            }
            // Tab, newline and an escaped backslash before "u0000" are text.
            let fine = try await send(client, .post, APIPath.submissions, token: writer,
                                      body: raw(#"{"site":"so-y-te","title":"Tin","sapo":"a\tb","body":"dòng 1\ndòng 2 C:\\u0000","category":"news"}"#))
            #expect(fine.status == .created, "\(String(decoding: fine.body, as: UTF8.self))")
            let item = try WireFormat.decoder().decode(Submission.self, from: fine.body)
            #expect(item.body == "dòng 1\ndòng 2 C:\\u0000")
            // A save and a note are held to the same rule.
            let save = try await send(client, .put, APIPath.submission(item.id), token: token, headers: [.ifMatch: "\"r1\""],
                                      body: raw(#"{"title":"Tin","sapo":"","body":"giữ\u0000mất"}"#))
            #expect(errorCode(save.body) == "invalid_text")
            let note = try await send(client, .post, APIPath.notes(item.id), token: token,
                                      body: raw(#"{"body":"\u001b[2J","visibility":"editors"}"#))
            #expect(errorCode(note.body) == "invalid_text")
            let search = try await send(client, .get, APIPath.submissions + "?q=a%00b", token: token)
            #expect(errorCode(search.body) == "invalid_text")
            let stored = try await store.submission(id: item.id, scope: .everything)
            #expect(stored?.summary.revision == 1, "nothing was saved")
        }
    }

    /// 7. Any body size was read whole; now each route has its limit, told by a 413.
    @Test(arguments: Database.both)
    func bodiesBeyondTheirLimitAre413(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let token = try await editor(store)
            let item = try await store.submissions(.init(limit: 1)).items[0]
            let big = Data(repeating: UInt8(ascii: "a"), count: (1 << 20) + 1)
            let save = try await send(client, .put, APIPath.submission(item.id), token: token, headers: [.ifMatch: "\"r1\""], body: big)
            #expect(save.status.code == 413)
            #expect(errorCode(save.body) == "payload_too_large")
            let signIn = try await send(client, .post, APIPath.signIn, token: nil, body: Data(repeating: 32, count: 5000))
            #expect(signIn.status.code == 413)
            // Photos: each within 8 MiB, all within 20 MiB (three of 7.1 MB fit the request, not the total).
            let photo = png + Data(repeating: 0, count: 7_100_000)
            let draft = SubmissionDraft(site: "so-y-te", title: "Ảnh", sapo: "", body: "x", category: .news,
                                        attachments: (1...3).map { AttachmentUpload(filename: "\($0).png", data: photo, caption: "", credit: "") })
            let tooMany = try await send(client, .post, APIPath.submissions, token: token, body: json(draft))
            #expect(tooMany.status.code == 413, "\(String(decoding: tooMany.body, as: UTF8.self))")
            #expect(errorCode(tooMany.body) == "payload_too_large")
        }
    }

    /// 7. One upload in flight per user, and a ceiling on what all uploads hold at once.
    @Test(arguments: Database.both)
    func theUploadGateRefusesASecondUploadAndAFullServer(_ database: Database) async throws {
        let gate = UploadGate(capacity: 1000)
        let request = Request(head: .init(method: .post, scheme: "http", authority: "localhost", path: "/", headerFields: [.contentLength: "600"]),
                              body: .init(buffer: ByteBuffer()))
        let inside = AsyncStream<Void>.makeStream()
        let release = AsyncStream<Void>.makeStream()
        let first = Task {
            try await gate.admit(request, user: 1, limit: 10_000) {
                inside.continuation.yield()
                for await _ in release.stream { break }
            }
        }
        for await _ in inside.stream { break }
        do {
            try await gate.admit(request, user: 1, limit: 10_000) {}
            Issue.record("a second upload of the same user went in")
        } catch let failure as APIFailure {
            #expect(failure.code == .tooManyRequests)
        }
        do {
            try await gate.admit(request, user: 2, limit: 10_000) {}
            Issue.record("600 + 600 bytes went into a gate of 1000")
        } catch let failure as APIFailure {
            #expect(failure.code == .serverBusy)
            #expect(failure.retryAfter != nil)
        }
        release.continuation.yield()
        try await first.value
        try await gate.admit(request, user: 2, limit: 10_000) {}
    }

    /// 7. A user files so many submissions an hour, however many requests race.
    @Test(arguments: Database.both)
    func creationsPerUserAreLimitedUnderConcurrency(_ database: Database) async throws {
        try await withSeededStore(on: database) { store in
            _ = try await store.addUser(name: "ctv", displayName: "Cộng tác viên", grants: [Grant(role: .contributor, site: "so-y-te")])
            guard let principal = try await store.principal(forToken: try await store.issueToken(name: "ctv").token) else { Issue.record(); return }
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for n in 0..<12 {
                    group.addTask {
                        let draft = SubmissionDraft(site: "so-y-te", title: "Tin \(n)", sapo: "", body: "x", category: .news)
                        if case .created = try await store.create(draft, by: principal, idempotency: nil, perHour: 5, answer: { _ in Data() }) {
                            return true
                        }
                        return false
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 5)
            let draft = SubmissionDraft(site: "so-y-te", title: "Một giờ sau", sapo: "", body: "x", category: .news)
            guard case .created = try await store.create(draft, by: principal, idempotency: nil, now: Date().addingTimeInterval(3601), perHour: 5,
                                                         answer: { _ in Data() }) else { Issue.record("still limited an hour later"); return }
        }
    }

    /// 8. A replayed creation answers like the first: Location and ETag too.
    @Test(arguments: Database.both)
    func aReplayedCreationKeepsLocationAndETag(_ database: Database) async throws {
        try await TemporaryDatabase.with(database) { db in
            try await db.withPortal { store, client in
                let token = try await editor(store)
                let key: [HTTPField.Name: String] = [HTTPField.Name("Idempotency-Key")!: "mot-lan"]
                let body = json(SubmissionDraft(site: "so-y-te", title: "Tin một lần", sapo: "", body: "x", category: .news))
                let first = try await send(client, .post, APIPath.submissions, token: token, headers: key, body: body)
                let again = try await send(client, .post, APIPath.submissions, token: token, headers: key, body: body)
                #expect(again.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
                #expect(again.status == .created)
                #expect(first.headers[.location] != nil)
                #expect(again.headers[.location] == first.headers[.location])
                #expect(again.headers[.eTag] == first.headers[.eTag])
            }
        }
    }

    /// 8. `+` in a query string is a space, as forms and curl write it.
    @Test(arguments: Database.both)
    func aPlusInTheQueryIsASpace(_ database: Database) async throws {
        #expect(QueryParameters(query: "q=L%C3%BD+S%C6%A1n&a=1%2B1&a=2&e=")["q"] == "Lý Sơn")
        #expect(QueryParameters(query: "q=L%C3%BD+S%C6%A1n&a=1%2B1&a=2&e=")[values: "a"] == ["1+1", "2"])
        #expect(QueryParameters(query: "e=&bad=%zz")["bad"] == "%zz")
        try await withPortal(on: database) { store, client in
            let token = try await editor(store)
            let item = try await store.submissions(.init(statuses: [.submitted], limit: 1)).items[0]
            let words = item.title.split(separator: " ").prefix(2).joined(separator: "+")
            let encoded = words.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "+"))
                .union(CharacterSet(charactersIn: "+"))) ?? words
            let (page, _) = try await get(client, APIPath.submissions + "?status=submitted&limit=200&q=" + encoded, token: token,
                                          as: Page<SubmissionSummary>.self)
            #expect(page.items.contains { $0.id == item.id }, "\(encoded)")
            // A date's offset typed unencoded still reads.
            let dated = try await send(client, .get, APIPath.submissions + "?received_from=2026-01-01T00:00:00+07:00", token: token)
            #expect(dated.status == .ok)
        }
    }

    /// 8. A full disk takes writes from no one: not ready.
    @Test(arguments: Database.both)
    func readinessSaysNoWhenTheDiskIsFull(_ database: Database) async throws {
        try await TemporaryDatabase.with(database) { db in
            let store = try await db.seededStore()
            var logger = Logger(label: "test")
            logger.logLevel = .error
            let full = Application(router: PortalApplication.router(store: store, minimumFreeDisk: (database == .postgres) ? 0 : .max),
                                   configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
            do {
                try await full.test(.router) { client in
                    let answer = try await client.execute(uri: APIPath.ready, method: .get)
                    if (database == .postgres) {
                        #expect(answer.status == .ok, "PostgreSQL's server watches its own disk")
                    } else {
                        #expect(answer.status == .serviceUnavailable)
                        #expect(String(buffer: answer.body).contains("disk full"))
                    }
                }
            } catch {
                try? await store.close()
                throw error
            }
            try await store.close()
        }
    }

    /// 8. The sample's published items have their publication; a published text is not
    /// changed silently behind its page.
    @Test(arguments: Database.both)
    func publishedItemsHaveAPublicationAndAreNotEditedSilently(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let token = try await editor(store)
            let published = try await store.submissions(.init(statuses: [.published], limit: 200)).items
            #expect(!published.isEmpty)
            for item in published {
                let publication = try await store.publication(of: item.id, scope: .everything)
                #expect(publication != nil, "\(item.id) has no publication")
                #expect(publication?.path.hasPrefix("/\(item.site.code)/") ?? false)
            }
            let item = published[0]
            let save = try await send(client, .put, APIPath.submission(item.id), token: token, headers: [.ifMatch: RevisionTag.make(item.revision)],
                                      body: json(SubmissionEdit(title: "Sửa lặng lẽ", sapo: "", body: "x")))
            // Only as a correction, whose note the page shows.
            #expect(save.status == .badRequest)
            #expect(errorCode(save.body) == "invalid_field")
            let after = try await store.submission(id: item.id, scope: .everything)
            #expect(after?.summary.title == item.title)
        }
    }

    /// 4. A contributor reads the staff by display name, never by login name.
    @Test(arguments: Database.both)
    func contributorsSeeDisplayNamesNotLogins(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let editorToken = try await editor(store)
            let writer = try await store.addUser(name: "ctv", displayName: "Cộng tác viên Mai", grants: [Grant(role: .contributor, site: "so-y-te")])
            let created = try await send(client, .post, APIPath.submissions, token: writer,
                                         body: json(SubmissionDraft(site: "so-y-te", title: "Tin", sapo: "", body: "Một.", category: .news)))
            let item = try WireFormat.decoder().decode(Submission.self, from: created.body)
            var claim = try await send(client, .post, APIPath.transitions(item.id), token: editorToken, headers: [.ifMatch: "\"r1\""],
                                       body: json(TransitionRequest(action: .claim)))
            #expect(claim.status == .ok)
            claim = try await send(client, .post, APIPath.lease(item.id), token: editorToken)
            #expect(claim.status == .ok)
            let save = try await send(client, .put, APIPath.submission(item.id), token: editorToken, headers: [.ifMatch: "\"r1\""],
                                      body: json(SubmissionEdit(title: "Tin", sapo: "", body: "Hai.")))
            #expect(save.status == .ok)
            let note = try await send(client, .post, APIPath.notes(item.id), token: editorToken,
                                      body: json(NoteRequest(body: "Cần thêm ảnh.", visibility: .shared)))
            #expect(note.status == .created)
            for path in [APIPath.events(item.id), APIPath.revisions(item.id), APIPath.notes(item.id), APIPath.submission(item.id),
                         APIPath.submissions, APIPath.diff(item.id), APIPath.revision(2, of: item.id)] {
                let asContributor = try await send(client, .get, path, token: writer)
                #expect(asContributor.status == .ok, "\(path)")
                let text = String(decoding: asContributor.body, as: UTF8.self)
                #expect(!text.contains("bien-tap"), "\(path) tells a contributor a login: \(text.prefix(300))")
                let asStaff = try await send(client, .get, path, token: editorToken)
                if path != APIPath.submissions && path != APIPath.submission(item.id) && path != APIPath.diff(item.id) {
                    #expect(String(decoding: asStaff.body, as: UTF8.self).contains("bien-tap"), "\(path)")
                }
            }
            let (events, _) = try await get(client, APIPath.events(item.id), token: writer, as: [AuditEvent].self)
            #expect(events.last?.actor == "Biên tập viên Hoa")
        }
    }

    /// 5. A contributor names co-authors only among people known on the site; a stranger and
    /// an id that does not exist are refused alike; the share waits for an editor.
    @Test(arguments: Database.both)
    func coAuthorsAreNamedWithinTheSiteAndConfirmedAtApproval(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let writer = try await store.addUser(name: "ctv", displayName: "Cộng tác viên", grants: [Grant(role: .contributor, site: "so-y-te")])
            let editorToken = try await editor(store)
            let here = try await store.submissions(.init(site: "so-y-te", limit: 1)).items[0].contributor
            // Someone who has never written for the site and holds no role there.
            let stranger = ContributorRef(id: try await store.transaction {
                try await store.returning("INSERT INTO contributors (full_name) VALUES ('Người Ở Xa') RETURNING id").decode(column: "id", as: Int64.self)
            }, fullName: "Người Ở Xa", penName: nil)
            var answers: [String] = []
            for id in [stranger.id, 999_999] {
                let answer = try await send(client, .post, APIPath.submissions, token: writer,
                                            body: json(SubmissionDraft(site: "so-y-te", title: "Tin", sapo: "", body: "x", category: .news,
                                                                       coAuthors: [CoAuthorShare(contributorId: id, share: 20)])))
                #expect(answer.status == .badRequest)
                answers.append(String(decoding: answer.body, as: UTF8.self).replacingOccurrences(of: String(id), with: "ID"))
            }
            #expect(answers[0] == answers[1], "a stranger and no one answer alike")
            #expect(!(answers[0].contains(stranger.fullName)))
            let named = try await send(client, .post, APIPath.submissions, token: writer,
                                       body: json(SubmissionDraft(site: "so-y-te", title: "Tin", sapo: "", body: "x", category: .news,
                                                                  coAuthors: [CoAuthorShare(contributorId: here.id, share: 20)])))
            #expect(named.status == .created, "\(String(decoding: named.body, as: UTF8.self))")
            let item = try WireFormat.decoder().decode(Submission.self, from: named.body)
            #expect(item.coAuthors.map(\.confirmed) == [false], "pending until an editor confirms")
            for transition in [TransitionRequest(action: .claim),
                               TransitionRequest(action: .approve, grading: Grading(genre: "tin", coefficient: 1))] {
                let current = try await store.submission(id: item.id, scope: .everything)
                let answer = try await send(client, .post, APIPath.transitions(item.id), token: editorToken,
                                            headers: [.ifMatch: RevisionTag.make(current?.summary.revision ?? 0)], body: json(transition))
                #expect(answer.status == .ok, "\(String(decoding: answer.body, as: UTF8.self))")
            }
            let approved = try await store.submission(id: item.id, scope: .everything)
            #expect(approved?.coAuthors.map(\.confirmed) == [true])
        }
    }

    /// 3. Parallel wrong passwords are counted before they are checked: no more get through than the limit.
    @Test(arguments: Database.both)
    func parallelGuessesAreCountedBeforeTheyAreChecked(_ database: Database) async throws {
        try await withSeededStore(on: database) { store in
            _ = try await store.addUser(name: "an", displayName: "An", grants: [Grant(role: .editor, site: nil)])
            try await store.setPassword(name: "an", password: "đúng mật khẩu dài", cost: 4)
            let limits = Store.SignInLimits()
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        switch try await store.signIn(name: "an", password: "sai", code: nil, peer: "203.0.113.9", limits: limits) {
                        case .invalid: return "invalid"
                        case .throttled: return "throttled"
                        default: return "other"
                        }
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == "invalid" }.count == limits.perPair, "\(outcomes)")
            #expect(outcomes.filter { $0 == "throttled" }.count == 40 - limits.perPair)
        }
    }

    /// 4. Failures slow the next try down, twice as long each time, instead of locking the
    /// owner out; where the owner signed in before, a guesser elsewhere does not slow them;
    /// an admin clears it; a trusted proxy names the client.
    @Test(arguments: Database.both)
    func failuresBackOffInsteadOfLockingTheOwnerOut(_ database: Database) async throws {
        try await withSeededStore(on: database) { store in
            _ = try await store.addUser(name: "an", displayName: "An", grants: [Grant(role: .editor, site: nil)])
            try await store.setPassword(name: "an", password: "đúng mật khẩu dài", cost: 4)
            let limits = Store.SignInLimits()
            var now = Date()
            func attempt(_ password: String, from peer: String) async throws -> Store.SignInOutcome {
                try await store.signIn(name: "an", password: password, code: nil, peer: peer, limits: limits, now: now)
            }
            // The owner signs in at the office once: the address is known.
            guard case .signedIn = try await attempt("đúng mật khẩu dài", from: "198.51.100.1") else { Issue.record(); return }
            for _ in 0..<limits.perPair {
                guard case .invalid = try await attempt("sai", from: "203.0.113.9") else { Issue.record("limited too soon"); return }
            }
            guard case .throttled(let first) = try await attempt("sai", from: "203.0.113.9") else { Issue.record("not limited"); return }
            #expect(first == 1, "the first wait is a second, not fifteen minutes")
            var waits: [Int] = []
            for _ in 0..<5 {
                now = now.addingTimeInterval(Double(waits.last ?? first) + 0.01)
                guard case .invalid = try await attempt("sai", from: "203.0.113.9") else { Issue.record("a try after its wait was refused"); return }
                guard case .throttled(let wait) = try await attempt("sai", from: "203.0.113.9") else { Issue.record(); return }
                waits.append(wait)
            }
            #expect(waits == [2, 4, 8, 16, 32], "twice as long each time")
            // Ten failures under the name: the owner at the office is not slowed at all.
            guard case .signedIn = try await attempt("đúng mật khẩu dài", from: "198.51.100.1") else {
                Issue.record("a guesser elsewhere locked the owner out"); return
            }
            // A new address of the owner's waits a minute at most, not a quarter of an hour.
            guard case .throttled(let shared) = try await attempt("đúng mật khẩu dài", from: "192.0.2.7") else { Issue.record(); return }
            #expect(shared <= 60)
            // An admin clears it.
            let cleared = try await store.clearSignInFailures(name: "an")
            #expect(cleared == 2 * limits.perPair)
            guard case .signedIn = try await attempt("đúng mật khẩu dài", from: "192.0.2.7") else { Issue.record("not cleared"); return }
        }

        let proxies = ClientAddress(trustedProxies: ["127.0.0.1"])
        func request(_ forwarded: String) -> Request {
            Request(head: .init(method: .post, scheme: "http", authority: "localhost", path: "/",
                                headerFields: [HTTPField.Name("X-Forwarded-For")!: forwarded]), body: .init(buffer: ByteBuffer()))
        }
        #expect(proxies.of(request("10.1.1.1, 203.0.113.5"), peer: "127.0.0.1") == "203.0.113.5", "the address the proxy saw")
        #expect(proxies.of(request("203.0.113.5"), peer: "198.51.100.3") == "198.51.100.3", "an untrusted peer's header is ignored")
        #expect(proxies.of(request("<script>"), peer: "127.0.0.1") == "127.0.0.1", "not an address")
    }
}
