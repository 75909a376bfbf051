import Foundation
import PortalClient
@testable import WordPressClient
import XCTest

/// The WordPress site Scripts/with-wordpress brought up for the tests: its address and each
/// user's Application Password. Without it the tests fail, saying how to run them.
struct TestSite {
    let url: String
    /// login → (role, application password)
    let users: [String: (role: String, password: String)]

    /// A test fails with this, never skips.
    struct Missing: Error, CustomStringConvertible {
        var what: String
        var description: String { what }
    }

    static func current() throws -> TestSite {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["BIENTAP_TEST_WORDPRESS"], let list = environment["BIENTAP_TEST_WORDPRESS_USERS"] else {
            throw Missing(what: "no WordPress site: run these tests as `Scripts/with-wordpress swift test --skip-build --filter WordPressClientTests` (or make test-wordpress)")
        }
        var users: [String: (String, String)] = [:]
        for entry in list.split(separator: " ") {
            let parts = entry.split(separator: ":", maxSplits: 2).map(String.init)
            if parts.count == 3 { users[parts[1]] = (parts[0], parts[2]) }
        }
        return TestSite(url: url, users: users)
    }

    /// A client signed in as `login` (bientap, bientap2: editors; tacgia: author;
    /// congtacvien: contributor; quantri: administrator).
    func client(_ login: String) throws -> WordPressClient {
        guard let user = users[login] else { throw Missing(what: "the test site has no user \(login)") }
        return try WordPressClient(baseURL: url, user: login, applicationPassword: user.password)
    }
}
