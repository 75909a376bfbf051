import Foundation
import NewsroomKit
import PortalClient
import VietText

extension WordPressClient {
    // MARK: Who and where

    /// `GET /wp-json/`: the site answers.
    public func health() throws -> Health {
        _ = try index()
        return Health(status: "ok")
    }

    /// `GET wp/v2/users/me`: the user with the desk's roles for theirs — an administrator
    /// is an admin, an editor edits and publishes, an author and a contributor contribute.
    public func me() throws -> Me {
        let (user, _): (WPUser, _) = try get("wp/v2/users/me", query: [("context", "edit"), ("_fields", "id,username,name,roles")])
        var roles: [Role] = []
        for role in user.roles ?? [] {
            switch role {
            case "administrator": roles += [.admin, .editor, .publisher]
            case "editor": roles += [.editor, .publisher]
            case "author", "contributor": roles += [.contributor]
            default: break
            }
        }
        var seen = Set<Role>()
        let grants = roles.filter { seen.insert($0).inserted }.map { Grant(role: $0, site: nil) }
        let login = user.username ?? self.user
        return Me(name: login, displayName: Normalization.nfc(user.name ?? login), grants: grants)
    }

    /// The one site a WordPress install is.
    public func sites() throws -> [Site] {
        [try site()]
    }

    /// Application Passwords are revoked where they were made (the user's profile), or by
    /// the password itself: this one is.
    public func signOut() throws {
        let (current, _): (WPApplicationPassword, _) = try get("wp/v2/users/me/application-passwords/introspect")
        _ = try send("DELETE", "wp/v2/users/me/application-passwords/\(current.uuid)")
    }

    // MARK: Submissions

    /// One page of posts of the statuses, newest first (`X-WP-TotalPages` says whether
    /// there is a next); the cursor is the page number.
    public func submissions(statuses: [SubmissionStatus], site: String?, publishedFrom: Date?,
                            cursor: String?, limit: Int) throws -> Page<SubmissionSummary> {
        let wanted = WordPressStatus.wordPress(statuses)
        let siteRef = try self.site()
        guard !wanted.isEmpty, site == nil || site == siteRef.code else { return Page(items: [], nextCursor: nil) }
        guard let page = cursor.map({ Int($0) }) ?? 1, page >= 1 else {
            throw PortalError.api(status: 400, body: APIErrorBody(code: .invalidCursor))
        }
        var filter: [(String, String)] = [("context", "edit"), ("status", wanted.joined(separator: ","))]
        if let publishedFrom {
            // WordPress compares `after` with the post's local date: the site's time zone.
            filter.append(("after", try localTime(publishedFrom)))
        }
        let key = baseURL + "/?" + filter.map { "\($0.0)=\($0.1)" }.joined(separator: "&") + "&per_page=\(limit)"
        let signature = try listSignature(filter)
        if let cached = lists.page(page, of: key, signature: signature) { return cached }
        let query = filter + [("per_page", String(min(max(limit, 1), 100))), ("page", String(page)),
                              ("orderby", "date"), ("order", "desc"), ("_fields", WPPost.listFields)]
        let (posts, headers): ([WPPost], _) = try get("wp/v2/posts", query: query)
        let pages = headers["x-wp-totalpages"].flatMap { Int($0) } ?? page
        let found = Page(items: posts.map { summary($0, site: siteRef.ref) }, nextCursor: page < pages ? String(page + 1) : nil)
        lists.store(found, page: page, of: key, signature: signature)
        return found
    }

    /// How many posts a list has and which was modified last: one row, three fields.
    private func listSignature(_ filter: [(String, String)]) throws -> ListCache.Signature {
        let (newest, headers): ([WPPost], _) = try get("wp/v2/posts", query: filter + [
            ("per_page", "1"), ("orderby", "modified"), ("order", "desc"), ("_fields", "id,modified_gmt,status"),
        ])
        return ListCache.Signature(total: headers["x-wp-total"] ?? "", newest: newest.first.map { "\($0.id)@\($0.modified_gmt ?? "")" } ?? "")
    }

    /// Pages the process answered from its list cache.
    public var cachedPageCount: Int { lists.hits }

    /// `GET wp/v2/posts/{id}?context=edit`.
    public func submission(id: Int64) throws -> Submission {
        try submission(post(id))
    }

    func post(_ id: Int64) throws -> WPPost {
        let (post, _): (WPPost, _) = try get("wp/v2/posts/\(id)", query: [("context", "edit"), ("_fields", WPPost.fullFields)])
        return post
    }

    /// Saves what changed of title, sapo (the excerpt) and body (the content) — a field left
    /// as it was is not sent, so its bytes stay as they were — after checking that the post's
    /// `modified_gmt` is still the one `base` names; when it moved, `.staleRevision` with
    /// the post as it now is.
    public func save(id: Int64, edit: SubmissionEdit, base: Int) throws -> Submission {
        let current = try post(id)
        guard current.revision == base, opened.agrees(id, revision: base, text: current.storedText ?? "") else {
            throw PortalError.staleRevision(current: try submission(current))
        }
        var changes: [String: Any] = [:]
        if Normalization.nfc(edit.title) != Normalization.nfc(current.title?.raw ?? "") { changes["title"] = Normalization.nfc(edit.title) }
        if Normalization.nfc(edit.sapo) != Normalization.nfc(current.excerpt?.raw ?? "") { changes["excerpt"] = Normalization.nfc(edit.sapo) }
        if let content = WordPressContent(raw: current.content?.raw ?? "").raw(for: edit.body) { changes["content"] = content }
        return try update(id, changes)
    }

