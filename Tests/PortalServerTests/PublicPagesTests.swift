import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NewsroomKit
@testable import PortalServer
import PublicWeb
import SQLKit
import Testing

/// The portal's public face over a real server on loopback: only published items have
/// pages, hostile text is escaped, a taken-down item answers 410, validators answer 304,
/// feeds and sitemaps are XML a standard parser reads, and every page passes `tidy`.
@Suite(.serialized)
struct PublicPagesTests: PortalTesting {
    static let base = "https://cong.example.vn"

    /// A seeded portal on a fresh database of `database`'s kind, listening on loopback, its public address `base`.
    func withPublicPortal(on database: Database, _ body: (Store, any TestClientProtocol) async throws -> Void) async throws {
        try await TemporaryDatabase.with(database) { temporary in
            try await temporary.withSeededStore { store in
                var logger = Logger(label: "test")
                logger.logLevel = .error
                let app = Application(router: PortalApplication.router(store: store, publicBase: PublicAddress(Self.base)),
                                      configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
                // `test` wants a @Sendable closure; `body` runs inside it, on this task, and is done when `test` returns.
                nonisolated(unsafe) let body = body
                try await app.test(.live) { client in try await body(store, client) }
            }
        }
    }

    static let hostileTitle = "<script>alert(\"x\")</script> Lễ hội \"Cầu ngư\" \u{1B}[31mđỏ\u{07} & 'nháy'"
    static let photo: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]

    /// A new item on so-y-te with one photo, published (its page written) unless `status` says otherwise.
    func item(_ store: Store, title: String, status: SubmissionStatus = .published, category: NewsroomKit.Category = .news,
              body: String = "Đoạn một.\n\nĐoạn hai có <i>thẻ</i>.", publishedAt: Date = Date()) async throws -> Int64 {
        let contributor = try await store.sql.raw("SELECT id FROM contributors ORDER BY id LIMIT 1").first()?.decode(column: "id", as: Int64.self)
        let site = try await store.sql.raw("SELECT id FROM sites WHERE code = 'so-y-te'").first()?.decode(column: "id", as: Int64.self)
        let id = try await store.transaction {
            try await store.insertSubmission(siteID: try #require(site), contributorID: try #require(contributor), title: title,
                                             sapo: "Sapo có <b>thẻ</b> & \"ngoặc\".", body: body,
                                             category: category, language: "vi", status: status, received: publishedAt, author: "test",
                                             publishedAt: status == .published ? publishedAt : nil)
        }
        try await store.transaction {
            try await store.sql.raw("""
                INSERT INTO attachments (submission_id, number, filename, content_type, size, sha256, caption, credit, data)
                VALUES (\(bind: id), 1, 'a.png', 'image/png', \(bind: Self.photo.count), 'abc123', 'Chú thích <ảnh>', 'Ảnh: Lê Văn "A"',
                        \(bind: ByteBuffer(bytes: Self.photo)))
                """).run()
            if status == .published { try await store.writePublication(of: id, at: publishedAt) }
        }
        return id
    }

