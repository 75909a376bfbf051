import Foundation
import HTTPTypes
import Hummingbird
import NewsroomKit
import SocialChannels

/// The social queue: the board (editors, publishers, admins) reads posts and acts on them
/// (edit the text before it goes, retry, cancel, resolve an uncertain one); admins set the
/// channels' credentials, which are never answered whole.
enum SocialRoutes {
    /// Who sees and acts on a site's posts.
    static let board: Set<Role> = [.editor, .publisher, .admin]
    static let maxLimit = 1_000

    private static func id(_ context: AuthenticatedContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw APIFailure(.badRequest, detail: "id") }
        return id
    }

    static func add(to group: RouterGroup<AuthenticatedContext>, store: Store) {
        group.get("social/posts") { request, context in
            let principal = context.principal
            let parameters = QueryParameters(request)
            var query = Store.SocialPostQuery(sites: boardSites(principal))
            for value in parameters[values: "status"] {
                guard let statuses = SocialPostStatus.parseList(value) else { throw APIFailure(.invalidField, detail: "status: \(value)") }
                query.statuses += statuses.filter { !query.statuses.contains($0) }
            }
            if let channel = parameters["channel"] {
                guard SocialChannel(rawValue: channel) != nil else { throw APIFailure(.invalidField, detail: "channel: \(channel)") }
                query.channel = channel
            }
            if let site = parameters["site"] {
                guard !site.isEmpty else { throw APIFailure(.invalidField, detail: "site") }
                guard principal.has(board, on: site) else { throw APIFailure(.forbidden, detail: site) }
                query.sites = [site]
            } else if query.sites?.isEmpty ?? false {
                throw APIFailure(.forbidden)
            }
            if let text = parameters["submission"] {
                guard let id = Int64(text), id > 0 else { throw APIFailure(.invalidField, detail: "submission: \(text)") }
                query.submission = id
            }
            if let text = parameters["limit"] {
                guard let value = Int(text), (1...maxLimit).contains(value) else { throw APIFailure(.invalidLimit, detail: text) }
                query.limit = value
            }
            return try JSONResponse.make(try await store.socialPosts(query))
        }

        group.get("social/posts/:id") { _, context in
            try JSONResponse.make(try await visiblePost(try id(context), context: context, store: store))
        }

        group.patch("social/posts/:id") { request, context in
            let id = try id(context)
            _ = try await visiblePost(id, context: context, store: store)
            let edit = try await RequestBody.decode(SocialPostEdit.self, request, limit: 64 << 10)
            guard TransitionRequest.socialMessage(edit.message) != nil else {
                throw APIFailure(.invalidField, detail: "message: 1 to \(TransitionRequest.socialMessageLimit) characters")
            }
            return try answer(try await store.editSocialPost(id, message: edit.message))
        }

        group.post("social/posts/:id/retry") { _, context in
            let id = try id(context)
            _ = try await visiblePost(id, context: context, store: store)
            return try answer(try await store.retrySocialPost(id))
        }

        group.post("social/posts/:id/cancel") { _, context in
            let id = try id(context)
            _ = try await visiblePost(id, context: context, store: store)
            return try answer(try await store.cancelSocialPost(id))
        }

        group.post("social/posts/:id/resolve") { request, context in
            let id = try id(context)
            _ = try await visiblePost(id, context: context, store: store)
            let resolution = try await RequestBody.decode(SocialPostResolution.self, request, limit: 8 << 10)
            if resolution.action == .posted {
                guard let link = resolution.link, let url = URL(string: link), ["http", "https"].contains(url.scheme ?? ""),
                      link.count <= 1000 else {
                    throw APIFailure(.invalidField, detail: "link: the post's http(s) address")
                }
            }
            return try answer(try await store.resolveSocialPost(id, resolution, by: context.principal.name))
        }

        group.get("social/channels") { _, context in
            let principal = context.principal
            guard principal.grants.contains(where: { board.contains($0.role) }) else { throw APIFailure(.forbidden) }
            return try JSONResponse.make(try await store.socialChannelSettings())
        }

        group.put("social/channels/:channel") { request, context in
            let principal = context.principal
            guard principal.grants.contains(where: { $0.role == .admin }) else { throw APIFailure(.forbidden) }
            guard let name = context.parameters.get("channel"), let channel = SocialChannel(rawValue: name) else {
                throw APIFailure(.notFound)
            }
            let update = try await RequestBody.decode(SocialChannelUpdate.self, request, limit: 16 << 10)
            try validate(update)
            guard let settings = try await store.setSocialChannel(channel, update, by: principal.name) else {
                throw APIFailure(.invalidField, detail: "access_token")
            }
            return try JSONResponse.make(settings)
        }

        // A later change of an approved item's channels or text: its unsent posts take it.
        group.put("submissions/:id/social") { request, context in
            let principal = context.principal
            let id = try id(context)
            guard let access = try await store.access(of: id, scope: principal.scope) else { throw APIFailure(.notFound) }
            guard principal.has(board, on: access.site) else { throw APIFailure(.forbidden, detail: access.site) }
            let choice = try await RequestBody.decode(SocialChoice.self, request, limit: 64 << 10)
            if let unknown = choice.channels.first(where: { SocialChannel(rawValue: $0) == nil }) {
                throw APIFailure(.invalidField, detail: "channels: \(unknown)")
            }
            if let message = choice.socialMessage, TransitionRequest.socialMessage(message) == nil {
                throw APIFailure(.invalidField, detail: "social_message: 1 to \(TransitionRequest.socialMessageLimit) characters")
            }
            guard let current = try await store.submission(id: id, scope: principal.scope) else { throw APIFailure(.notFound) }
            guard [.approved, .scheduled, .published].contains(current.summary.status) else {
                throw APIFailure(.illegalTransition, detail: "social: \(current.summary.status.rawValue)")
            }
            guard let after = try await store.setSocialChoice(of: id, channels: Array(Set(choice.channels)).sorted(),
                                                              message: choice.socialMessage, scope: principal.scope) else {
                throw APIFailure(.notFound)
            }
            return try JSONResponse.make(after)
        }
    }

    /// `PUT /submissions/{id}/social`: the channels and the text to post there.
    struct SocialChoice: Codable, Sendable {
        var channels: [String]
        var socialMessage: String?
    }

    /// The sites whose posts `principal` sees (nil: every site).
    static func boardSites(_ principal: Principal) -> Set<String>? {
        let grants = principal.grants.filter { board.contains($0.role) }
        if grants.contains(where: { $0.site == nil }) { return nil }
        return Set(grants.compactMap(\.site))
    }

    /// Post `id` when the user is on the board of its site; 404 when they cannot see the site, 403 when they may not act.
    private static func visiblePost(_ id: Int64, context: AuthenticatedContext, store: Store) async throws -> SocialPost {
        let principal = context.principal
        guard let post = try await store.socialPost(id: id), principal.maySee(site: post.site) else { throw APIFailure(.notFound) }
        guard principal.has(board, on: post.site) else { throw APIFailure(.forbidden, detail: post.site) }
        return post
    }

    private static func answer(_ change: Store.SocialPostChange) throws -> Response {
        switch change {
        case .done(let post): return try JSONResponse.make(post)
        case .notFound: throw APIFailure(.notFound)
        case .wrongStatus(let status): throw APIFailure(.socialPostState, detail: status.rawValue)
        }
    }

    /// A network's API address, as Docs/portal-api.yaml patterns base_url and auth_base_url.
    nonisolated(unsafe) private static let apiAddress = #/https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[!-~]*)?/#

    private static func validate(_ update: SocialChannelUpdate) throws {
        for (name, value) in [("base_url", update.baseUrl as String?), ("auth_base_url", update.authBaseUrl)] {
            guard let value else { continue }
            // The contract's pattern for these, word for word: an http(s) address with a host.
            guard value.count <= 500, value.wholeMatch(of: Self.apiAddress) != nil else {
                throw APIFailure(.invalidField, detail: name)
            }
        }
        for (name, value) in [("account_id", update.accountId as String?), ("access_token", update.accessToken), ("refresh_token", update.refreshToken),
                              ("app_id", update.appId), ("app_secret", update.appSecret)] {
            guard let value else { continue }
            guard !value.trimmingCharacters(in: .whitespaces).isEmpty, value.count <= 2000, !value.contains(where: \.isWhitespace) else {
                throw APIFailure(.invalidField, detail: name)
            }
        }
        if let delay = update.delaySeconds, !(0...SocialChannelUpdate.delayLimit).contains(delay) {
            throw APIFailure(.invalidField, detail: "delay_seconds: 0 to \(SocialChannelUpdate.delayLimit)")
        }
    }
}
