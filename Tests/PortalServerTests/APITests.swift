import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NewsroomKit
@testable import PortalServer
import Testing

@Suite(.serialized)
struct APITests: PortalTesting {
    @Test(arguments: Database.both)
    func healthNeedsNoToken(_ database: Database) async throws {
        try await withPortal(on: database) { _, client in
            let (health, _) = try await get(client, "/healthz", token: nil, as: Health.self)
            #expect(health.status == "ok")
        }
    }

    @Test(arguments: Database.both)
    func missingOrWrongTokenIs401WithTheErrorShape(_ database: Database) async throws {
        try await withPortal(on: database) { _, client in
            for token in [nil, "wrong"] as [String?] {
                let (body, headers) = try await get(client, "/api/v1/submissions", token: token, as: APIErrorBody.self, status: .unauthorized)
                #expect(body.error.code == "unauthorized")
                #expect(!body.error.message.isEmpty)
                #expect(!body.error.messageEn.isEmpty)
                #expect(headers[.wwwAuthenticate] == "Bearer realm=\"bientap\"")
            }
            let (missing, _) = try await get(client, "/api/v1/nothing-here", token: nil, as: APIErrorBody.self, status: .notFound)
            #expect(missing.error.code == "not_found", "unknown routes answer in the API's error shape too")
        }
    }