    func path(_ store: Store, _ id: Int64) async throws -> String {
        let submission = try await store.submission(id: id, scope: .everything)
        return Publication.make(try #require(submission), now: Date()).path
    }

    func get(_ client: any TestClientProtocol, _ uri: String, headers extra: [HTTPField.Name: String] = [:]) async throws
        -> (status: HTTPResponse.Status, text: String, headers: HTTPFields) {
        let answer = try await send(client, .get, uri, token: nil, headers: extra)
        return (answer.status, String(decoding: answer.body, as: UTF8.self), answer.headers)
    }

    @Test(arguments: Database.both)
    func onlyPublishedItemsHavePagesAndTheirTextIsEscaped(_ database: Database) async throws {
        try await withPublicPortal(on: database) { store, client in
            let shown = try await item(store, title: Self.hostileTitle)
            let pending = try await item(store, title: "Bài chờ duyệt chưa ai được đọc", status: .submitted)
            let page = try await get(client, try await path(store, shown))
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(!page.text.lowercased().contains("<script"), "no script at all, the title's included")
            #expect(page.text.contains("&lt;script&gt;alert"), "the title is shown, escaped")
            #expect(!(page.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }), "no control characters")
            #expect(page.text.contains("Lễ hội “Cầu ngư” [31mđỏ &amp; ‘nháy’"), "straight quotes printed as Vietnamese quotes")
            #expect(page.text.contains("<html lang=\"vi\">"))
            #expect(page.text.contains("Sapo có &lt;b&gt;thẻ&lt;/b&gt;"), "the sapo escaped")
            #expect(page.text.contains("Chú thích &lt;ảnh&gt;"), "the caption escaped")
            #expect(page.text.contains("Ảnh: Lê Văn “A”"), "the credit")
            let address = Self.base + (try await path(store, shown))
            #expect(page.text.contains("<meta property=\"og:url\" content=\"\(address)\">"), "og:url absolute")
            #expect(page.text.contains("<meta property=\"og:image\" content=\"\(Self.base)/media/\(shown)/1\">"), "og:image: the first photo")
            #expect(page.text.contains("<meta property=\"og:description\" content=\"Sapo có &lt;b&gt;thẻ&lt;/b&gt; &amp; “ngoặc”.\">"),
                    "og:description: the sapo")
            let photo = try await send(client, .get, "/media/\(shown)/1", token: nil)
            #expect(photo.status == .ok)
            #expect([UInt8](photo.body) == Self.photo)
            #expect(photo.headers[.contentType] == "image/png")

            // A pending item: no page at the address it will have, nothing of its text, no photo.
            let hidden = try await get(client, try await path(store, pending))
            #expect(hidden.status == .notFound)
            #expect(!hidden.text.contains("chưa ai được đọc"))
            #expect(hidden.text.contains("Không tìm thấy trang"))
            let hiddenPhoto = try await send(client, .get, "/media/\(pending)/1", token: nil)
            #expect(hiddenPhoto.status == .notFound)
            // Listed where it belongs, the pending one nowhere.
            for list in ["/", "/so-y-te", "/so-y-te/chuyen-muc/tin-tuc", "/so-y-te/rss.xml"] {
                let text = try await get(client, list).text
                #expect(text.contains("Lễ hội “Cầu ngư”"), "\(list)")
                #expect(!text.contains("chưa ai được đọc"), "\(list)")
            }
        }
    }

    @Test(arguments: Database.both)
    func aTakenDownItemAnswers410AtOnceAndItsUnsentPostsAreCancelled(_ database: Database) async throws {
        try await withPublicPortal(on: database) { store, client in
            let id = try await item(store, title: "Bài sẽ bị gỡ")
            let address = try await path(store, id)
            let post = try await store.transaction {
                try await store.returning("""
                    INSERT INTO social_posts (submission_id, channel, status, message, created_at, updated_at)
                    VALUES (\(bind: id), 'facebook', 'queued', 'Tin mới', 0, 0) RETURNING id
                    """).decode(column: "id", as: Int64.self)
            }
            let shown = try await get(client, address)
            #expect(shown.status == .ok, "shown, and now in the page cache")
            let current = try await store.submission(id: id, scope: .everything)
            let outcome = try await store.transition(id: id, expected: try #require(current).summary.revision,
                                                     request: TransitionRequest(action: .unpublish, note: "Sai số liệu"),
                                                     actor: "publisher", scope: .everything, idempotency: nil) { _ in Data() }
            guard case .done(let after) = outcome else { Issue.record("unpublish: \(outcome)"); return }
            #expect(after.summary.status == .unpublished)
            let gone = try await get(client, address)
            #expect(gone.status == .gone)
            #expect(gone.text.contains("Bài đã được gỡ"))
            #expect(!gone.text.contains("Bài sẽ bị gỡ"), "nothing of the item's text")
            let photo = try await send(client, .get, "/media/\(id)/1", token: nil)
            #expect(photo.status == .notFound)
            let home = try await get(client, "/so-y-te")
            #expect(!home.text.contains("Bài sẽ bị gỡ"), "off the lists")
            let status = try await store.sql.raw("SELECT status FROM social_posts WHERE id = \(bind: post)").first()?
                .decode(column: "status", as: String.self)
            #expect(status == "cancelled")
            try await assertTidy(gone.text, "410 page")
            // Only a published item can be taken down.
            let again = try await store.transition(id: id, expected: after.summary.revision, request: TransitionRequest(action: .unpublish),
                                                   actor: "publisher", scope: .everything, idempotency: nil) { _ in Data() }
            guard case .illegal(status: .unpublished) = again else { Issue.record("unpublished twice: \(again)"); return }
        }
    }

