import Foundation
import HTTPTypes
import HummingbirdTesting
import NewsroomKit
import VietText
@testable import PortalServer
import PublicWeb
import Testing

/// The contributors' door in a browser's place: sign-in and sessions, CSRF, a submission
/// through the API's rules, one's own items only, a form whose session ran out.
@Suite(.serialized)
struct DoorTests: PortalTesting {
    private let cheap: UInt8 = 4
    private let password = "mật khẩu cộng tác viên"
    /// A PNG's first bytes: what the portal reads a photo's type from.
    private let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 7, count: 64))

    /// A contributor on so-y-te with a password; their browser, signed in.
    private func signedIn(_ store: Store, _ client: any TestClientProtocol, name: String = "ctv") async throws -> DoorBrowser {
        _ = try await store.addUser(name: name, displayName: "Cộng tác viên \(name)", grants: [Grant(role: .contributor, site: "so-y-te")])
        try await store.setPassword(name: name, password: password, cost: cheap)
        let browser = DoorBrowser(client)
        try await browser.get(DoorAddress.signIn)
        let answer = try await browser.post(DoorAddress.signIn, [("name", name), ("password", password)])
        #expect(answer.status == .seeOther, "\(answer.html)")
        return browser
    }

    private func compose(_ browser: DoorBrowser, title: String, body: String = "Đoạn một.\r\n\r\nĐoạn hai.", extra: [(String, String)] = [],
                         files: [(String, String, Data)] = [], action: String = "submit") async throws -> DoorBrowser.Answer {
        try await browser.get(DoorAddress.compose)
        return try await browser.postMultipart(DoorAddress.compose, [("form_key", browser.hidden("form_key")), ("site", "so-y-te"),
                                                                     ("category", "news"), ("title", title), ("sapo", "Sapo."), ("body", body),
                                                                     ("do", action)] + extra, files: files)
    }

    private func total(_ store: Store) async throws -> Int {
        try await store.countSubmissions().values.reduce(0, +)
    }

    private func itemID(_ answer: DoorBrowser.Answer) -> Int64? {
        answer.location.flatMap { Int64($0.dropFirst("/cong-tac-vien/bai/".count).prefix { $0.isNumber }) }
    }

    @Test(arguments: Database.both)
    func signInStartsANewSessionInStrictCookiesAndSignOutEndsIt(_ database: Database) async throws {
        try await withPortal(on: database, tokenCacheSeconds: 0) { store, client in
            _ = try await store.addUser(name: "ctv", displayName: "CTV", grants: [Grant(role: .contributor, site: "so-y-te")])
            try await store.setPassword(name: "ctv", password: password, cost: cheap)
            let browser = DoorBrowser(client)
            // Not signed in: the door sends to its sign-in page, which gives the form cookie.
            let door = try await browser.get(DoorAddress.root)
            #expect(door.status == .seeOther)
            #expect(door.location == DoorAddress.signIn)
            // An attacker's session id planted before sign-in is never the one signed in.
            browser.setCookie(DoorVisit.sessionCookie, "bt_planted_by_someone_else_0123456789")
            let form = try await browser.get(DoorAddress.signIn)
            #expect(form.status == .ok)
            #expect(!form.html.contains("<script"), "no script on the door")
            let wrong = try await browser.post(DoorAddress.signIn, [("name", "ctv"), ("password", "sai")])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.html.contains("Sai tên đăng nhập"), "\(wrong.html)")
            #expect(wrong.html.contains("value=\"ctv\""), "the name typed is kept")
            let answer = try await browser.post(DoorAddress.signIn, [("name", "ctv"), ("password", password)])
            #expect(answer.status == .seeOther)
            let session = try #require(answer.setCookies.first { $0.hasPrefix(DoorVisit.sessionCookie + "=") })
            #expect(!session.contains("bt_planted"), "\(session)")
            for attribute in ["HttpOnly", "SameSite=Lax", "Path=/cong-tac-vien"] {
                #expect(session.contains(attribute), "\(attribute) in \(session)")
            }
            // The test client names a loopback host: plain HTTP on this machine, where Secure would be dropped.
            #expect(!session.contains("Secure"), "\(session)")
            let home = try await browser.get(DoorAddress.root).status
            #expect(home == .ok)
            // Sign-out needs the token too, then the session is gone server-side.
            let token = try #require(browser.cookies[DoorVisit.sessionCookie])
            let forged = try await browser.post(DoorAddress.signOut, [], csrf: "0").status
            #expect(forged == .forbidden)
            let alive = try await store.principal(forToken: token)
            #expect(alive != nil)
            try await browser.get(DoorAddress.root)
            let signedOut = try await browser.post(DoorAddress.signOut, []).status
            #expect(signedOut == .seeOther)
            let revoked = try await store.principal(forToken: token)
            #expect(revoked == nil)
            let afterwards = try await browser.get(DoorAddress.root).location
            #expect(afterwards == DoorAddress.signIn)
        }
    }

    @Test func cookiesAreSecureUnlessTheBrowserIsOnLoopback() {
        #expect(DoorCookies.isLoopback(host: "127.0.0.1:8080"))
        #expect(DoorCookies.isLoopback(host: "localhost"))
        #expect(DoorCookies.isLoopback(host: "[::1]:8080"))
        #expect(!DoorCookies.isLoopback(host: "congthongtin.quangngai.gov.vn"))
        #expect(!DoorCookies.isLoopback(host: "127.0.0.1.evil.example"))
        #expect(!DoorCookies.isLoopback(host: nil))
        #expect(BrowserLanguage.of(acceptLanguage: "en-US,en;q=0.9,vi;q=0.8") == .en)
        #expect(BrowserLanguage.of(acceptLanguage: "vi-VN,vi;q=0.9,en;q=0.8") == .vi)
        #expect(BrowserLanguage.of(acceptLanguage: "fr, en;q=0.5") == .en)
        #expect(BrowserLanguage.of(acceptLanguage: "en;q=0, vi;q=0.1") == .vi)
        #expect(BrowserLanguage.of(acceptLanguage: nil) == .vi)
    }

    @Test(arguments: Database.both)
    func everyPostNeedsThePagesTokenAndThisSite(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let browser = try await signedIn(store, client)
            let before = try await total(store)
            try await browser.get(DoorAddress.compose)
            let fields = [("form_key", browser.hidden("form_key")), ("site", "so-y-te"), ("category", "news"), ("title", "Giả mạo"),
                          ("sapo", ""), ("body", "x"), ("do", "submit")]
            // Missing, wrong, or right but posted from another site: refused, nothing filed, nothing echoed.
            for (csrf, headers) in [("", [:]), (String(repeating: "0", count: 64), [:]),
                                    (browser.hidden("csrf"), [HTTPField.Name.origin: "https://evil.example"]),
                                    (browser.hidden("csrf"), [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"])] as [(String, [HTTPField.Name: String])] {
                let answer = try await browser.postMultipart(DoorAddress.compose, fields, csrf: csrf, headers: headers)
                #expect(answer.status == .forbidden, "\(csrf) \(headers)")
                #expect(answer.html.contains("Biểu mẫu không hợp lệ"), "\(answer.html)")
                #expect(!answer.html.contains("Giả mạo"))
            }
            // Another browser's token does not fit this browser's cookies.
            let other = try await signedIn(store, client, name: "ctv2")
            try await other.get(DoorAddress.compose)
            try await browser.get(DoorAddress.compose)
            let foreign = try await browser.postMultipart(DoorAddress.compose, fields, csrf: other.hidden("csrf")).status
            #expect(foreign == .forbidden)
            let after = try await total(store)
            #expect(after == before)
        }
    }

    @Test(arguments: Database.both)
    func aSubmissionKeepsTheAPIsRulesEscapesEverythingAndFilesOnce(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let browser = try await signedIn(store, client)
            // A control character is refused, naming the field; what was typed comes back.
            let control = try await compose(browser, title: "Tin có\u{7}chuông")
            #expect(control.status == .badRequest)
            #expect(control.html.contains("Trường “Tiêu đề” có ký tự điều khiển (U+0007)"), "\(control.html)")
            #expect(control.html.contains("Đoạn một."))
            // Not an image: refused by the API's check.
            let notImage = try await compose(browser, title: "Ảnh giả", files: [("photo1", "a.png", Data("<?php echo 1;".utf8))])
            #expect(notImage.html.contains("Ảnh 1 không phải ảnh JPEG, PNG, WebP hay GIF."), "\(notImage.html)")
            // Preview: the desk's word count, nothing filed.
            let before = try await total(store)
            let preview = try await compose(browser, title: "Xem trước", action: "preview")
            #expect(preview.status == .ok)
            #expect(preview.html.contains("<strong id=\"word-count\">\(WordCount.of("Sapo.\nĐoạn một.\n\nĐoạn hai."))</strong>"), "\(preview.html)")
            let counted = try await total(store)
            #expect(counted == before)

            // HTML in every field, a decomposed title, a hostile file name: stored as text (NFC), shown escaped.
            let hostile = "<script>alert(1)</script>\"'&"
            let title = "Tiêm chủng mùa đông".decomposedStringWithCanonicalMapping + hostile
            try await browser.get(DoorAddress.compose)
            let key = browser.hidden("form_key")
            let fields = [("form_key", key), ("site", "so-y-te"), ("category", "news"), ("title", title), ("sapo", hostile),
                          ("body", "Đoạn.\r\n\r\n" + hostile), ("caption1", hostile), ("credit1", hostile), ("do", "submit")]
            let files = [("photo1", "..\\..\\C:\\windows\\<img src=x>.png", png)]
            let created = try await browser.postMultipart(DoorAddress.compose, fields, files: files)
            #expect(created.status == .seeOther, "\(created.html)")
            let id = try #require(itemID(created))
            // The same form again (a double click, the back button): the same item, not a second.
            try await browser.get(DoorAddress.compose)
            let again = try await browser.postMultipart(DoorAddress.compose, fields, files: files, csrf: browser.hidden("csrf"))
            #expect(itemID(again) == id)
            let total = try await total(store)
            #expect(total == before + 1)

            let stored = try await store.submission(id: id, scope: .everything)
            let item = try #require(stored)
            #expect(item.summary.title == "Tiêm chủng mùa đông" + hostile)
            #expect(item.body == "Đoạn.\n\n" + hostile, "line ends as the API keeps them")
            #expect(item.attachments.map(\.filename) == ["<img src=x>.png"])
            #expect(item.attachments.first?.contentType == "image/png")
            #expect(item.summary.status == .submitted)
            let page = try await browser.get(DoorAddress.item(id))
            #expect(!page.html.contains("<script>alert"), "\(page.html)")
            #expect(!page.html.contains("<img src=x>"))
            #expect(page.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(page.html.contains("Đã gửi, chờ duyệt"))
            // The list shows it with its status in words.
            let list = try await browser.get(DoorAddress.root)
            #expect(list.html.contains("id=\"item-\(id)\""), "\(list.html)")
        }
    }

    /// The form offers as many photos and co-authors as the API takes, a few rows at a time
    /// without a script: each "more" sends the form back with the text typed and more rows.
    @Test(arguments: Database.both)
    func theFormGrowsToTheAPIsLimitsKeepingWhatWasTyped(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let browser = try await signedIn(store, client)
            let fresh = try await browser.get(DoorAddress.compose)
            #expect(fresh.html.contains("name=\"photo5\""))
            #expect(!fresh.html.contains("name=\"photo6\""))
            #expect(fresh.html.contains("name=\"coauthor3\""))
            #expect(!fresh.html.contains("name=\"coauthor4\""))
            func more(_ which: String, title: String) async throws -> DoorBrowser.Answer {
                try await browser.postMultipart(DoorAddress.compose, [
                    ("form_key", browser.hidden("form_key")), ("photo_slots", browser.hidden("photo_slots")),
                    ("coauthor_slots", browser.hidden("coauthor_slots")), ("site", "so-y-te"), ("category", "news"),
                    ("title", title), ("sapo", "Sapo."), ("body", "Đoạn một."), ("caption2", "Chú thích hai"), ("do", which)])
            }
            var answer = try await more("more_photos", title: "Lễ \"hội\" <b>")
            #expect(answer.status == .ok, "\(answer.html)")
            #expect(answer.html.contains("name=\"photo10\""))
            #expect(!answer.html.contains("name=\"photo11\""))
            #expect(answer.html.contains("value=\"Lễ &quot;hội&quot; &lt;b&gt;\""), "the title typed, escaped")
            #expect(answer.html.contains("value=\"Chú thích hai\""), "a caption typed")
            for _ in 1...3 { answer = try await more("more_photos", title: "Lễ hội") }
            #expect(answer.html.contains("name=\"photo\(SubmissionDraft.attachmentLimit)\""))
            #expect(!answer.html.contains("name=\"photo\(SubmissionDraft.attachmentLimit + 1)\""), "never past the API's limit")
            #expect(!answer.html.contains("id=\"more-photos\""), "no more to offer")
            for _ in 1...3 { answer = try await more("more_coauthors", title: "Lễ hội") }
            #expect(answer.html.contains("name=\"coauthor\(CoAuthorShare.limit)\""))
            #expect(!answer.html.contains("name=\"coauthor\(CoAuthorShare.limit + 1)\""))
            #expect(!answer.html.contains("id=\"more-coauthors\""))
            let filed = try await store.countSubmissions().values.reduce(0, +)
            #expect(filed == 240, "growing the form files nothing")

            // A row count sent by hand is held within the limits.
            try await browser.get(DoorAddress.compose)
            let forged = try await browser.postMultipart(DoorAddress.compose, [("form_key", browser.hidden("form_key")), ("photo_slots", "100000"),
                                                                               ("coauthor_slots", "-4"), ("site", "so-y-te"), ("title", "T"),
                                                                               ("body", "B."), ("do", "preview")])
            #expect(forged.html.contains("name=\"photo\(SubmissionDraft.attachmentLimit)\""))
            #expect(!forged.html.contains("name=\"photo\(SubmissionDraft.attachmentLimit + 1)\""))
            #expect(forged.html.contains("name=\"coauthor3\""))
            #expect(!forged.html.contains("name=\"coauthor4\""))

            // A photo in the last row is filed with its caption.
            let last = SubmissionDraft.attachmentLimit
            let created = try await compose(browser, title: "Ảnh ở ô cuối", extra: [("photo_slots", "\(last)"), ("caption\(last)", "Ảnh cuối")],
                                            files: [("photo\(last)", "cuoi.png", png)])
            #expect(created.status == .seeOther, "\(created.html)")
            let stored = try await store.submission(id: try #require(itemID(created)), scope: .everything)
            #expect(stored?.attachments.map(\.caption) == ["Ảnh cuối"])
        }
    }

    @Test(arguments: Database.both)
    func uploadsKeepTheAPIsSizeLimits(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let browser = try await signedIn(store, client)
            try await browser.get(DoorAddress.compose)
            // A body over the API's limit for a creation: refused, not read to its end.
            let huge = try await browser.postMultipart(DoorAddress.compose, [("title", "x")],
                                                       files: [("photo1", "a.png", Data(count: SubmissionDraft.bodySizeLimit))])
            #expect(huge.status == .contentTooLarge)
            #expect(huge.html.contains("tối đa 8 MB"), "\(huge.html)")
            try await browser.get(DoorAddress.compose)
            // One photo over its limit: the API's refusal, the text kept.
            let big = png + Data(count: SubmissionDraft.attachmentSizeLimit)
            let answer = try await compose(browser, title: "Ảnh lớn", files: [("photo1", "lon.png", big)])
            #expect(answer.status == .badRequest)
            #expect(answer.html.contains("tối đa 8 MB"), "\(answer.html)")
            #expect(answer.html.contains("value=\"Ảnh lớn\""))
        }
    }

    @Test(arguments: Database.both)
    func onlyOnesOwnItemsAreSeenAnsweredOrWithdrawn(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let owner = try await signedIn(store, client)
            let filed = try await compose(owner, title: "Bài của chủ")
            let id = try #require(itemID(filed))
            let other = try await signedIn(store, client, name: "ctv-khac")
            let peek = try await other.get(DoorAddress.item(id)).status
            #expect(peek == .notFound)
            // A sample item of another contributor on the same site, too.
            let peekSample = try await other.get(DoorAddress.item(1)).status
            #expect(peekSample == .notFound)
            try await other.get(DoorAddress.root)
            let withdrawal = try await other.post(DoorAddress.withdraw(id), [("revision", "1")]).status
            #expect(withdrawal == .notFound)
            let answer = try await other.post(DoorAddress.answer(id), [("answer", "xen vào")]).status
            #expect(answer == .notFound)
            let item = try await store.submission(id: id, scope: .everything)
            #expect(item?.summary.status == .submitted)
            let notes = try await store.notes(of: id, includeEditors: true)
            #expect(notes == [])
            // The owner withdraws it.
            try await owner.get(DoorAddress.item(id))
            let withdrawn = try await owner.post(DoorAddress.withdraw(id), [("revision", owner.hidden("revision"))])
            #expect(withdrawn.location == DoorAddress.item(id) + "?ok=withdrawn")
            let page = try await owner.get(withdrawn.location ?? "")
            #expect(page.html.contains("Đã rút"), "\(page.html)")
        }
    }

    @Test(arguments: Database.both)
    func aReturnedItemIsAnsweredEditedAndResubmitted(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let browser = try await signedIn(store, client)
            browser.language = "en-GB,en;q=0.9,vi;q=0.5"
            let filed = try await compose(browser, title: "Bản đầu")
            let id = try #require(itemID(filed))
            for (action, note) in [(WorkflowAction.claim, ""), (.return, "Cần thêm số liệu tiêm chủng.")] {
                let stored = try await store.submission(id: id, scope: .everything)
                let current = try #require(stored)
                guard case .done = try await store.transition(id: id, expected: current.summary.revision, request: TransitionRequest(action: action, note: note),
                                                              actor: "bien-tap", scope: .everything, idempotency: nil,
                                                              answer: { _ in Data() }) else { Issue.record("\(action)"); return }
            }
            _ = try await store.addNote(to: id, NoteRequest(body: "Cần thêm số liệu tiêm chủng.", visibility: .shared),
                                        by: Principal(userID: 0, name: "bien-tap", displayName: "Ban Biên tập", grants: [Grant(role: .editor, site: nil)]),
                                        idempotency: nil, answer: { _ in Data() })
            let page = try await browser.get(DoorAddress.item(id))
            #expect(page.html.contains("Returned for changes"), "\(page.html)")
            #expect(page.html.contains("Cần thêm số liệu tiêm chủng."))
            #expect(page.html.contains("<html lang=\"en\">"))

            let answered = try await browser.post(DoorAddress.answer(id), [("form_key", browser.hidden("form_key")), ("answer", "Đã bổ sung.")])
            #expect(answered.location == DoorAddress.item(id) + "?ok=answered")
            let notes = try await store.notes(of: id, includeEditors: false)
            #expect(notes.last?.body == "Đã bổ sung.")
            #expect(notes.last?.parentId == notes.first?.id)

            try await browser.get(DoorAddress.item(id))
            let resubmitted = try await browser.post(DoorAddress.resubmit(id), [("revision", browser.hidden("revision")), ("title", "Bản sửa"),
                                                                             ("sapo", "Sapo."), ("body", "Có số liệu."), ("note", "thêm số liệu")])
            #expect(resubmitted.location == DoorAddress.item(id) + "?ok=resubmitted", "\(resubmitted.html)")
            let stored = try await store.submission(id: id, scope: .everything)
            let item = try #require(stored)
            #expect(item.summary.status == .resubmitted)
            #expect(item.summary.title == "Bản sửa")
            #expect(item.summary.revision == 2)
        }
    }

    /// The door and the API agree: a contributor revises their own item while it is returned to
    /// them, on either path (`Store.save`'s one rule), and at no other time.
    @Test(arguments: Database.both)
    func aContributorRevisesTheirReturnedItemThroughTheAPIAsThroughTheDoor(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let token = try await store.addUser(name: "ctv-api", displayName: "CTV API", grants: [Grant(role: .contributor, site: "so-y-te")])
            let stranger = try await store.addUser(name: "ctv-la", displayName: "CTV lạ", grants: [Grant(role: .contributor, site: "so-y-te")])
            let filed = try await send(client, .post, "/api/v1/submissions", token: token,
                                       body: json(SubmissionDraft(site: "so-y-te", title: "Bản đầu", sapo: "Sapo.", body: "Thân bài.", category: .news)))
            #expect(filed.status == .created)
            let id = try WireFormat.decoder().decode(Submission.self, from: filed.body).id
            let uri = "/api/v1/submissions/\(id)"
            func save(_ title: String, as who: String, at revision: Int) async throws -> (status: HTTPResponse.Status, body: Data, headers: HTTPFields) {
                try await send(client, .put, uri, token: who, headers: [.ifMatch: "\"r\(revision)\""],
                               body: json(SubmissionEdit(title: title, sapo: "Sapo.", body: "Thân bài đã sửa.", note: "sửa theo góp ý")))
            }
            func decide(_ action: WorkflowAction, note: String = "") async throws {
                let current = try await store.submission(id: id, scope: .everything)
                guard case .done = try await store.transition(id: id, expected: try #require(current).summary.revision,
                                                              request: TransitionRequest(action: action, note: note), actor: "bien-tap",
                                                              scope: .everything, idempotency: nil, answer: { _ in Data() }) else {
                    Issue.record("\(action)"); return
                }
            }
            // Waiting for the board: the text is the board's to change now.
            let early = try await save("Sửa sớm", as: token, at: 1)
            #expect(early.status == .forbidden, "\(String(decoding: early.body, as: UTF8.self))")
            try await decide(.claim)
            try await decide(.return, note: "Cần thêm số liệu.")
            // Returned: its own contributor saves it through the API; no one else's contributor sees it.
            let theirs = try await save("Sửa của người lạ", as: stranger, at: 1)
            #expect(theirs.status == .notFound)
            let revised = try await save("Bản sửa qua API", as: token, at: 1)
            #expect(revised.status == .ok, "\(String(decoding: revised.body, as: UTF8.self))")
            #expect(revised.headers[.eTag] == "\"r2\"")
            let stale = try await save("Bản cũ", as: token, at: 1)
            #expect(stale.status == .preconditionFailed, "a save from an older revision loses nothing")
            // The same rule in the store the door calls.
            guard case .saved(let door) = try await store.save(id: id, expected: 2, edit: SubmissionEdit(title: "Bản sửa ở cửa", sapo: "Sapo.", body: "B."),
                                                               author: "ctv-api", scope: .everything, as: .contributor) else {
                Issue.record("the door's save of a returned item"); return
            }
            #expect(door.summary.revision == 3)
            try await decide(.resubmit)
            // Sent back to the board: neither path saves it any more.
            let late = try await save("Sửa muộn", as: token, at: 3)
            #expect(late.status == .forbidden)
            let lateDoor = try await store.save(id: id, expected: 3, edit: SubmissionEdit(title: "Muộn", sapo: "", body: "B."),
                                                author: "ctv-api", scope: .everything, as: .contributor)
            guard case .refused(status: .resubmitted) = lateDoor else { Issue.record("\(lateDoor)"); return }
            let stored = try await store.submission(id: id, scope: .everything)
            #expect(stored?.summary.title == "Bản sửa ở cửa")
            #expect(stored?.summary.revision == 3)
        }
    }

    /// `tidy -errors -q` has nothing to say about `html`; its complaints otherwise.
    private func tidyErrors(_ html: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("door-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: file) }
        try html.write(to: file, atomically: true, encoding: .utf8)
        let tidy = Process()
        tidy.executableURL = URL(fileURLWithPath: "/usr/bin/tidy")
        tidy.arguments = ["-errors", "-q", file.path]
        let output = Pipe()
        tidy.standardError = output
        tidy.standardOutput = output
        try tidy.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        tidy.waitUntilExit()
        return tidy.terminationStatus == 0 ? "" : text
    }

    @Test(arguments: Database.both)
    func everyDoorPageIsValidHTMLWithoutScript(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let browser = try await signedIn(store, client)
            let filed = try await compose(browser, title: "Bài <b>có</b> \"ngoặc\"", files: [("photo1", "a.png", png)])
            let id = try #require(itemID(filed))
            _ = try await store.addNote(to: id, NoteRequest(body: "Sửa lại <i>đoạn</i> hai.\n\nCảm ơn.", visibility: .shared),
                                        by: Principal(userID: 0, name: "bien-tap", displayName: "Ban Biên tập", grants: [Grant(role: .editor, site: nil)]),
                                        idempotency: nil, answer: { _ in Data() })
            var pages = [String: String]()
            pages["items"] = try await browser.get(DoorAddress.root).html
            pages["item"] = try await browser.get(DoorAddress.item(id)).html
            pages["compose"] = try await browser.get(DoorAddress.compose).html
            pages["compose with problems"] = try await compose(browser, title: "", action: "preview").html
            pages["not found"] = try await browser.get(DoorAddress.item(1)).html
            pages["refused"] = try await browser.post(DoorAddress.signOut, [], csrf: "0").html
            browser.language = "en"
            pages["item in English"] = try await browser.get(DoorAddress.item(id)).html
            let stranger = DoorBrowser(client)
            pages["sign-in"] = try await stranger.get(DoorAddress.signIn).html
            for (name, html) in pages {
                #expect(!html.isEmpty, "\(name)")
                #expect(try tidyErrors(html) == "", "\(name)")
                #expect(!html.lowercased().contains("<script"), "\(name)")
            }
        }
    }

    @Test(arguments: Database.both)
    func aFormWhoseSessionRanOutKeepsItsTextAndSignsInAgain(_ database: Database) async throws {
        try await withPortal(on: database, tokenCacheSeconds: 0) { store, client in
            let browser = try await signedIn(store, client)
            try await browser.get(DoorAddress.compose)
            let typed = [("form_key", browser.hidden("form_key")), ("site", "so-y-te"), ("category", "news"),
                         ("title", "Bài viết dài đang gõ"), ("sapo", "Sapo dài."), ("body", "Ba trang chữ."), ("do", "submit")]
            try await store.revokeTokens(name: "ctv")
            let expired = try await browser.postMultipart(DoorAddress.compose, typed, files: [("photo1", "a.png", png)])
            #expect(expired.status == .unauthorized)
            for kept in ["Phiên đăng nhập đã hết hạn", "value=\"Bài viết dài đang gõ\"", ">Ba trang chữ.</textarea>", "type=\"password\"",
                         "Ảnh chưa được gửi"] {
                #expect(expired.html.contains(kept), "\(kept + "\n" + expired.html)")
            }
            // Signing in from that form files what was typed, under a new session.
            let answer = try await browser.postMultipart(DoorAddress.compose, typed + [("name", "ctv"), ("password", password)],
                                                         files: [("photo1", "a.png", png)])
            #expect(answer.status == .seeOther, "\(answer.html)")
            let id = try #require(itemID(answer))
            let item = try await store.submission(id: id, scope: .everything)
            #expect(item?.summary.title == "Bài viết dài đang gõ")
            #expect(item?.attachments.count == 1)
        }
    }
}