    @Test(arguments: Database.both)
    func pagingWalksEveryPendingItemOnceNewestFirst(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let token = try await store.addUser(name: "an", displayName: "An", grants: [Grant(role: .editor, site: nil)])
            let counts = try await store.countSubmissions()
            let expected = counts[.submitted, default: 0] + counts[.resubmitted, default: 0]
            var seen: [SubmissionSummary] = []
            var cursor: String?
            var pages = 0
            repeat {
                let uri = "/api/v1/submissions?status=submitted&status=resubmitted&limit=7" + (cursor.map { "&cursor=\($0)" } ?? "")
                let (page, _) = try await get(client, uri, token: token, as: Page<SubmissionSummary>.self)
                #expect(page.items.count <= 7)
                seen += page.items
                cursor = page.nextCursor
                pages += 1
            } while cursor != nil && pages < 100
            #expect(seen.count == expected)
            #expect(Set(seen.map(\.id)).count == expected, "no item twice")
            #expect(seen.allSatisfy { SubmissionStatus.pending.contains($0.status) })
            let keys = seen.map { ($0.receivedAt, $0.id) }
            #expect(zip(keys, keys.dropFirst()).allSatisfy { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 > $1.1) }, "newest first")
            #expect(pages == (expected + 6) / 7)
        }
    }

    @Test(arguments: Database.both)
    func badParametersGetStableCodes(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let token = try await store.addUser(name: "an", displayName: "An", grants: [Grant(role: .editor, site: nil)])
            let cases = [("status=bogus", "invalid_status"), ("status=submitted,nope", "invalid_status"), ("limit=0", "invalid_limit"),
                         ("limit=201", "invalid_limit"), ("limit=ten", "invalid_limit"), ("cursor=%21%21", "invalid_cursor")]
            for (query, code) in cases {
                let (body, _) = try await get(client, "/api/v1/submissions?" + query, token: token, as: APIErrorBody.self, status: .badRequest)
                #expect(body.error.code == code, "\(query)")
            }
            let (bad, _) = try await get(client, "/api/v1/submissions/abc", token: token, as: APIErrorBody.self, status: .badRequest)
            #expect(bad.error.code == "bad_request")
            let (missing, _) = try await get(client, "/api/v1/submissions/99999", token: token, as: APIErrorBody.self, status: .notFound)
            #expect(missing.error.code == "not_found")
            let (route, _) = try await get(client, "/api/v1/nothing-here", token: token, as: APIErrorBody.self, status: .notFound)
            #expect(route.error.code == "not_found")
        }
    }

    @Test(arguments: Database.both)
    func aSiteEditorSeesOnlyTheirSite(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let token = try await store.addUser(name: "ly", displayName: "Lý", grants: [Grant(role: .editor, site: "huyen-ly-son")])
            let (me, _) = try await get(client, "/api/v1/me", token: token, as: Me.self)
            #expect(me.grants == [Grant(role: .editor, site: "huyen-ly-son")])
            let (sites, _) = try await get(client, "/api/v1/sites", token: token, as: [Site].self)
            #expect(sites.map(\.code) == ["huyen-ly-son"])
            let (page, _) = try await get(client, "/api/v1/submissions?limit=200", token: token, as: Page<SubmissionSummary>.self)
            #expect(!page.items.isEmpty)
            #expect(page.items.allSatisfy { $0.site.code == "huyen-ly-son" })
            let (forbidden, _) = try await get(client, "/api/v1/submissions?site=so-y-te", token: token, as: APIErrorBody.self, status: .forbidden)
            #expect(forbidden.error.code == "forbidden")

            let all = try await store.submissions(.init(limit: 240)).items
            let elsewhere = try #require(all.first { $0.site.code != "huyen-ly-son" })
            let (hidden, _) = try await get(client, "/api/v1/submissions/\(elsewhere.id)", token: token, as: APIErrorBody.self, status: .notFound)
            #expect(hidden.error.code == "not_found", "another site's item does not exist for this editor")
        }
    }

    @Test(arguments: Database.both)
    func oneSubmissionCarriesItsTextAndRevisionETag(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let token = try await store.addUser(name: "an", displayName: "An", grants: [Grant(role: .editor, site: nil)])
            let first = try await store.submissions(.init(statuses: [.submitted], limit: 1)).items[0]
            let (submission, headers) = try await get(client, "/api/v1/submissions/\(first.id)", token: token, as: Submission.self)
            #expect(submission.summary.id == first.id)
            #expect(submission.summary.title == first.title)
            #expect(submission.summary.contributor == first.contributor)
            #expect(abs(submission.summary.receivedAt.timeIntervalSince1970 - first.receivedAt.timeIntervalSince1970) <= 1, "the wire carries whole seconds")
            #expect(!submission.body.isEmpty)
            #expect(submission.sapo.hasPrefix("("))
            #expect(headers[.eTag] == "\"r1\"")
        }
    }

    private func put(_ client: any TestClientProtocol, _ uri: String, token: String, ifMatch: String?, body: String) async throws
        -> (status: HTTPResponse.Status, body: Data, headers: HTTPFields) {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        headers[.contentType] = "application/json"
        if let ifMatch { headers[.ifMatch] = ifMatch }
        let response = try await client.execute(uri: uri, method: .put, headers: headers, body: ByteBuffer(string: body))
        return (response.status, Data(buffer: response.body), response.headers)
    }

    private func editJSON(_ title: String, _ body: String, note: String = "") -> String {
        String(decoding: try! WireFormat.encoder().encode(SubmissionEdit(title: title, sapo: "Sapo.", body: body, note: note)), as: UTF8.self)
    }

    @Test(arguments: Database.both)
    func savingMakesARevisionAndAStaleSaveGets412WithTheCurrentText(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let token = try await store.addUser(name: "an", displayName: "An", grants: [Grant(role: .editor, site: nil)])
            let item = try await store.submissions(.init(statuses: [.submitted], limit: 1)).items[0]
            let uri = "/api/v1/submissions/\(item.id)"
            // Decomposed input is stored NFC; the answer is the new revision with its tag.
            let saved = try await put(client, uri, token: token, ifMatch: "\"r1\"",
                                      body: editJSON("Tiêu đề mới", "Bài viết đã sửa chính tả.".decomposedStringWithCanonicalMapping, note: "sửa chính tả"))
            #expect(saved.status == .ok, "\(String(decoding: saved.body, as: UTF8.self))")
            #expect(saved.headers[.eTag] == "\"r2\"")
            let after = try WireFormat.decoder().decode(Submission.self, from: saved.body)
            #expect(after.summary.revision == 2)
            #expect(after.body == "Bài viết đã sửa chính tả.")
            #expect(after.summary.words == 7, "sapo and body counted")

            // A second editor still on r1: 412, and the body carries what is there now.
            let stale = try await put(client, uri, token: token, ifMatch: "\"r1\"", body: editJSON("Của tôi", "Chữ của tôi."))
            #expect(stale.status == .preconditionFailed)
            #expect(stale.headers[.eTag] == "\"r2\"")
            let conflict = try WireFormat.decoder().decode(StaleRevisionBody.self, from: stale.body)
            #expect(conflict.error.code == "stale_revision")
            #expect(conflict.current.body == "Bài viết đã sửa chính tả.")
            #expect(conflict.current.summary.title == "Tiêu đề mới")

            // Revisions: the original and the save, with who and why; each readable.
            let (list, _) = try await get(client, uri + "/revisions", token: token, as: [RevisionInfo].self)
            #expect(list.map(\.number) == [1, 2])
            #expect(list[1].author == "an")
            #expect(list[1].note == "sửa chính tả")
            let (original, _) = try await get(client, uri + "/revisions/1", token: token, as: Revision.self)
            #expect(original.body != after.body)
            #expect(original.title == item.title)
            let (missing, _) = try await get(client, uri + "/revisions/9", token: token, as: APIErrorBody.self, status: .notFound)
            #expect(missing.error.code == "not_found")
        }
    }

    @Test(arguments: Database.both)
    func saveNeedsIfMatchAnEditorAndAValidBody(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let editor = try await store.addUser(name: "ly", displayName: "Lý", grants: [Grant(role: .editor, site: "huyen-ly-son")])
            let accountant = try await store.addUser(name: "ke-toan", displayName: "Kế toán", grants: [Grant(role: .accountant, site: nil)])
            let all = try await store.submissions(.init(limit: 240)).items
            let mine = try #require(all.first { $0.site.code == "huyen-ly-son" })
            let elsewhere = try #require(all.first { $0.site.code != "huyen-ly-son" })
            let uri = "/api/v1/submissions/\(mine.id)"
            func code(_ answer: (status: HTTPResponse.Status, body: Data, headers: HTTPFields)) throws -> String {
                try WireFormat.decoder().decode(APIErrorBody.self, from: answer.body).error.code
            }
            let valid = editJSON("Tiêu đề", "Nội dung.")
            var answer = try await put(client, uri, token: editor, ifMatch: nil, body: valid)
            #expect(answer.status.code == 428)
            #expect(try code(answer) == "if_match_required")
            answer = try await put(client, uri, token: editor, ifMatch: "*", body: valid)
            #expect(try code(answer) == "if_match_required", "a save names the revision it was made from")
            answer = try await put(client, uri, token: editor, ifMatch: "\"r1\"", body: "{\"title\": 3}")
            #expect(answer.status == .badRequest)
            #expect(try code(answer) == "invalid_json")
            answer = try await put(client, uri, token: editor, ifMatch: "\"r1\"", body: editJSON("  ", "Nội dung."))
            #expect(try code(answer) == "invalid_field")
            answer = try await put(client, uri, token: editor, ifMatch: "\"r1\"",
                                   body: editJSON("Tiêu đề", String(repeating: "chữ ", count: 60_000)))
            #expect(try code(answer) == "invalid_field", "a body over the limit")
            answer = try await put(client, uri, token: accountant, ifMatch: "\"r1\"", body: valid)
            #expect(answer.status == .forbidden, "an accountant reads but does not edit")
            answer = try await put(client, "/api/v1/submissions/\(elsewhere.id)", token: editor, ifMatch: "\"r1\"", body: valid)
            #expect(answer.status == .notFound, "another site's item does not exist for this editor")
            let unchanged = try await store.submission(id: mine.id, scope: .everything)
            #expect(unchanged?.summary.revision == 1, "nothing refused was saved")
            answer = try await put(client, uri, token: editor, ifMatch: "W/\"r1\"", body: valid)
            #expect(answer.status == .ok, "a weak tag names the revision too")
        }
    }

    @Test(arguments: Database.both)
    func concurrentSavesFromOneRevisionLetExactlyOneThrough(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let token = try await store.addUser(name: "an", displayName: "An", grants: [Grant(role: .editor, site: nil)])
            let item = try await store.submissions(.init(statuses: [.submitted], limit: 1)).items[0]
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for n in 0..<12 {
                    group.addTask {
                        try await self.put(client, "/api/v1/submissions/\(item.id)", token: token, ifMatch: "\"r1\"",
                                           body: self.editJSON("Bản \(n)", "Nội dung \(n).")).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 == .preconditionFailed }.count == 11)
            let revisions = try await store.revisions(of: item.id, scope: .everything)
            #expect(revisions?.map(\.number) == [1, 2])
        }
    }

    private func post(_ client: any TestClientProtocol, _ uri: String, token: String, ifMatch: String? = "\"r1\"", key: String? = nil,
                      _ transition: TransitionRequest) async throws -> (status: HTTPResponse.Status, body: Data, headers: HTTPFields) {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        headers[.contentType] = "application/json"
        if let ifMatch { headers[.ifMatch] = ifMatch }
        if let key { headers[HTTPField.Name("Idempotency-Key")!] = key }
        let response = try await client.execute(uri: uri, method: .post, headers: headers,
                                                 body: ByteBuffer(bytes: try WireFormat.encoder().encode(transition)))
        return (response.status, Data(buffer: response.body), response.headers)
    }


    @Test(arguments: Database.both)
    func workflowFromClaimToPublicationWithItsHistory(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let editor = try await store.addUser(name: "bien-tap", displayName: "Biên tập", grants: [Grant(role: .editor, site: nil)])
            let publisher = try await store.addUser(name: "truc", displayName: "Trực", grants: [Grant(role: .publisher, site: nil)])
            let item = try await store.submissions(.init(statuses: [.submitted], limit: 1)).items[0]
            let uri = "/api/v1/submissions/\(item.id)/transitions"
            /// Takes the decision and answers the status it led to.
            func take(_ token: String, _ transition: TransitionRequest) async throws -> SubmissionStatus {
                let answer = try await post(client, uri, token: token, transition)
                #expect(answer.status == .ok, "\(String(decoding: answer.body, as: UTF8.self))")
                let taken = try WireFormat.decoder().decode(Submission.self, from: answer.body)
                return taken.summary.status
            }
            var reached = try await take(editor, TransitionRequest(action: .claim))
            #expect(reached == .inReview)
            var answer = try await post(client, uri, token: editor, TransitionRequest(action: .return))
            #expect(errorCode(answer.body) == "invalid_field", "a return says why")
            answer = try await post(client, uri, token: editor, TransitionRequest(action: .approve))
            #expect(errorCode(answer.body) == "invalid_field", "an approval grades")
            answer = try await post(client, uri, token: editor, TransitionRequest(action: .approve, grading: Grading(genre: "tin", coefficient: 1.5),
                                                                                channels: ["myspace"]))
            #expect(errorCode(answer.body) == "invalid_field", "unknown channel")
            reached = try await take(editor, TransitionRequest(action: .approve, grading: Grading(genre: "tin", coefficient: 1.5), channels: ["facebook"]))
            #expect(reached == .approved)
            answer = try await post(client, uri, token: editor, TransitionRequest(action: .schedule, publishAt: Date().addingTimeInterval(3600)))
            #expect(answer.status == .forbidden, "scheduling is the publisher's")
            answer = try await post(client, uri, token: publisher, TransitionRequest(action: .schedule, publishAt: Date().addingTimeInterval(-60)))
            #expect(errorCode(answer.body) == "invalid_field", "not in the past")
            reached = try await take(publisher, TransitionRequest(action: .schedule, publishAt: Date().addingTimeInterval(3600)))
            #expect(reached == .scheduled)
            answer = try await post(client, uri, token: editor, TransitionRequest(action: .claim))
            #expect(answer.status.code == 409)
            #expect(errorCode(answer.body) == "illegal_transition")
            reached = try await take(publisher, TransitionRequest(action: .publish))
            #expect(reached == .published)

            let (publication, _) = try await get(client, "/api/v1/submissions/\(item.id)/publication", token: editor, as: Publication.self)
            #expect(publication.path == "/\(item.site.code)/\(Slug.make(item.title))-\(item.id).html")
            #expect(publication.html.hasPrefix("<h1>"), "\(publication.html)")
            let other = try await store.submissions(.init(statuses: [.submitted], limit: 1)).items[0]
            let (unpublished, _) = try await get(client, "/api/v1/submissions/\(other.id)/publication", token: editor, as: APIErrorBody.self,
                                                 status: .notFound)
            #expect(unpublished.error.code == "not_found")
            let (events, _) = try await get(client, "/api/v1/submissions/\(item.id)/events", token: editor, as: [AuditEvent].self)
            #expect(events.map(\.action) == [.claim, .approve, .schedule, .publish])
            #expect(events.map(\.actor) == ["bien-tap", "bien-tap", "truc", "truc"])
            #expect(events.first?.from == .submitted)
            #expect(events.last?.to == .published)
        }
    }

    @Test(arguments: Database.both)
    func anApprovalSettlesCoAuthorsSharesAndTheSocialText(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let editor = try await store.addUser(name: "bien-tap", displayName: "Biên tập", grants: [Grant(role: .editor, site: nil)])
            let items = try await store.submissions(.init(statuses: [.submitted], limit: 40)).items
            let item = items[0]
            let others = Array(Set(items.map(\.contributor.id)).subtracting([item.contributor.id])).sorted()
            #expect(others.count >= 2)
            let uri = "/api/v1/submissions/\(item.id)/transitions"
            let tin = Grading(genre: "tin", coefficient: 1.5)
            let claimed = try await post(client, uri, token: editor, TransitionRequest(action: .claim))
            #expect(claimed.status == .ok)
            // Refused, with nothing changed: shares outside an approval, a message without a channel,
            // the author as a co-author, someone who is not a contributor, shares leaving the author nothing.
            for (wrong, why) in [
                (TransitionRequest(action: .return, note: "Thiếu ảnh", coAuthors: [CoAuthorShare(contributorId: others[0], share: 10)]), "shares on a return"),
                (TransitionRequest(action: .approve, grading: tin, socialMessage: "Đọc ngay"), "a message without a channel"),
                (TransitionRequest(action: .approve, grading: tin, channels: ["zalo"], socialMessage: "  "), "an empty message"),
                (TransitionRequest(action: .approve, grading: tin, channels: ["zalo"],
                                   socialMessage: String(repeating: "a", count: TransitionRequest.socialMessageLimit + 1)), "a message too long"),
                (TransitionRequest(action: .approve, grading: tin, coAuthors: [CoAuthorShare(contributorId: item.contributor.id, share: 10)]), "the author"),
                (TransitionRequest(action: .approve, grading: tin, coAuthors: [CoAuthorShare(contributorId: 999_999, share: 10)]), "no such contributor"),
                (TransitionRequest(action: .approve, grading: tin, coAuthors: [CoAuthorShare(contributorId: others[0], share: 60),
                                                                               CoAuthorShare(contributorId: others[1], share: 40)]), "nothing left"),
            ] {
                let answer = try await post(client, uri, token: editor, wrong)
                #expect(answer.status.code == 400, "\(why)")
                #expect(errorCode(answer.body) == "invalid_field", "\(why)")
            }
            var current = try await store.submission(id: item.id, scope: .everything)!
            #expect(current.summary.status == .inReview)
            #expect(current.authorShare == 100)
            #expect(current.coAuthors == [])

            let approval = TransitionRequest(action: .approve, grading: tin, channels: ["facebook"], socialMessage: " Đọc ngay: Lý Sơn vào mùa tỏi \n",
                                             coAuthors: [CoAuthorShare(contributorId: others[1], share: 15), CoAuthorShare(contributorId: others[0], share: 25)])
            let answer = try await post(client, uri, token: editor, approval)
            #expect(answer.status == .ok, "\(String(decoding: answer.body, as: UTF8.self))")
            let approved = try WireFormat.decoder().decode(Submission.self, from: answer.body)
            #expect(approved.summary.status == .approved)
            #expect(approved.authorShare == 60)
            #expect(approved.coAuthors.map(\.contributor.id) == [others[0], others[1]], "largest share first")
            #expect(approved.coAuthors.map(\.share) == [25, 15])
            #expect(approved.grading == tin)
            #expect(approved.channels == ["facebook"])
            #expect(approved.socialMessage == "Đọc ngay: Lý Sơn vào mùa tỏi")
            current = try await store.submission(id: item.id, scope: .everything)!
            #expect(json(current) == json(approved), "what the answer says is what is kept")

            // Channels without a message: the sapo goes out.
            let second = items[1]
            let secondURI = "/api/v1/submissions/\(second.id)/transitions"
            let secondClaimed = try await post(client, secondURI, token: editor, TransitionRequest(action: .claim))
            #expect(secondClaimed.status == .ok)
            // Zalo takes no post without a cover photo: the whole decision is refused, in words.
            let uncovered = try await post(client, secondURI, token: editor, TransitionRequest(action: .approve, grading: tin, channels: ["zalo", "facebook"]))
            #expect(uncovered.status.code == 400)
            #expect(errorCode(uncovered.body) == "social_post_refused")
            #expect(String(decoding: uncovered.body, as: UTF8.self).contains("cover"), "\(String(decoding: uncovered.body, as: UTF8.self))")
            let plain = try await post(client, secondURI, token: editor, TransitionRequest(action: .approve, grading: tin, channels: ["facebook"]))
            let secondApproved = try WireFormat.decoder().decode(Submission.self, from: plain.body)
            #expect(secondApproved.socialMessage == secondApproved.sapo)
            #expect(!secondApproved.sapo.isEmpty)
            #expect(secondApproved.channels == ["facebook"])
        }
    }

    @Test(arguments: Database.both)
    func decisionsNeedIfMatchAndAnIdempotencyKeyAnswersOnce(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let editor = try await store.addUser(name: "bien-tap", displayName: "Biên tập", grants: [Grant(role: .editor, site: nil)])
            let item = try await store.submissions(.init(statuses: [.submitted], limit: 1)).items[0]
            let uri = "/api/v1/submissions/\(item.id)/transitions"
            var answer = try await post(client, uri, token: editor, ifMatch: nil, TransitionRequest(action: .claim))
            #expect(answer.status.code == 428)
            answer = try await post(client, uri, token: editor, ifMatch: "\"r7\"", TransitionRequest(action: .claim))
            #expect(answer.status == .preconditionFailed, "decided on a revision that is not the current one")
            // A retry after a timeout: the first answer again, and one event only.
            let first = try await post(client, uri, token: editor, key: "k-1", TransitionRequest(action: .claim))
            #expect(first.status == .ok)
            let retry = try await post(client, uri, token: editor, key: "k-1", TransitionRequest(action: .claim))
            #expect(retry.status == .ok)
            #expect(retry.body == first.body)
            #expect(retry.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            answer = try await post(client, uri, token: editor, key: "k-1", TransitionRequest(action: .reject, note: "Trùng bài"))
            #expect(answer.status.code == 422)
            #expect(errorCode(answer.body) == "idempotency_key_reused")
            answer = try await post(client, uri, token: editor, key: "k-2", TransitionRequest(action: .claim))
            #expect(errorCode(answer.body) == "illegal_transition", "a new key is a new request")
            let events = try await store.events(of: item.id, scope: .everything)
            #expect(events?.count == 1)
        }
    }

    @Test(arguments: Database.both)
    func contributorsWithdrawOnlyTheirOwnItems(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let items = try await store.submissions(.init(statuses: [.submitted], limit: 240)).items
            let mine = items[0]
            let theirs = try #require(items.first { $0.contributor.id != mine.contributor.id && $0.site.code == mine.site.code })
            let token = try await store.addUser(name: "ctv", displayName: "Cộng tác viên", grants: [Grant(role: .contributor, site: mine.site.code)])
            let user = try await store.sql.raw("SELECT id FROM users WHERE name = 'ctv'").first()!.decode(column: "id", as: Int64.self)
            try await store.transaction { try await store.sql.raw("UPDATE contributors SET user_id = \(bind: user) WHERE id = \(bind: mine.contributor.id)").run() }
            var answer = try await post(client, "/api/v1/submissions/\(theirs.id)/transitions", token: token, TransitionRequest(action: .withdraw))
            #expect(answer.status == .notFound, "another contributor's item does not exist for them")
            answer = try await post(client, "/api/v1/submissions/\(mine.id)/transitions", token: token, TransitionRequest(action: .claim))
            #expect(answer.status == .forbidden, "a contributor does not claim")
            answer = try await post(client, "/api/v1/submissions/\(mine.id)/transitions", token: token, TransitionRequest(action: .withdraw))
            #expect(answer.status == .ok, "\(String(decoding: answer.body, as: UTF8.self))")
        }
    }

    @Test(arguments: Database.both)
    func editLeasesHaveOneHolderUntilReleasedOrExpired(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let lan = try await store.addUser(name: "lan", displayName: "Trần Thị Lan", grants: [Grant(role: .editor, site: nil)])
            let minh = try await store.addUser(name: "minh", displayName: "Lê Minh", grants: [Grant(role: .editor, site: nil)])
            let reader = try await store.addUser(name: "ke-toan", displayName: "Kế toán", grants: [Grant(role: .accountant, site: nil)])
            let item = try await store.submissions(.init(statuses: [.submitted], limit: 1)).items[0]
            let uri = "/api/v1/submissions/\(item.id)/lease"
            func call(_ method: HTTPRequest.Method, _ token: String) async throws -> (HTTPResponse.Status, Data) {
                var headers = HTTPFields()
                headers[.authorization] = "Bearer \(token)"
                let response = try await client.execute(uri: uri, method: method, headers: headers, body: nil)
                return (response.status, Data(buffer: response.body))
            }
            var (status, body) = try await call(.post, lan)
            #expect(status == .ok)
            let lease = try WireFormat.decoder().decode(Lease.self, from: body)
            #expect(lease.holder == "lan")
            #expect(abs(lease.expiresAt.timeIntervalSince(lease.acquiredAt) - Store.leaseDuration) <= 1)
            // The list shows who is editing.
            let (page, _) = try await get(client, "/api/v1/submissions?status=submitted&limit=1", token: minh, as: Page<SubmissionSummary>.self)
            #expect(page.items.first?.lease?.holderName == "Trần Thị Lan")
            // Another editor is told who holds it; neither taking nor releasing works for them.
            (status, body) = try await call(.post, minh)
            #expect(status == .conflict)
            let held = try WireFormat.decoder().decode(LeaseHeldBody.self, from: body)
            #expect(held.error.code == "lease_held")
            #expect(held.lease.holder == "lan")
            (status, _) = try await call(.delete, minh)
            #expect(status == .conflict)
            (status, _) = try await call(.post, reader)
            #expect(status == .forbidden, "an accountant does not edit")
            // Renewing keeps when it was taken; releasing frees it.
            (status, body) = try await call(.post, lan)
            #expect(abs((try WireFormat.decoder().decode(Lease.self, from: body).acquiredAt.timeIntervalSince1970) - (lease.acquiredAt.timeIntervalSince1970)) <= 1)
            (status, _) = try await call(.delete, lan)
            #expect(status == .noContent)
            let (after, _) = try await get(client, "/api/v1/submissions/\(item.id)", token: minh, as: Submission.self)
            #expect(after.summary.lease == nil)
            // A lease left to expire (a dropped session) goes to the next editor.
            (status, _) = try await call(.post, lan)
            try await store.transaction { try await store.sql.raw("UPDATE leases SET expires_at = 0").run() }
            (status, body) = try await call(.post, minh)
            #expect(status == .ok)
            #expect(try WireFormat.decoder().decode(Lease.self, from: body).holder == "minh")
        }
    }

    @Test(arguments: Database.both)
    func readinessAndMetrics(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let token = try await store.addUser(name: "an", displayName: "An", grants: [Grant(role: .editor, site: nil)])
            let (ready, _) = try await get(client, "/readyz", token: nil, as: Health.self)
            #expect(ready.status == "ready")
            let item = try await store.submissions(.init(statuses: [.submitted], limit: 1)).items[0]
            _ = try await get(client, "/api/v1/submissions/\(item.id)", token: token, as: Submission.self)
            _ = try await get(client, "/api/v1/submissions/\(item.id)", token: token, as: Submission.self)
            _ = try await get(client, "/api/v1/submissions/999999", token: token, as: APIErrorBody.self, status: .notFound)
            let response = try await client.execute(uri: "/metrics", method: .get, headers: [:], body: nil)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") ?? false)
            let text = String(buffer: response.body)
            let lines = text.split(separator: "\n").map(String.init)
            // Counted under the route's pattern, never the id itself.
            let okCount = lines.first { $0.hasPrefix("bientap_http_requests_total{method=\"GET\",route=\"/api/v1/submissions/{id}\",status=\"200\"}") }
            #expect(okCount?.split(separator: " ").last == "2", "\(text)")
            #expect(lines.contains { $0.hasPrefix("bientap_http_requests_total{method=\"GET\",route=\"/api/v1/submissions/{id}\",status=\"404\"} 1") }, "\(text)")
            #expect(!text.contains("\(item.id)\""), "no ids in labels")
            #expect(lines.contains { $0.hasPrefix("bientap_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/submissions/{id}\",status=\"200\",le=\"+Inf\"} 2") })
            // Both in the largest bucket too (a test's requests take far less than 2.5 s): the buckets are counted, not only the total.
            #expect(lines.contains { $0.hasPrefix("bientap_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/submissions/{id}\",status=\"200\",le=\"2.5\"} 2") }, "\(text)")
            let submitted = try await store.countSubmissions()[.submitted] ?? 0
            #expect(lines.contains("bientap_submissions{status=\"submitted\"} \(submitted)"), "\(text)")
        }
    }
}
