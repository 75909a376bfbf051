import Foundation
import NewsroomKit
import PortalClient
import VietText

extension WordPressClient {
    // MARK: Edit leases: WordPress' post lock

    /// Takes or renews the post lock through the bientap plugin
    /// (Scripts/wordpress-bientap.php); `.leaseHeld` when someone else holds it. A site
    /// without the plugin keeps no lock the desk can take: the desk edits with a lease of
    /// its own making, and the save's check on `modified_gmt` still keeps every word.
    public func acquireLease(id: Int64) throws -> Lease {
        let response = try send("POST", "bientap/v1/posts/\(id)/lock", passing: [404, 409])
        switch response.status {
        case 409:
            throw PortalError.leaseHeld(try decode(WPLockHeld.self, response, path: "bientap/v1/posts/\(id)/lock").lock.lease)
        case 404:
            _ = try post(id)
            let now = Date()
            return Lease(holder: user, holderName: user, acquiredAt: now, expiresAt: now.addingTimeInterval(150))
        default:
            return try decode(WPLock.self, response, path: "bientap/v1/posts/\(id)/lock").lease
        }
    }

    /// Gives the post lock back (when it is ours).
    public func releaseLease(id: Int64) throws {
        _ = try send("DELETE", "bientap/v1/posts/\(id)/lock", passing: [404])
    }

    // MARK: History

    /// WordPress keeps no audit trail of status changes.
    public func events(of id: Int64) throws -> [AuditEvent] { [] }

    /// The post's revisions, oldest first, numbered from 1; the post as it is now is the last.
    public func revisions(of id: Int64) throws -> [RevisionInfo] {
        try history(of: id).map(\.info)
    }

    public func revision(_ number: Int, of id: Int64) throws -> Revision {
        let all = try history(of: id)
        guard let found = all.first(where: { $0.info.number == number }) else {
            throw PortalError.api(status: 404, body: APIErrorBody(code: .notFound, detail: "r\(number)"))
        }
        return found
    }

    /// Word by word, between two of the post's revisions (the first and the last by default).
    public func diff(of id: Int64, from: Int?, to: Int?) throws -> RevisionDiff {
        let all = try history(of: id)
        guard let first = all.first, let last = all.last else {
            throw PortalError.api(status: 404, body: APIErrorBody(code: .notFound))
        }
        func pick(_ number: Int?, _ fallback: Revision) throws -> Revision {
            guard let number else { return fallback }
            guard let found = all.first(where: { $0.info.number == number }) else {
                throw PortalError.api(status: 404, body: APIErrorBody(code: .notFound, detail: "r\(number)"))
            }
            return found
        }
        return RevisionDiff(from: try pick(from, first), to: try pick(to, last))
    }

    /// `wp/v2/posts/{id}/revisions` (for users who may edit the post; others see only the
    /// post as it is), the current post added when no revision holds it yet.
    private func history(of id: Int64) throws -> [Revision] {
        let current = try post(id)
        let currentText = Revision(info: RevisionInfo(number: 0, author: current.bientap_author?.login ?? "", createdAt: current.modified ?? Date(),
                                                      note: ""),
                                   title: Normalization.nfc(current.title?.raw ?? ""), sapo: Normalization.nfc(current.excerpt?.raw ?? ""),
                                   body: WordPressContent(raw: current.content?.raw ?? "").text)
        var texts: [Revision] = []
        let response = try send("GET", "wp/v2/posts/\(id)/revisions", query: [
            ("context", "edit"), ("per_page", "100"), ("_fields", "id,author,date_gmt,title.raw,excerpt.raw,content.raw"),
        ], passing: [401, 403])
        if (200..<300).contains(response.status) {
            let found = try decode([WPRevision].self, response, path: "wp/v2/posts/\(id)/revisions")
            texts = found.reversed().map { revision in
                Revision(info: RevisionInfo(number: 0, author: revision.author.map { "#\($0)" } ?? "",
                                            createdAt: revision.date_gmt.flatMap(WordPressDate.parse) ?? Date(), note: ""),
                         title: Normalization.nfc(revision.title?.raw ?? ""), sapo: Normalization.nfc(revision.excerpt?.raw ?? ""),
                         body: WordPressContent(raw: revision.content?.raw ?? "").text)
            }
        }
        if let last = texts.last, last.title == currentText.title, last.sapo == currentText.sapo, last.body == currentText.body {
            // The newest revision is the post as it is.
        } else {
            texts.append(currentText)
        }
        return texts.enumerated().map { offset, revision in
            var numbered = revision
            numbered.info.number = offset + 1
            return numbered
        }
    }

    // MARK: Notes: comments held for moderation, which the site never shows

    public func notes(of id: Int64) throws -> [Note] {
        let response = try send("GET", "wp/v2/comments", query: [
            ("post", String(id)), ("status", "hold"), ("context", "edit"), ("per_page", "100"), ("order", "asc"),
            ("_fields", "id,parent,author,author_name,date_gmt,content"),
        ], passing: [401, 403])
        guard (200..<300).contains(response.status) else { return [] }
        return try decode([WPComment].self, response, path: "wp/v2/comments").map(note)
    }

    public func addNote(to id: Int64, _ note: NoteRequest, idempotencyKey: String) throws -> Note {
        var fields: [String: Any] = ["post": id, "content": Normalization.nfc(note.body), "status": "hold"]
        if let parent = note.parentId { fields["parent"] = parent }
        let comment: WPComment = try write("POST", "wp/v2/comments", query: [
            ("context", "edit"), ("_fields", "id,parent,author,author_name,date_gmt,content"),
        ], json: fields)
        return self.note(comment)
    }

    private func note(_ comment: WPComment) -> Note {
        Note(id: comment.id, parentId: comment.parent.flatMap { $0 == 0 ? nil : $0 }, author: comment.author.map { "#\($0)" } ?? "",
             authorName: Normalization.nfc(comment.author_name ?? ""), body: Normalization.nfc(comment.content?.raw ?? ""),
             visibility: .editors, createdAt: comment.date_gmt.flatMap(WordPressDate.parse) ?? Date())
    }
}
