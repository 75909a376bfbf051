import Foundation
import HTTPTypes
import HummingbirdTesting
import NewsroomKit
@testable import PortalServer
import VietText
import Testing

/// Filing submissions (photos, co-authors, once per Idempotency-Key) and finding them
/// again (filters, diacritic-insensitive search, orders, cursors).
@Suite(.serialized)
struct DraftTests: PortalTesting {
    private let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]) + Data(repeating: 7, count: 300)
    private let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data(repeating: 1, count: 500)

    private func draft(site: String = "so-y-te", title: String = "Tiêm chủng mở rộng ở xã đảo",
                       coAuthors: [CoAuthorShare]? = nil, attachments: [AttachmentUpload]? = nil) -> SubmissionDraft {
        SubmissionDraft(site: site, title: title, sapo: "Sapo ngắn.", body: "Nội dung **bài** viết.", category: .news,
                        coAuthors: coAuthors, attachments: attachments)
    }

    @Test(arguments: Database.both)
    func aContributorFilesASubmissionWithPhotosAndCoAuthorsOnce(_ database: Database) async throws {
        try await TemporaryDatabase.with(database) { db in
            try await db.withPortal { store, client in
                let writer = try await store.addUser(name: "phong-vien", displayName: "Phóng viên Hà", grants: [Grant(role: .contributor, site: "so-y-te")])
                let accountant = try await store.addUser(name: "ke-toan", displayName: "Kế toán", grants: [Grant(role: .accountant, site: nil)])
                // A co-author a contributor may name: someone who writes for the same site.
                let colleague = try await store.submissions(.init(site: "so-y-te", limit: 1)).items[0].contributor
                let photos = [AttachmentUpload(filename: "anh-1.jpg", data: png, caption: "Tiêm vắc-xin cho trẻ", credit: "Ảnh: Hà"),
                              AttachmentUpload(filename: "anh-2.jpg", data: jpeg, caption: "Trạm y tế xã", credit: "Ảnh: CTV")]
                let sent = draft(title: "Tiêm chủng mở rộng ở xã đảo".decomposedStringWithCanonicalMapping,
                                 coAuthors: [CoAuthorShare(contributorId: colleague.id, share: 30)], attachments: photos)
                let key: [HTTPField.Name: String] = [HTTPField.Name("Idempotency-Key")!: "gui-bai-1"]
                let created = try await send(client, .post, APIPath.submissions, token: writer, headers: key, body: json(sent))
                #expect(created.status == .created, "\(String(decoding: created.body.prefix(500), as: UTF8.self))")
                #expect(created.headers[.eTag] == "\"r1\"")
                let item = try WireFormat.decoder().decode(Submission.self, from: created.body)
                #expect(created.headers[.location] == APIPath.submission(item.id))
                #expect(item.summary.status == .submitted)
                #expect(item.summary.title == "Tiêm chủng mở rộng ở xã đảo", "stored NFC")
                #expect(item.summary.contributor.fullName == "Phóng viên Hà", "a contributor record made for the account")
                #expect(item.summary.language == "vi", "the site's language")
                #expect(item.authorShare == 70)
                #expect(item.coAuthors == [CoAuthor(contributor: colleague, share: 30, confirmed: false)], "pending until approval")
                #expect(item.attachments.map(\.contentType) == ["image/png", "image/jpeg"], "read from the bytes, not the name")
                #expect(item.attachments.map(\.caption) == ["Tiêm vắc-xin cho trẻ", "Trạm y tế xã"])
                #expect(item.attachments[1].size == jpeg.count)

                let photo = try await send(client, .get, APIPath.attachment(1, of: item.id), token: writer)
                #expect(photo.status == .ok)
                #expect(photo.body == png)
                #expect(photo.headers[.contentType] == "image/png")
                let none = try await send(client, .get, APIPath.attachment(3, of: item.id), token: writer)
                #expect(none.status == .notFound)
                let (revisions, _) = try await get(client, APIPath.revisions(item.id), token: writer, as: [RevisionInfo].self)
                #expect(revisions.map(\.author) == ["Phóng viên Hà"], "a contributor reads names, not login names")

                // The retry after a lost answer: the same item, not a second one.
                let before = try await store.countSubmissions()[.submitted, default: 0]
                let retry = try await send(client, .post, APIPath.submissions, token: writer, headers: key, body: json(sent))
                #expect(retry.status == .created)
                #expect(retry.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
                #expect(try WireFormat.decoder().decode(Submission.self, from: retry.body).id == item.id)
                let after = try await store.countSubmissions()[.submitted, default: 0]
                #expect(after == before)
                let reused = try await send(client, .post, APIPath.submissions, token: writer, headers: key, body: json(draft(title: "Khác")))
                #expect(reused.status.code == 422)
                #expect(errorCode(reused.body) == "idempotency_key_reused")

                // A contributor sees their own items, not their colleagues' on the same site.
                let (mine, _) = try await get(client, APIPath.submissions + "?limit=200", token: writer, as: Page<SubmissionSummary>.self)
                #expect(mine.items.map(\.id) == [item.id])
                let colleagues = try await store.submissions(.init(site: "so-y-te", limit: 5)).items.first { $0.id != item.id }!
                let hidden = try await send(client, .get, APIPath.submission(colleagues.id), token: writer)
                #expect(hidden.status == .notFound)
                let hiddenRevisions = try await send(client, .get, APIPath.revisions(colleagues.id), token: writer)
                #expect(hiddenRevisions.status == .notFound)

                // Who may file where.
                let elsewhere = try await send(client, .post, APIPath.submissions, token: writer, body: json(draft(site: "so-gtvt")))
                #expect(elsewhere.status == .forbidden)
                let notAuthor = try await send(client, .post, APIPath.submissions, token: accountant, body: json(draft()))
                #expect(notAuthor.status == .forbidden)

                // What is refused, and why.
                var wrongLanguage = draft()
                wrongLanguage.language = "fr"
                let refusals: [(SubmissionDraft, String)] = [
                    (draft(title: "  "), "title"),
                    (wrongLanguage, "language"),
                    (draft(coAuthors: [CoAuthorShare(contributorId: colleague.id, share: 100)]), "co_authors"),
                    (draft(coAuthors: [CoAuthorShare(contributorId: 999_999, share: 10)]), "co_authors: 999999"),
                    (draft(attachments: [AttachmentUpload(filename: "x.jpg", data: Data("<script>".utf8), caption: "", credit: "")]), "not a JPEG"),
                    (draft(attachments: [AttachmentUpload(filename: "../x.jpg", data: jpeg, caption: "", credit: "")]), "filename"),
                ]
                for (body, detail) in refusals {
                    let refused = try await send(client, .post, APIPath.submissions, token: writer, body: json(body))
                    #expect(refused.status == .badRequest, "\(detail)")
                    let error = try WireFormat.decoder().decode(APIErrorBody.self, from: refused.body)
                    #expect(error.error.code == "invalid_field", "\(detail)")
                    #expect(error.error.messageEn.contains(detail), "\(error.error.messageEn) lacks \(detail)")
                }
                let wrongType = try await send(client, .post, APIPath.submissions, token: writer, body: Data(#"{"site": 3}"#.utf8))
                #expect(errorCode(wrongType.body) == "invalid_json")
            }
        }
    }

    @Test(arguments: Database.both)
    func listsFilterSearchAndSortWithCursorsOfTheirOrder(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let token = try await store.addUser(name: "an", displayName: "An", grants: [Grant(role: .editor, site: nil)])
            let everything = try await store.submissions(.init(limit: 1000)).items
            /// Every item of a query, page by page.
            func walk(_ query: String) async throws -> [SubmissionSummary] {
                var seen: [SubmissionSummary] = []
                var cursor: String?
                repeat {
                    let uri = APIPath.submissions + "?limit=17&" + query + (cursor.map { "&cursor=\($0)" } ?? "")
                    let (page, _) = try await get(client, uri, token: token, as: Page<SubmissionSummary>.self)
                    seen += page.items
                    cursor = page.nextCursor
                } while cursor != nil && seen.count < 2000
                return seen
            }

            // Search: words typed without marks find the marked text, in title, sapo or body.
            let target = everything[5]
            let words: [Substring] = target.title.split(separator: " ")
            let word = try #require(words.max { $0.count < $1.count }.map(String.init))
            let plain = Diacritics.strip(word).uppercased()
            let found = try await walk("q=" + plain.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(found.contains { $0.id == target.id }, "\(plain) finds \(target.title)")
            for item in found {
                let whole = try await store.submission(id: item.id, scope: .everything)!
                #expect(Diacritics.searchKey(whole.summary.title + " " + whole.sapo + " " + whole.body).contains(plain.lowercased()))
            }
            let nothing = try await walk("q=" + "khongcochunaoday%25")
            #expect(nothing == [])
            // A save is searched by its new words, no longer by the ones it took out.
            let edited = everything[7]
            let before = try await store.submission(id: edited.id, scope: .everything)!
            _ = try await store.save(id: edited.id, expected: before.summary.revision,
                                     edit: SubmissionEdit(title: "Tiêu đề mới", sapo: "", body: "Hợp tác xã Ngọc Hoàng mở rộng.", note: ""),
                                     author: "an", scope: .everything)
            let byNewWord = try await walk("q=ngoc%20hoang")
            #expect(byNewWord.map(\.id) == [edited.id])
            let oldWord = Diacritics.strip(String(before.summary.title.split(separator: " ").max { $0.count < $1.count }!))
            let byOldWord = try await walk("q=" + oldWord.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(!(byOldWord.contains { $0.id == edited.id }), "\(oldWord) is gone from it")

            // Filters: category, contributor, the received range.
            let articles = try await walk("category=article,photo_story")
            #expect(articles.count == everything.filter { [.article, .photoStory].contains($0.category) }.count)
            let someone = everything[0].contributor.id
            let theirs = try await walk("contributor=\(someone)")
            #expect(Set(theirs.map(\.id)) == Set(everything.filter { $0.contributor.id == someone }.map(\.id)))
            let middle = everything[everything.count / 2].receivedAt
            let iso = ISO8601DateFormatter()
            let recent = try await walk("received_from=" + iso.string(from: middle))
            #expect(recent.count == everything.filter { $0.receivedAt >= middle.addingTimeInterval(-0.999) }.count)
            let older = try await walk("received_before=" + iso.string(from: middle) + "&status=submitted")
            #expect(older.allSatisfy { $0.receivedAt < middle && $0.status == .submitted })
            // Published since a moment (the queue's "published today"): only those, unpublished ones never.
            let published = everything.compactMap(\.publishedAt).sorted()
            #expect(published.count > 10)
            let since = published[published.count - 5]
            let lately = try await walk("published_from=" + iso.string(from: since) + "&status=published")
            #expect(Set(lately.map(\.id)) == Set(everything.filter { ($0.publishedAt ?? .distantPast) >= since.addingTimeInterval(-0.999) }.map(\.id)))
            #expect(lately.count >= 5)
            #expect(lately.allSatisfy { $0.status == .published })

            // Orders: oldest first, most words first; each walk sees every item once.
            let oldest = try await walk("sort=received")
            #expect(oldest.count == everything.count)
            #expect(oldest.map(\.id) == everything.map(\.id).reversed(), "the exact reverse of newest first")
            let longest = try await walk("sort=-words")
            #expect(Set(longest.map(\.id)).count == everything.count)
            #expect(zip(longest, longest.dropFirst()).allSatisfy { $0.words > $1.words || ($0.words == $1.words && $0.id > $1.id) })

            let (first, _) = try await get(client, APIPath.submissions + "?limit=5&sort=-words", token: token, as: Page<SubmissionSummary>.self)
            let mixed = try await get(client, APIPath.submissions + "?sort=received&cursor=\(first.nextCursor!)", token: token,
                                      as: APIErrorBody.self, status: .badRequest)
            #expect(mixed.0.error.code == "invalid_cursor", "a cursor belongs to its order")
            for query in ["sort=title", "category=tin", "contributor=x", "received_from=yesterday", "published_from=today"] {
                let (bad, _) = try await get(client, APIPath.submissions + "?" + query, token: token, as: APIErrorBody.self, status: .badRequest)
                #expect(bad.error.code == "invalid_field", "\(query)")
            }
        }
    }
}
