import Foundation
import Polling
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NewsroomKit
@testable import PortalServer
import XCTest

/// A seeded portal answering through Hummingbird's router, with request helpers.
class PortalTestCase: TemporaryDatabaseTestCase {
    /// `clock`: the portal's time (a `ManualClock` lets the test move it instead of waiting).
    func withPortal(signInLimits: Store.SignInLimits = .init(), tokenCacheSeconds: TimeInterval = TokenCache.defaultLifetime,
                    listCacheSeconds: TimeInterval = ListCache.defaultLifetime, clock: any WallClock = SystemClock(),
                    _ body: (Store, any TestClientProtocol) async throws -> Void) async throws {
        let store = try await seededStore(clock: clock)
        var logger = Logger(label: "test")
        logger.logLevel = .error
        let app = Application(router: PortalApplication.router(store: store, signInLimits: signInLimits, tokenCacheSeconds: tokenCacheSeconds,
                                                               listCacheSeconds: listCacheSeconds),
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
        do {
            try await app.test(.router) { client in try await body(store, client) }
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }

    func get<T: Decodable>(_ client: any TestClientProtocol, _ uri: String, token: String?, as type: T.Type,
                           status: HTTPResponse.Status = .ok, file: StaticString = #filePath, line: UInt = #line) async throws -> (T, HTTPFields) {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        let response = try await client.execute(uri: uri, method: .get, headers: headers, body: nil)
        XCTAssertEqual(response.status, status, String(buffer: response.body), file: file, line: line)
        XCTAssertEqual(response.headers[.contentType], "application/json; charset=utf-8", file: file, line: line)
        return (try WireFormat.decoder().decode(T.self, from: Data(buffer: response.body)), response.headers)
    }

    /// Any request; the body as raw bytes (JSON when it is an Encodable).
    func send(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, token: String?,
              headers extra: [HTTPField.Name: String] = [:], body: Data? = nil) async throws
        -> (status: HTTPResponse.Status, body: Data, headers: HTTPFields) {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        if body != nil { headers[.contentType] = "application/json" }
        for (name, value) in extra { headers[name] = value }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(bytes: $0) })
        return (response.status, Data(buffer: response.body), response.headers)
    }

    func json<T: Encodable>(_ value: T) -> Data { try! WireFormat.encoder().encode(value) }

    func errorCode(_ body: Data) -> String? { try? WireFormat.decoder().decode(APIErrorBody.self, from: body).error.code }
}

extension XCTestCase {
    /// Waits until `condition` holds, looking again every 10 ms; fails the test after `timeout`.
    /// For what happens on another task (a service woken by a `ManualClock`), never for time to pass.
    func eventually(_ what: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line,
                    _ condition: () async throws -> Bool) async throws {
        if try await !Polling.eventually(timeout: timeout, condition) { XCTFail("timed out waiting for \(what)", file: file, line: line) }
    }
}
