import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NewsroomKit
@testable import PortalServer
import Yams
import Testing

/// Docs/portal-api.yaml against the router: every route documented, every documented
/// route answering, and every route × role × in/out of scope answering what the
/// contract's `x-roles`/`x-scope`/`x-action-roles` say.
@Suite(.serialized)
struct RouteMatrixTests: PortalTesting {
    struct Operation {
        var method: String
        var path: String
        var id: String
        var scope: String
        var roles: [String]
        var success: Int
        var actionRoles: [String: [String]]
        var statuses: Set<Int>
    }

    /// Docs/portal-api.yaml as YAML reads it (make test also runs an OpenAPI validator on it: Scripts/adversarial).
    static func document() throws -> [String: Any] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Docs/portal-api.yaml")
        return try #require(try Yams.load(yaml: String(contentsOf: url, encoding: .utf8)) as? [String: Any])
    }

    static func contract() throws -> [Operation] {
        let document = try document()
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: Any])
        var operations: [Operation] = []
        for (path, value) in paths {
            let item = try #require(value as? [String: Any])
            for method in ["get", "put", "post", "delete", "patch"] {
                guard let op = item[method] as? [String: Any] else { continue }
                let responses = try #require(op["responses"] as? [String: Any], "\(method) \(path)")
                operations.append(Operation(
                    method: method.uppercased(), path: path, id: try #require(op["operationId"] as? String, "\(method) \(path)"),
                    scope: try #require(op["x-scope"] as? String, "\(method) \(path) x-scope"), roles: op["x-roles"] as? [String] ?? [],
                    success: try #require(op["x-success"] as? Int, "\(method) \(path) x-success"),
                    actionRoles: op["x-action-roles"] as? [String: [String]] ?? [:], statuses: Set(responses.keys.compactMap { Int($0) })))
            }
        }
        return operations.sorted { ($0.path, $0.method) < ($1.path, $1.method) }
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteAnswers() async throws {
        let operations = try Self.contract()
        let router = try await TemporaryDatabase.with(.sqlite) { database in
            let store = try await Store.open(database.location)
            let router = PortalApplication.router(store: store)
            try await store.close()
            return router
        }
        // The router writes parameters as :name, OpenAPI as {name}.
        let served = Set(router.routes.map { route in
            "\(route.method.rawValue) " + route.path.description.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
                .reduce("") { $0 + "/" + $1 } + (route.path.description.isEmpty || route.path.description == "/" ? "/" : "")
        })
        let documented = Set(operations.map { "\($0.method) \($0.path)" })
        #expect(served.subtracting(documented).sorted() == [], "served but not documented")
        #expect(documented.subtracting(served).sorted() == [], "documented but not served")
        #expect(Set(operations.map(\.id)).count == operations.count, "operation ids are unique")
        for op in operations {
            #expect(op.statuses.contains(op.success), "\(op.id): x-success \(op.success) is among its responses")
            #expect(["public", "account", "site", "item"].contains(op.scope), "\(op.id)")
            if op.scope != "public" { #expect(op.statuses.contains(401), "\(op.id) documents 401") }
        }
        let transition = try #require(operations.first { $0.id == "transition" })
        #expect(Set(transition.actionRoles.keys) == Set(WorkflowAction.allCases.map(\.rawValue)), "every action's roles documented")
    }

    @Test func theContractNamesEveryErrorCodeTheServerGives() throws {
        let schemas = try #require((try Self.document()["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let error = try #require(((schemas["Error"] as? [String: Any])?["properties"] as? [String: Any])?["error"] as? [String: Any])
        let code = try #require((error["properties"] as? [String: Any])?["code"] as? [String: Any])
        #expect(Set(try #require(code["enum"] as? [String])) == Set(APIErrorCode.allCases.map(\.rawValue)))
    }

    /// A method a documented path does not take answers 405, `Allow` naming the documented
    /// methods, in the error shape (TRACE once answered 404); a path no route serves, 404.
    @Test(arguments: Database.both)
    func methodsAPathDoesNotTakeAnswer405WithTheDocumentedOnesInAllow(_ database: Database) async throws {
        let methods = Dictionary(grouping: try Self.contract(), by: \.path).mapValues { Set($0.map(\.method)) }
        try await withPortal(on: database) { store, client in
            let token = try await store.addUser(name: "u-admin", displayName: "admin", grants: [Grant(role: .admin, site: nil)])
            var tried = 0
            for (path, documented) in methods {
                let uri = path.replacingOccurrences(of: "{id}", with: "1").replacingOccurrences(of: "{number}", with: "1")
                    .replacingOccurrences(of: "{channel}", with: "zalo")
                for method in [HTTPRequest.Method.get, .put, .post, .delete, .patch, .trace] where !documented.contains(method.rawValue) {
                    for token in [token, nil] {
                        let answer = try await send(client, method, uri, token: token)
                        let label = "\(method) \(path)\(token == nil ? " without a token" : "")"
                        #expect(answer.status.code == 405, "\(label)")
                        #expect(answer.headers[.allow] == documented.sorted().joined(separator: ", "), "\(label)")
                        #expect(errorCode(answer.body) == "method_not_allowed", "\(label)")
                        tried += 1
                    }
                }
            }
            #expect(tried > 100)
            for uri in ["/api/v1/no-such-thing", "/api/v1/submissions/1/no-such-thing", "/no/such/deep/path"] {
                let answer = try await send(client, .get, uri, token: token)
                #expect(answer.status == .notFound, "\(uri)")
                #expect(errorCode(answer.body) == "not_found", "\(uri)")
            }
        }
    }

    /// A month that has ended, one per role (2025-01 for the first).
    static func month(for role: Role) -> String {
        String(format: "2025-%02d", (Role.allCases.firstIndex(of: role) ?? 0) + 1)
    }

    @Test(arguments: Database.both)
    func everyRouteAnswersEachRoleInAndOutOfItsScopeAsDocumented(_ database: Database) async throws {
        let operations = try Self.contract()
        try await withPortal(on: database) { store, client in
            let inside = "so-y-te", outside = "so-gtvt"
            var tokens: [Role: String] = [:]
            var contributorOf: [Role: Int64] = [:]
            let sample = try await store.sql.raw("SELECT id FROM contributors ORDER BY id LIMIT 1").first()!.decode(column: "id", as: Int64.self)
            for role in Role.allCases {
                tokens[role] = try await store.addUser(name: "u-\(role.rawValue)", displayName: role.rawValue, grants: [Grant(role: role, site: inside)])
                let user = try await store.userID(named: "u-\(role.rawValue)")
                contributorOf[role] = try await store.transaction {
                    try await store.sql.raw("INSERT INTO contributors (full_name, user_id) VALUES (\(bind: "CTV \(role.rawValue)"), \(bind: user)) RETURNING id")
                        .first()!.decode(column: "id", as: Int64.self)
                }
            }
            let siteID = { (code: String) async throws -> Int64 in
                try await store.sql.raw("SELECT id FROM sites WHERE code = \(bind: code)").first()!.decode(column: "id", as: Int64.self)
            }
            let insideID = try await siteID(inside), outsideID = try await siteID(outside)

            /// A fresh item for one request: the role's own on the inside site, someone else's on the outside one.
            func item(for role: Role, inScope: Bool, status: SubmissionStatus) async throws -> Int64 {
                let id = try await store.transaction {
                    try await store.insertSubmission(siteID: inScope ? insideID : outsideID, contributorID: inScope ? contributorOf[role]! : sample,
                                                     title: "Bài thử", sapo: "Sapo.", body: "Thân bài.", category: .news, language: "vi",
                                                     status: status, received: Date(), author: "test",
                                                     publishedAt: status == .published ? Date() : nil)
                }
                try await store.transaction { try await store.sql.raw("""
                    INSERT INTO attachments (submission_id, number, filename, content_type, size, sha256, caption, credit, data)
                    VALUES (\(bind: id), 1, 'a.png', 'image/png', 1, '', '', '', \(bind: ByteBuffer(bytes: [0x89])))
                    """).run() }
                if status == .published {
                    let published = try await store.submission(id: id, scope: .everything)!
                    try await store.transaction { try await store.writePublication(of: published, now: Date()) }
                }
                return id
            }
            let today = VietnamDay(containing: Date()).text

            // The public routes answer without a token; the public pages' paths name a published item and its photo.
            let shown = try await item(for: .publisher, inScope: true, status: .published)
            let publication = try await store.publication(of: shown, scope: .everything)
            let shownPath = try #require(publication?.path)
            for op in operations where op.scope == "public" {
                let body = op.method == "POST" ? json(SignInRequest(name: "u-editor", password: "not the password")) : nil
                let path = op.path.replacingOccurrences(of: "/{site}/{slug}.html", with: shownPath)
                    .replacingOccurrences(of: "{site}", with: inside).replacingOccurrences(of: "{category}", with: "tin-tuc")
                    .replacingOccurrences(of: "{id}", with: "\(shown)").replacingOccurrences(of: "{number}", with: "1")
                let answer = try await send(client, HTTPRequest.Method(rawValue: op.method)!, path, token: nil, body: body)
                // The contributors' door sends a signed-out browser to sign in, and takes no JSON for a form.
                let door = op.path.hasPrefix("/cong-tac-vien")
                let expected = !door ? (op.method == "POST" ? 401 : op.success)
                    : op.method == "POST" ? 400 : ["doorSignInPage", "doorStylesheet"].contains(op.id) ? op.success : 303
                #expect(Int(answer.status.code) == expected, "\(op.id)")
                #expect(op.statuses.contains(Int(answer.status.code)), "\(op.id): \(answer.status.code) is not documented")
            }

            var cells = 0
            for op in operations where op.scope != "public" {
                let actions: [WorkflowAction?] = op.id == "transition" ? WorkflowAction.allCases : [nil]
                for action in actions {
                    let allowed = action.map { op.actionRoles[$0.rawValue] ?? [] } ?? op.roles
                    for role in Role.allCases {
                        for inScope in [true, false] where inScope || op.scope == "item" || op.scope == "site" {
                            var token = tokens[role]!
                            if op.id == "signOut" { token = try await store.issueToken(name: "u-\(role.rawValue)").token }
                            let site = inScope ? inside : outside
                            var uri = op.path
                            var headers: [HTTPField.Name: String] = [:]
                            var body: Data?
                            if op.scope == "item" {
                                let status: SubmissionStatus = ["publication", "regrade"].contains(op.id) ? .published
                                    : op.id == "setSocialChoice" ? .approved
                                    : action.map { [.claim: .submitted, .return: .inReview, .approve: .inReview, .reject: .submitted,
                                                    .resubmit: .returned, .withdraw: .submitted, .schedule: .approved, .unschedule: .scheduled, .unpublish: .published,
                                                    .publish: .approved][$0]! } ?? .submitted
                                let id = try await item(for: role, inScope: inScope, status: status)
                                uri = uri.replacingOccurrences(of: "{id}", with: "\(id)").replacingOccurrences(of: "{number}", with: "1")
                                if op.path.hasPrefix("/api/v1/social/posts/") {
                                    // The item's post, in a state the operation takes.
                                    let state: SocialPostStatus = ["retrySocialPost": .failed, "resolveSocialPost": .uncertain][op.id] ?? .queued
                                    let post = try await store.transaction {
                                        try await store.returning("""
                                            INSERT INTO social_posts (submission_id, channel, status, message, created_at, updated_at)
                                            VALUES (\(bind: id), 'facebook', \(bind: state.rawValue), 'Tin mới', 0, 0) RETURNING id
                                            """).decode(column: "id", as: Int64.self)
                                    }
                                    uri = op.path.replacingOccurrences(of: "{id}", with: "\(post)")
                                }
                            }
                            switch op.id {
                            case "listSubmissions", "activeRateTable", "listSocialPosts": uri += "?site=\(site)"
                            case "setSocialChoice": body = Data(#"{"channels":["facebook"],"social_message":"Tin mới"}"#.utf8)
                            case "editSocialPost": body = json(SocialPostEdit(message: "Lời mới"))
                            case "resolveSocialPost": body = json(SocialPostResolution(action: .resend))
                            case "setSocialChannel":
                                uri = uri.replacingOccurrences(of: "{channel}", with: "facebook")
                                body = json(SocialChannelUpdate(baseUrl: "http://127.0.0.1:9", accountId: "page", accessToken: "token-\(role.rawValue)"))
                            case "royaltyEntitlements", "royaltyPaymentList": uri += "?site=\(site)&month=2026-01"
                            case "royaltyStatement": uri += "?site=\(site)&month=2026-01&contributor=\(contributorOf[role] ?? 0)"
                            case "royaltyBatches", "royaltyPayees": uri += "?site=\(site)"
                            case "regrade": body = json(Grading(genre: "tin", coefficient: 2))
                            case "setRoyaltyPayee":
                                uri += "?site=\(site)"
                                body = json(Payee(contributorId: contributorOf[role] ?? 0, fullName: "CTV", idNumber: "012345678901", kind: .outside))
                            case "royaltyBudget": uri += "?site=\(site)&year=2026"
                            case "setRoyaltyBudget": body = Data(#"{"site":"\#(site)","year":2026,"amount":150000000}"#.utf8)
                            case "closeRoyaltyMonth":
                                // A month of its own for each role, so one closing does not answer another's 409.
                                body = json(["site": site, "month": Self.month(for: role)])
                            case "recordRoyaltyPayment":
                                _ = try await store.closeMonth(Self.month(for: role), site: site, by: "test")
                                body = json(["site": site, "month": Self.month(for: role), "reference": "UNC 1"])
                            case "activityReport": uri += "?from=2026-01-01&to=2026-01-31"
                            case "createSubmission":
                                body = json(SubmissionDraft(site: site, title: "Tin mới", sapo: "", body: "Nội dung.", category: .news))
                            case "saveSubmission":
                                headers[.ifMatch] = "\"r1\""
                                body = json(SubmissionEdit(title: "Sửa", sapo: "", body: "Đã sửa.", note: ""))
                            case "transition":
                                headers[.ifMatch] = "\"r1\""
                                body = json(TransitionRequest(action: action!, note: "Lý do", publishAt: Date().addingTimeInterval(3600),
                                                              grading: action == .approve ? Grading(genre: "tin", coefficient: 2) : nil))
                            case "addNote": body = json(NoteRequest(body: "Ghi chú", visibility: .shared))
                            case "addRateTable":
                                body = json(RateTable(name: "Bảng", basis: "QĐ", effectiveFrom: today, site: site,
                                                      genres: [.init(code: "tin", name: "Tin", coefficient: .init(min: 1, max: 5))]))
                            default: break
                            }
                            let expected: Int
                            if !inScope {
                                expected = op.scope == "item" ? 404 : 403
                            } else {
                                expected = allowed.contains("any") || allowed.contains(role.rawValue) ? op.success : 403
                            }
                            let answer = try await send(client, HTTPRequest.Method(rawValue: op.method)!, uri, token: token, headers: headers, body: body)
                            let label = "\(op.method) \(op.path)\(action.map { " \($0.rawValue)" } ?? "") as \(role.rawValue) \(inScope ? "in" : "out of") scope"
                            #expect(Int(answer.status.code) == expected, "\(label): \(String(decoding: answer.body.prefix(300), as: UTF8.self))")
                            #expect(op.statuses.contains(Int(answer.status.code)), "\(label): \(answer.status.code) is not documented")
                            cells += 1
                        }
                    }
                }
            }
            #expect(cells > 250)
        }
    }
}
