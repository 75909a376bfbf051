import Foundation
import HummingbirdTesting
import NewsroomKit
@testable import PortalServer
import XCTest

/// A seeded portal answering through Hummingbird's router, for the XCTest classes (the
/// swift-testing suites ask `PortalTesting.withPortal(on:)` for a database of each kind).
class PortalTestCase: TemporaryDatabaseTestCase, PortalTesting {
    /// `clock`: the portal's time (a `ManualClock` lets the test move it instead of waiting).
    func withPortal(signInLimits: Store.SignInLimits = .init(), tokenCacheSeconds: TimeInterval = TokenCache.defaultLifetime,
                    listCacheSeconds: TimeInterval = ListCache.defaultLifetime, clock: any WallClock = SystemClock(),
                    _ body: (Store, any TestClientProtocol) async throws -> Void) async throws {
        try await temporary.withPortal(signInLimits: signInLimits, tokenCacheSeconds: tokenCacheSeconds, listCacheSeconds: listCacheSeconds,
                                       clock: clock, body)
    }
}
