import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NewsroomKit
@testable import PortalServer
import XCTest

final class APITests: TemporaryDatabaseTestCase {
    private func withPortal(_ body: (Store, any TestClientProtocol) async throws -> Void) async throws {
        let store = try await seededStore()
        var logger = Logger(label: "test")
        logger.logLevel = .error
        let app = PortalApplication.make(store: store, host: "127.0.0.1", port: 0, logger: logger)
        do {
            try await app.test(.router) { client in try await body(store, client) }
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }

    private func get<T: Decodable>(_ client: any TestClientProtocol, _ uri: String, token: String?, as type: T.Type,
                                   status: HTTPResponse.Status = .ok, file: StaticString = #filePath, line: UInt = #line) async throws -> (T, HTTPFields) {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        let response = try await client.execute(uri: uri, method: .get, headers: headers, body: nil)
        XCTAssertEqual(response.status, status, String(buffer: response.body), file: file, line: line)
        XCTAssertEqual(response.headers[.contentType], "application/json; charset=utf-8", file: file, line: line)
        return (try WireFormat.decoder().decode(T.self, from: Data(buffer: response.body)), response.headers)
    }

    func testHealthNeedsNoToken() async throws {
        try await withPortal { _, client in
            let (health, _) = try await get(client, "/healthz", token: nil, as: Health.self)
            XCTAssertEqual(health.status, "ok")
        }
    }

    func testMissingOrWrongTokenIs401WithTheErrorShape() async throws {
        try await withPortal { _, client in
            for token in [nil, "wrong"] as [String?] {
                let (body, headers) = try await get(client, "/api/v1/submissions", token: token, as: APIErrorBody.self, status: .unauthorized)
                XCTAssertEqual(body.error.code, "unauthorized")
                XCTAssertFalse(body.error.message.isEmpty)
                XCTAssertFalse(body.error.messageEn.isEmpty)
                XCTAssertEqual(headers[.wwwAuthenticate], "Bearer realm=\"bientap\"")
            }
            let (missing, _) = try await get(client, "/api/v1/nothing-here", token: nil, as: APIErrorBody.self, status: .notFound)
            XCTAssertEqual(missing.error.code, "not_found", "unknown routes answer in the API's error shape too")
        }
    }

    func testPagingWalksEveryPendingItemOnceNewestFirst() async throws {
        try await withPortal { store, client in
            let token = try await store.addUser(name: "an", displayName: "An", grants: [Grant(role: .editor, site: nil)])
            let counts = try await store.countSubmissions()
            let expected = counts[.submitted, default: 0] + counts[.resubmitted, default: 0]
            var seen: [SubmissionSummary] = []
            var cursor: String?
            var pages = 0
            repeat {
                let uri = "/api/v1/submissions?status=submitted&status=resubmitted&limit=7" + (cursor.map { "&cursor=\($0)" } ?? "")
                let (page, _) = try await get(client, uri, token: token, as: Page<SubmissionSummary>.self)
                XCTAssertLessThanOrEqual(page.items.count, 7)
                seen += page.items
                cursor = page.nextCursor
                pages += 1
            } while cursor != nil && pages < 100
            XCTAssertEqual(seen.count, expected)
            XCTAssertEqual(Set(seen.map(\.id)).count, expected, "no item twice")
            XCTAssertTrue(seen.allSatisfy { SubmissionStatus.pending.contains($0.status) })
            let keys = seen.map { ($0.receivedAt, $0.id) }
            XCTAssertTrue(zip(keys, keys.dropFirst()).allSatisfy { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 > $1.1) }, "newest first")
            XCTAssertEqual(pages, (expected + 6) / 7)
        }
    }

    func testBadParametersGetStableCodes() async throws {
        try await withPortal { store, client in
            let token = try await store.addUser(name: "an", displayName: "An", grants: [Grant(role: .editor, site: nil)])
            let cases = [("status=bogus", "invalid_status"), ("status=submitted,nope", "invalid_status"), ("limit=0", "invalid_limit"),
                         ("limit=201", "invalid_limit"), ("limit=ten", "invalid_limit"), ("cursor=%21%21", "invalid_cursor")]
            for (query, code) in cases {
                let (body, _) = try await get(client, "/api/v1/submissions?" + query, token: token, as: APIErrorBody.self, status: .badRequest)
                XCTAssertEqual(body.error.code, code, query)
            }
            let (bad, _) = try await get(client, "/api/v1/submissions/abc", token: token, as: APIErrorBody.self, status: .badRequest)
            XCTAssertEqual(bad.error.code, "bad_request")
            let (missing, _) = try await get(client, "/api/v1/submissions/99999", token: token, as: APIErrorBody.self, status: .notFound)
            XCTAssertEqual(missing.error.code, "not_found")
            let (route, _) = try await get(client, "/api/v1/nothing-here", token: token, as: APIErrorBody.self, status: .notFound)
            XCTAssertEqual(route.error.code, "not_found")
        }
    }

    func testASiteEditorSeesOnlyTheirSite() async throws {
        try await withPortal { store, client in
            let token = try await store.addUser(name: "ly", displayName: "Lý", grants: [Grant(role: .editor, site: "huyen-ly-son")])
            let (me, _) = try await get(client, "/api/v1/me", token: token, as: Me.self)
            XCTAssertEqual(me.grants, [Grant(role: .editor, site: "huyen-ly-son")])
            let (sites, _) = try await get(client, "/api/v1/sites", token: token, as: [Site].self)
            XCTAssertEqual(sites.map(\.code), ["huyen-ly-son"])
            let (page, _) = try await get(client, "/api/v1/submissions?limit=200", token: token, as: Page<SubmissionSummary>.self)
            XCTAssertFalse(page.items.isEmpty)
            XCTAssertTrue(page.items.allSatisfy { $0.site.code == "huyen-ly-son" })
            let (forbidden, _) = try await get(client, "/api/v1/submissions?site=so-y-te", token: token, as: APIErrorBody.self, status: .forbidden)
            XCTAssertEqual(forbidden.error.code, "forbidden")

            let all = try await store.submissions(.init(limit: 240)).items
            let elsewhere = try XCTUnwrap(all.first { $0.site.code != "huyen-ly-son" })
            let (hidden, _) = try await get(client, "/api/v1/submissions/\(elsewhere.id)", token: token, as: APIErrorBody.self, status: .notFound)
            XCTAssertEqual(hidden.error.code, "not_found", "another site's item does not exist for this editor")
        }
    }

    func testOneSubmissionCarriesItsTextAndRevisionETag() async throws {
        try await withPortal { store, client in
            let token = try await store.addUser(name: "an", displayName: "An", grants: [Grant(role: .editor, site: nil)])
            let first = try await store.submissions(.init(statuses: [.submitted], limit: 1)).items[0]
            let (submission, headers) = try await get(client, "/api/v1/submissions/\(first.id)", token: token, as: Submission.self)
            XCTAssertEqual(submission.summary.id, first.id)
            XCTAssertEqual(submission.summary.title, first.title)
            XCTAssertEqual(submission.summary.contributor, first.contributor)
            XCTAssertEqual(submission.summary.receivedAt.timeIntervalSince1970, first.receivedAt.timeIntervalSince1970, accuracy: 1,
                           "the wire carries whole seconds")
            XCTAssertFalse(submission.body.isEmpty)
            XCTAssertTrue(submission.sapo.hasPrefix("("))
            XCTAssertEqual(headers[.eTag], "\"r1\"")
        }
    }
}
