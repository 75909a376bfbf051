import Foundation
import HTTPTypes
import Hummingbird
import NewsroomKit

/// Sign-in and sign-out, `GET /api/v1/me` and `GET /api/v1/sites`.
enum AccountRoutes {
    /// Routes that need no token: sign-in.
    static func addPublic(to group: RouterGroup<PortalContext>, store: Store, limits: Store.SignInLimits, clients: ClientAddress) {
        group.post("sign-in") { request, context in
            let asked = try await RequestBody.decode(SignInRequest.self, request, limit: 4096)
            let peer = clients.of(request, peer: context.peer)
            switch try await store.signIn(name: asked.name, password: asked.password, code: asked.code, peer: peer, limits: limits) {
            case .signedIn(let token, let expiresAt, let principal):
                var headers = HTTPFields()
                headers[.cacheControl] = "no-store"
                return try JSONResponse.make(SignInAnswer(token: token, expiresAt: expiresAt, me: principal.me), headers: headers)
            case .invalid:
                throw APIFailure(.invalidCredentials)
            case .secondFactorRequired:
                throw APIFailure(.secondFactorRequired)
            case .throttled(let seconds):
                throw APIFailure(.tooManyAttempts, retryAfter: seconds)
            }
        }
    }

    static func add(to group: RouterGroup<AuthenticatedContext>, store: Store, tokens: TokenCache) {
        group.post("sign-out") { _, context in
            try await store.revokeToken(hash: context.tokenHash)
            tokens.forget(hash: context.tokenHash)
            return Response(status: .noContent)
        }
        group.get("me") { _, context in
            try JSONResponse.make(context.principal.me)
        }
        group.get("sites") { _, context in
            let principal = context.principal
            return try JSONResponse.make(try await store.sites().filter { principal.maySee(site: $0.code) })
        }
    }
}