    /// A decision, on the post as `base` names it: claim changes nothing (WordPress has no
    /// claim), return sends it back to draft with the note kept as a held comment (seen by
    /// the board only), reject moves it to the trash (the reason kept the same way),
    /// schedule makes it future at `publishAt`, publish publishes it now, unschedule makes
    /// it pending again. Approval needs the royalty grading WordPress does not keep.
    /// A decision already in effect answers the post as it is (a retry acts once).
    public func transition(id: Int64, _ request: TransitionRequest, base: Int, idempotencyKey: String) throws -> Submission {
        let current = try post(id)
        let status = WordPressStatus.desk(current.status)
        if request.action.to == status, request.action != .schedule || current.date == request.publishAt.map(Self.wholeSeconds) {
            return try submission(current)
        }
        guard current.revision == base else { throw PortalError.staleRevision(current: try submission(current)) }
        let note = request.note.trimmingCharacters(in: .whitespacesAndNewlines)
        switch request.action {
        case .claim:
            var item = try submission(current)
            item.summary.status = .inReview
            return item
        case .return, .withdraw:
            if !note.isEmpty { _ = try addNote(to: id, NoteRequest(body: note, visibility: .editors), idempotencyKey: idempotencyKey) }
            return try update(id, ["status": "draft"])
        case .unpublish:
            // WordPress takes a post down by making it a draft again.
            return try update(id, ["status": "draft"])
        case .resubmit, .unschedule:
            return try update(id, ["status": "pending"])
        case .reject:
            if !note.isEmpty { _ = try addNote(to: id, NoteRequest(body: note, visibility: .editors), idempotencyKey: idempotencyKey) }
            let response = try send("DELETE", "wp/v2/posts/\(id)", query: [("context", "edit"), ("_fields", WPPost.fullFields)])
            return try submission(try decode(WPPost.self, response, path: "wp/v2/posts/\(id)"))
        case .schedule:
            guard let at = request.publishAt else { throw PortalError.api(status: 400, body: APIErrorBody(code: .invalidField, detail: "publishAt")) }
            return try update(id, ["status": "future", "date_gmt": WordPressDate.format(at)])
        case .publish:
            // Published now: a date left in the future would make WordPress schedule it instead.
            return try update(id, ["status": "publish", "date_gmt": WordPressDate.format(Date())])
        case .approve:
            throw WordPressUnavailable.error(.royalties)
        }
    }

    private static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    private func update(_ id: Int64, _ fields: [String: Any]) throws -> Submission {
        try update(path: "wp/v2/posts/\(id)", fields)
    }

    private func update(path: String, _ fields: [String: Any]) throws -> Submission {
        let saved: WPPost = try write("POST", path, query: [("context", "edit"), ("_fields", WPPost.fullFields)], json: fields)
        return try submission(saved)
    }

    /// A contributor's draft as a pending post, its body written as blocks.
    public func create(_ draft: SubmissionDraft, idempotencyKey: String) throws -> Submission {
        let content = WordPressContent(raw: "").raw(for: draft.body) ?? ""
        return try update(path: "wp/v2/posts", ["title": Normalization.nfc(draft.title), "excerpt": Normalization.nfc(draft.sapo),
                                                "content": content, "status": "pending"])
    }

    // MARK: Mapping

    func index() throws -> WPIndex {
        try siteInfo.get {
            let (index, _): (WPIndex, _) = try get("", query: [("_fields", "name,namespaces,timezone_string,gmt_offset")])
            return index
        }
    }

    func site() throws -> Site {
        let index = try index()
        let host = URL(string: baseURL)?.host ?? "wordpress"
        return Site(id: 1, code: host, name: Normalization.nfc(index.name ?? host), kind: .portal, language: "vi", parentCode: nil)
    }

    /// `date` as the site's local time, as WordPress' `after` and `before` read it.
    func localTime(_ date: Date) throws -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try index().timeZone
        let f = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(f.year ?? 1970)-\(two(f.month))-\(two(f.day))T\(two(f.hour)):\(two(f.minute)):\(two(f.second))"
    }

    func summary(_ post: WPPost, site: SiteRef) -> SubmissionSummary {
        let status = WordPressStatus.desk(post.status)
        let authorName = post.bientap_author.map { Normalization.nfc($0.name) } ?? "#\(post.author ?? 0)"
        let lease = post.bientap_lock.flatMap { $0.expires > Int64(Date().timeIntervalSince1970) ? $0.lease : nil }
        let words = post.content?.raw.map { WordPressContent(raw: $0).words } ?? 0
        return SubmissionSummary(
            id: post.id, site: site, contributor: ContributorRef(id: post.author ?? 0, fullName: authorName, penName: nil),
            title: Normalization.nfc(post.title?.raw ?? ""), category: .news, language: "vi", status: status,
            receivedAt: post.date ?? post.modified ?? Date(timeIntervalSince1970: 0), words: words, revision: post.revision,
            lease: lease, publishAt: status == .scheduled ? post.date : nil, publishedAt: status == .published ? post.date : nil)
    }

    func submission(_ post: WPPost) throws -> Submission {
        if let text = post.storedText { opened.remember(post.id, revision: post.revision, text: text) }
        let content = WordPressContent(raw: post.content?.raw ?? "")
        return Submission(summary: summary(post, site: try site().ref), sapo: Normalization.nfc(post.excerpt?.raw ?? ""), body: content.text)
    }
}
