import Foundation

/// `POST /api/v1/sign-in`: a login name, its password and, for accounts with a
/// second factor, the code the authenticator app shows.
public struct SignInRequest: Codable, Sendable, Hashable {
    public var name: String
    public var password: String
    public var code: String?

    public init(name: String, password: String, code: String? = nil) {
        self.name = name
        self.password = password
        self.code = code
    }
}

/// The answer to a sign-in: a bearer token, shown once, and when it stops working.
public struct SignInAnswer: Codable, Sendable, Hashable {
    public var token: String
    public var expiresAt: Date
    public var me: Me

    public init(token: String, expiresAt: Date, me: Me) {
        self.token = token
        self.expiresAt = expiresAt
        self.me = me
    }
}