    @Test(arguments: Database.both)
    func aCorrectionRewritesThePageAtItsAddressWithANoticeAndNewValidators(_ database: Database) async throws {
        try await withPublicPortal(on: database) { store, client in
            let hourAgo = Date().addingTimeInterval(-3600)
            let id = try await item(store, title: "Số ca sốt xuất huyết giảm", body: "Tuần này có 120 ca.", publishedAt: hourAgo)
            let address = try await path(store, id)
            let before = try await get(client, address)
            #expect(before.status == .ok)
            #expect(!before.text.contains("Đính chính"), "no notice before any correction")
            let oldTag = try #require(before.headers[.eTag]), oldModified = try #require(before.headers[.lastModified])
            let editor = try await store.addUser(name: "bien-tap-dc", displayName: "Biên tập", grants: [Grant(role: .editor, site: "so-y-te")])
            let publisher = try await store.addUser(name: "truc-dc", displayName: "Trực", grants: [Grant(role: .publisher, site: "so-y-te")])
            let uri = "/api/v1/submissions/\(id)"
            let corrected = SubmissionEdit(title: "Số ca sốt xuất huyết tăng", sapo: "Sapo có <b>thẻ</b> & \"ngoặc\".",
                                           body: "Tuần này có 210 ca.", note: "Sửa số ca: 210, không phải 120")

            // No note, no correction; nor from someone who does not edit; the page stays as it went out.
            var noNote = corrected
            noNote.note = "  "
            let refused = try await send(client, .put, uri, token: editor, headers: [.ifMatch: "\"r1\""], body: json(noNote))
            #expect(refused.status == .badRequest)
            #expect(errorCode(refused.body) == "invalid_field")
            let notEditor = try await send(client, .put, uri, token: publisher, headers: [.ifMatch: "\"r1\""], body: json(corrected))
            #expect(notEditor.status == .forbidden)
            let unchanged = try await get(client, address)
            #expect(unchanged.headers[.eTag] == oldTag, "unchanged by refused saves")

            let saved = try await send(client, .put, uri, token: editor, headers: [.ifMatch: "\"r1\""], body: json(corrected))
            #expect(saved.status == .ok, "\(String(decoding: saved.body, as: UTF8.self))")
            #expect(saved.headers[.eTag] == "\"r2\"")
            let row = try await store.sql.raw("SELECT status, public_path, corrected_at, correction_note FROM submissions WHERE id = \(bind: id)").first()
            #expect(try row?.decode(column: "status", as: String.self) == "published", "still published")
            #expect(try row?.decode(column: "public_path", as: String?.self) == address, "at the address it went out at")
            #expect(try row?.decode(column: "correction_note", as: String?.self) == corrected.note)
            let correctedAt = Date(timeIntervalSince1970: Double(try #require(try row?.decode(column: "corrected_at", as: Int64?.self))) / 1000)

            // At once (the page cache held the old page): the new text, the notice in Vietnam's time, new validators.
            let after = try await get(client, address)
            #expect(after.status == .ok)
            #expect(after.text.contains("Tuần này có 210 ca."), "the corrected body")
            #expect(!after.text.contains("120 ca"), "not the old one")
            #expect(after.text.contains("<h1>Số ca sốt xuất huyết tăng</h1>"), "the corrected title")
            #expect(after.text.contains("<strong>Đính chính lúc</strong> <time datetime=\"\(HTTPDate.vietnamISO(correctedAt))\">"
                                              + "\(HTTPDate.vietnam(correctedAt))</time>: Sửa số ca: 210, không phải 120</p>"), "\(after.text)")
            #expect(after.headers[.eTag] != oldTag)
            let newModified = try #require(after.headers[.lastModified].flatMap(HTTPDate.parse))
            let oldDate = try #require(HTTPDate.parse(oldModified))
            #expect(newModified > oldDate)
            let byTag = try await get(client, address, headers: [.ifNoneMatch: oldTag])
            #expect(byTag.status == .ok, "the old copy is stale")
            let byDate = try await get(client, address, headers: [.ifModifiedSince: oldModified])
            #expect(byDate.status == .ok)
            let now = try await store.submission(id: id, scope: .everything)
            let renamed = Publication.make(try #require(now), now: Date()).path
            #expect(renamed != address)
            let nothing = try await get(client, renamed)
            #expect(nothing.status == .notFound, "a new title makes no new address")
            try await assertTidy(after.text, "corrected page")

            // The feeds and the sitemap say when it changed; the list shows the new title.
            let atom = try XMLTree.parse(try await get(client, "/so-y-te/atom.xml").text)
            let entry = try #require(atom.children.first { $0.name == "entry" && $0.texts("id") == [Self.base + address] })
            #expect(entry.texts("updated") == [HTTPDate.iso(correctedAt)])
            #expect(entry.texts("published") == [HTTPDate.iso(hourAgo)])
            #expect(entry.texts("title") == ["Số ca sốt xuất huyết tăng"])
            let rss = try XMLTree.parse(try await get(client, "/so-y-te/rss.xml").text)
            #expect(rss.texts("channel/lastBuildDate") == [HTTPDate.string(correctedAt)])
            let sitemap = try XMLTree.parse(try await get(client, "/so-y-te/sitemap.xml").text)
            let url = try #require(sitemap.children.first { $0.texts("loc") == [Self.base + address] })
            #expect(url.texts("lastmod") == [HTTPDate.iso(correctedAt)])
            // The sitemap index too, though the item is not the site's newest publication.
            let newer = try await item(store, title: "Tin mới hơn", body: "Sau đó.", publishedAt: hourAgo.addingTimeInterval(60))
            #expect(newer != id)
            let index = try XMLTree.parse(try await get(client, "/sitemap.xml").text)
            let entryOfSite = try #require(index.children.first { $0.texts("loc") == [Self.base + "/so-y-te/sitemap.xml"] })
            #expect(entryOfSite.texts("lastmod") == [HTTPDate.iso(correctedAt)])
            // The admin API's publication says when and why.
            let publication = try await send(client, .get, uri + "/publication", token: editor)
            #expect(publication.status == .ok)
            let read = try WireFormat.decoder().decode(Publication.self, from: publication.body)
            #expect(read.correctionNote == corrected.note)
            #expect(read.correctedAt.map { Int($0.timeIntervalSince1970) } == Int(correctedAt.timeIntervalSince1970))
            #expect(read.path == address)

            // The history keeps what went out, and the correction's note.
            let history = try await store.revisions(of: id, scope: .everything)
            let revisions = try #require(history)
            #expect(revisions.map(\.number) == [1, 2])
            #expect(revisions.last?.note == corrected.note)
            let first = try await store.revision(1, of: id, scope: .everything)
            #expect(first?.body == "Tuần này có 120 ca.")

            // The same words again correct nothing: no revision, the notice as it was.
            let same = try await send(client, .put, uri, token: editor, headers: [.ifMatch: "\"r2\""], body: json(corrected))
            #expect(same.status == .ok)
            #expect(same.headers[.eTag] == "\"r2\"")
        }
    }

    @Test(arguments: Database.both)
    func quotesInTheTextAreTypographicButNeverInsideTagsOrAttributes(_ database: Database) async throws {
        try await withPublicPortal(on: database) { store, client in
            let body = """
                "Mở đầu" đoạn, nó nói 'chào' và it's ok.

                Liên kết [xem "đây"](https://vi.example/?q='x'&y=1) rồi **"đậm"** và *"nghiêng"*.

                Viết tay &quot;không phải&quot; thực thể, <a href="javascript:alert('x')">bẫy</a> và "ngoặc lẻ.

                - "Mục" một
                """
            let id = try await item(store, title: "Ông \"Ba\" nói 'được' – \"thật\"", body: body)
            let page = try await get(client, try await path(store, id))
            #expect(page.status == .ok)
            let text = page.text
            #expect(text.contains("<h1>Ông “Ba” nói ‘được’ – “thật”</h1>"), "the title")
            #expect(text.contains("<title>Ông “Ba” nói ‘được’ – “thật” –"), "the title in the head")
            #expect(text.contains("<p>“Mở đầu” đoạn, nó nói ‘chào’ và it’s ok.</p>"), "quotes and an apostrophe")
            #expect(text.contains("<a href=\"https://vi.example/?q=&#39;x&#39;&amp;y=1\">xem “đây”</a>"),
                    "the address keeps its escaped quotes; the link's text curls")
            #expect(text.contains("<strong>“đậm”</strong> và <em>“nghiêng”</em>"), "inside inline tags")
            #expect(text.contains("Viết tay &amp;quot;không phải&amp;quot; thực thể, &lt;a href=”javascript:alert(‘x’)”&gt;bẫy&lt;/a&gt; và “ngoặc lẻ."),
                    "typed entities and tags stay text, escaped")
            #expect(text.contains("<li>“Mục” một</li>"))
            // Every tag of the body as the sanitiser wrote it: no quote in one was touched.
            let start = try #require(text.range(of: "<div class=\"body\">")), end = try #require(text.range(of: "</div>"))
            var tags: [Substring] = []
            var rest = text[start.upperBound..<end.lowerBound]
            while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
                tags.append(rest[open...close])
                rest = rest[rest.index(after: close)...]
            }
            #expect(tags.count > 10)
            for tag in tags { #expect(!(tag.contains { "“”‘’".contains($0) }), "\(String(tag))") }
            #expect(!text.lowercased().contains("<script"))
            try await assertTidy(text, "quotes")
            // What the API hands out is the sanitiser's HTML as published: the quotes curl on the page only.
            let published = try await store.publication(of: id, scope: .everything)
            let publication = try #require(published)
            #expect(publication.html.contains("&quot;Mở đầu&quot;"))
        }
    }

    @Test(arguments: Database.both)
    func theSamplesTakenDownItemAnswers410(_ database: Database) async throws {
        try await withPublicPortal(on: database) { store, client in
            let row = try await store.sql.raw("SELECT title, public_path FROM submissions WHERE status = 'unpublished'").all()
            #expect(row.count == 1, "the sample holds one item taken down")
            let path = try #require(try row.first?.decode(column: "public_path", as: String?.self))
            let title = try #require(try row.first?.decode(column: "title", as: String.self))
            let gone = try await get(client, path)
            #expect(gone.status == .gone)
            #expect(gone.text.contains("Bài đã được gỡ"))
            #expect(!gone.text.contains(title))
            let home = try await get(client, "/" + (path.split(separator: "/").first.map(String.init) ?? ""))
            #expect(home.status == .ok)
            #expect(!home.text.contains(path), "off its site's lists")
        }
    }

    @Test(arguments: Database.both)
    func validatorsAnswer304AndPagesSayHowLongToKeepThem(_ database: Database) async throws {
        try await withPublicPortal(on: database) { store, client in
            let address = try await path(store, try await item(store, title: "Bài để kiểm tra bộ đệm"))
            for uri in [address, "/so-y-te", "/so-y-te/rss.xml", "/sitemap.xml"] {
                let first = try await get(client, uri)
                #expect(first.status == .ok, "\(uri)")
                let etag = try #require(first.headers[.eTag], "\(uri)")
                #expect(first.headers[.cacheControl] == "public, max-age=60", "\(uri)")
                let modified = try #require(first.headers[.lastModified], "\(uri)")
                let asked: [([HTTPField.Name: String], HTTPResponse.Status)] = [
                    ([.ifNoneMatch: etag], .notModified), ([.ifNoneMatch: "W/\(etag)"], .notModified), ([.ifModifiedSince: modified], .notModified),
                    ([.ifNoneMatch: "\"p-other\""], .ok), ([.ifModifiedSince: "Mon, 01 Jan 2001 00:00:00 GMT"], .ok),
                ]
                for (headers, expected) in asked {
                    let answer = try await get(client, uri, headers: headers)
                    #expect(answer.status == expected, "\(uri) \(headers)")
                }
            }
        }
    }

    @Test(arguments: Database.both)
    func feedsAndSitemapsAreXMLWithTheirRequiredElements(_ database: Database) async throws {
        try await withPublicPortal(on: database) { store, client in
            let address = try await path(store, try await item(store, title: Self.hostileTitle))
            let rss = try await get(client, "/so-y-te/rss.xml")
            #expect(rss.headers[.contentType] == "application/rss+xml; charset=utf-8")
            let channel = try XMLTree.parse(rss.text)
            #expect(channel.name == "rss")
            #expect(channel.attributes["version"] == "2.0")
            for required in ["channel/title", "channel/link", "channel/description", "channel/item/title", "channel/item/link",
                             "channel/item/guid", "channel/item/pubDate"] {
                #expect(!(channel.texts(required).isEmpty), "RSS \(required)")
            }
            #expect(channel.texts("channel/item/link").contains(Self.base + address))
            #expect(channel.texts("channel/item/title").contains { $0.hasPrefix("<script>alert(“x”)</script> Lễ hội “Cầu ngư”") },
                    "the title as text, escaped in the XML")
            for date in channel.texts("channel/item/pubDate") { #expect(HTTPDateCheck.rfc822(date) != nil, "\(date)") }

            let atom = try XMLTree.parse(try await get(client, "/so-y-te/chuyen-muc/tin-tuc/atom.xml").text)
            #expect(atom.name == "feed")
            for required in ["id", "title", "updated", "entry/id", "entry/title", "entry/updated", "entry/author/name"] {
                #expect(!(atom.texts(required).isEmpty), "Atom \(required)")
            }
            #expect(atom.texts("entry/id").contains(Self.base + address))

            let sitemap = try XMLTree.parse(try await get(client, "/so-y-te/sitemap.xml").text)
            #expect(sitemap.name == "urlset")
            #expect(sitemap.texts("url/loc").contains(Self.base + address))
            #expect(sitemap.texts("url/loc").allSatisfy { $0.hasPrefix(Self.base + "/so-y-te") })
            let index = try XMLTree.parse(try await get(client, "/sitemap.xml").text)
            #expect(index.name == "sitemapindex")
            let sites = try await store.sites()
            #expect(Set(index.texts("sitemap/loc")) == Set(sites.map { Self.base + "/\($0.code)/sitemap.xml" }))
        }
    }

    @Test(arguments: Database.both)
    func everyPublicPagePassesTidyAndHasNoScript(_ database: Database) async throws {
        try await withPublicPortal(on: database) { store, client in
            let article = try await path(store, try await item(store, title: Self.hostileTitle))
            let document = try await path(store, try await item(store, title: "Kế hoạch số 12/KH-UBND về y tế cơ sở", category: .document))
            let pages = ["/", "/so-y-te", "/so-y-te?trang=2", "/so-y-te/chuyen-muc/van-ban", "/english", article, document,
                         "/so-y-te/khong-co-bai-nay-1.html", "/khong-co-trang"]
            for uri in pages {
                let page = try await get(client, uri)
                #expect([.ok, .notFound].contains(page.status), "\(uri): \(page.status)")
                #expect(!page.text.lowercased().contains("<script"), "\(uri)")
                try await assertTidy(page.text, uri)
            }
            let documentPage = try await get(client, document), english = try await get(client, "/english")
            #expect(documentPage.text.contains("Số hiệu: 12/KH-UBND"))
            #expect(english.text.contains("<html lang=\"en\">"))
        }
    }

    /// Debian's `tidy -errors -q` finds nothing in `html`.
    func assertTidy(_ html: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let tidy = "/usr/bin/tidy"
        guard FileManager.default.isExecutableFile(atPath: tidy) else {
            Issue.record("tidy is missing: `make test` installs it (TEST_PACKAGES)", sourceLocation: sourceLocation)
            return
        }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-tidy-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: input) }
        try Data(html.utf8).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tidy)
        process.arguments = ["-errors", "-q", "-utf8", input.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let report = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(label): \(report)", sourceLocation: sourceLocation)
        #expect(report == "", "\(label)", sourceLocation: sourceLocation)
    }
}

/// An RFC 822 date as RSS writes it, read back with Foundation's own formatter (not ours).
enum HTTPDateCheck {
    static func rfc822(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}

/// An XML document as Foundation's XMLParser reads it: elements with attributes, text and children.
final class XMLTree {
    let name: String
    let attributes: [String: String]
    var text = ""
    var children: [XMLTree] = []

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    struct Malformed: Error { var reason: String }

    static func parse(_ text: String) throws -> XMLTree {
        let reader = Reader()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = reader
        guard parser.parse(), let root = reader.root else {
            throw Malformed(reason: "\(parser.parserError.map { "\($0)" } ?? "no root") at line \(parser.lineNumber): \(text.prefix(400))")
        }
        return root
    }

    /// The text of every element at `path` (names joined by `/`) below this one.
    func texts(_ path: String) -> [String] {
        var level = [self]
        for name in path.split(separator: "/") { level = level.flatMap { $0.children.filter { $0.name == name } } }
        return level.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var root: XMLTree?
        var stack: [XMLTree] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let element = XMLTree(name: name, attributes: attributes)
            stack.last?.children.append(element)
            if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}

