import CurlHTTP
import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText

/// Every string the newsroom shows, in Vietnamese and English. Code asks
/// for `Strings.x(language)`; nothing else in the app spells UI text.
public enum Strings {
    // Screens
    public static let appName = Localized(vi: "bientap", en: "bientap")
    public static let readerTitle = Localized(vi: "Xem bài", en: "Read")
    public static let helpTitle = Localized(vi: "Trợ giúp — phím tắt", en: "Help — key bindings")
    public static let contextGlobal = Localized(vi: "Mọi màn hình", en: "Every screen")
    public static let contextQueue = Localized(vi: "Hàng chờ", en: "Queue")
    public static let contextReader = Localized(vi: "Xem bài", en: "Reader")
    public static let contextHelp = Localized(vi: "Trợ giúp", en: "Help")
    public static let contextEditor = Localized(vi: "Soạn thảo", en: "Editor")

    // Queue columns
    public static let columnReceived = Localized(vi: "Nhận lúc", en: "Received")
    public static let columnPublished = Localized(vi: "Đăng lúc", en: "Published")
    public static let columnSite = Localized(vi: "Chuyên trang", en: "Site")
    public static let columnContributor = Localized(vi: "Tác giả", en: "Contributor")
    public static let columnTitle = Localized(vi: "Tiêu đề", en: "Title")
    public static let columnWords = Localized(vi: "Số chữ", en: "Words")
    /// The count of spelling findings the portal has in an item.
    public static let columnSpelling = Localized(vi: "Lỗi CT", en: "Spell")

    // Status bar
    public static let loading = Localized(vi: "Đang tải…", en: "Loading…")
    public static let emptyQueue = Localized(vi: "Không có bài nào chờ duyệt.", en: "Nothing is waiting for review.")
    public static func itemsCount(_ n: Int) -> Localized {
        Localized(vi: "\(n) bài", en: n == 1 ? "1 item" : "\(n) items")
    }
    public static func position(_ row: Int, of total: Int) -> Localized {
        Localized(vi: "\(row)/\(total)", en: "\(row)/\(total)")
    }
    public static func keyHint(help: String, quit: String) -> Localized {
        Localized(vi: "\(help) trợ giúp · \(quit) thoát", en: "\(help) help · \(quit) quit")
    }
    public static func keyHintBack(help: String, back: String) -> Localized {
        Localized(vi: "\(help) trợ giúp · \(back) quay lại", en: "\(help) help · \(back) back")
    }
    public static func retryHint(_ key: String) -> Localized {
        Localized(vi: "Nhấn \(key) để thử lại.", en: "Press \(key) to retry.")
    }
    public static func pendingKeys(_ keys: String) -> Localized {
        Localized(vi: "Phím: \(keys)…", en: "Keys: \(keys)…")
    }
    public static func unboundKey(_ key: String, help: String) -> Localized {
        Localized(vi: "Phím \(key) chưa được gán. Nhấn \(help) để xem các phím.", en: "\(key) is not bound. Press \(help) for the keys.")
    }
    public static func signedInAs(_ name: String) -> Localized {
        Localized(vi: "Đăng nhập: \(name)", en: "Signed in: \(name)")
    }
    /// The first mistake of a keymap (its file by name only, so the place fits the status bar) and how many there are.
    public static func keymapProblems(_ n: Int, first: KeymapError) -> Localized {
        let place = "\(URL(fileURLWithPath: first.file).lastPathComponent):\(first.line): \(first.message)"
        return Localized(vi: "\(place) — tệp phím tắt có \(n) lỗi, các dòng đó bị bỏ qua (bientap keys --check)",
                         en: "\(place) — the keymap has \(n) error(s), those lines are skipped (bientap keys --check)")
    }

    // Reader
    public static let sapoLabel = Localized(vi: "Sapo", en: "Lead")
    public static func readerMeta(site: String, byline: String, received: String, words: Int, status: String) -> Localized {
        Localized(vi: "\(site) · \(byline) · nhận \(received) · \(words) chữ · \(status)",
                  en: "\(site) · \(byline) · received \(received) · \(words) words · \(status)")
    }

    public static func status(_ s: SubmissionStatus) -> Localized {
        switch s {
        case .submitted: return Localized(vi: "Mới gửi", en: "Submitted")
        case .inReview: return Localized(vi: "Đang biên tập", en: "In review")
        case .returned: return Localized(vi: "Trả lại", en: "Returned")
        case .resubmitted: return Localized(vi: "Gửi lại", en: "Resubmitted")
        case .approved: return Localized(vi: "Đã duyệt", en: "Approved")
        case .scheduled: return Localized(vi: "Đã lên lịch", en: "Scheduled")
        case .published: return Localized(vi: "Đã đăng", en: "Published")
        case .rejected: return Localized(vi: "Từ chối", en: "Rejected")
        case .withdrawn: return Localized(vi: "Đã rút", en: "Withdrawn")
        case .unpublished: return Localized(vi: "Đã gỡ xuống", en: "Taken down")
        }
    }

    // Errors
    /// A person-readable explanation of a failed portal call.
    public static func portalError(_ error: Error, portal: String) -> Localized {
        guard let error = error as? PortalError else {
            return Localized(vi: "Lỗi: \(error)", en: "Error: \(error)")
        }
        switch error {
        case .transport(let t) where t.isUnreachable:
            return Localized(vi: "Không kết nối được tới cổng thông tin \(portal).",
                             en: "Cannot reach the portal at \(portal).")
        case .transport:
            return Localized(vi: "Mất kết nối với cổng thông tin \(portal).",
                             en: "The connection to the portal at \(portal) failed.")
        case .api(let status, let body) where APIErrorCode(rawValue: body.error.code) == .unauthorized:
            return Localized(vi: "Cổng thông tin từ chối mã truy cập (\(status)): \(body.error.message) Đăng nhập lại bằng bientap login, hoặc kiểm tra BIENTAP_TOKEN và config.toml.",
                             en: "The portal refused the access token (\(status)): \(body.error.messageEn) Sign in again with bientap login, or check BIENTAP_TOKEN and config.toml.")
        case .api(_, let body) where body.error.code == "not_available_on_this_portal":
            // WordPressClient's refusal of what a WordPress site does not keep (WordPressUnavailable).
            return notOnThisPortal(body.error.message)
        case .api(let status, let body):
            return Localized(vi: "Cổng thông tin báo lỗi \(status): \(body.error.message)",
                             en: "The portal answered \(status): \(body.error.messageEn)")
        case .http(let status, let url):
            return Localized(vi: "Cổng thông tin trả về HTTP \(status) cho \(url) — địa chỉ cổng có đúng không?",
                             en: "The portal answered HTTP \(status) for \(url) — is the portal URL right?")
        case .malformedResponse(let url, _):
            return Localized(vi: "Cổng thông tin trả về dữ liệu không đúng định dạng (\(url)).",
                             en: "The portal sent a malformed answer (\(url)).")
        case .invalidPortalURL(let text):
            return Localized(vi: "Địa chỉ cổng thông tin không hợp lệ: \"\(text)\" (cần http:// hoặc https://).",
                             en: "Invalid portal URL: \"\(text)\" (http:// or https:// expected).")
        case .leaseHeld(let lease):
            return Localized(vi: "\(lease.holderName) đang biên tập bài này (đến \(DateText.full(lease.expiresAt)) nếu không gia hạn).",
                             en: "\(lease.holderName) is editing this item (until \(DateText.full(lease.expiresAt)) unless renewed).")
        case .staleRevision(let current):
            return Localized(vi: "Bài đã có người lưu (phiên bản \(current.summary.revision)) sau khi bạn mở; chữ của bạn vẫn còn, hãy hợp nhất.",
                             en: "Someone saved the item (revision \(current.summary.revision)) after you opened it; your words are kept, merge them.")
        }
    }

    /// What a WordPress site has no notion of, by the feature's name.
    static func notOnThisPortal(_ feature: String) -> Localized {
        switch feature {
        case "royalties":
            return Localized(vi: "Cổng thông tin này chạy WordPress, không có chấm và sổ nhuận bút: việc này không làm được ở đây.",
                             en: "This portal runs WordPress, which keeps no royalty grading or ledger: this cannot be done here.")
        case "social_queue":
            return Localized(vi: "Cổng thông tin này chạy WordPress, không có hàng đăng mạng xã hội.",
                             en: "This portal runs WordPress, which has no social queue.")
        case "activity_report":
            return Localized(vi: "Cổng thông tin này chạy WordPress, không có báo cáo hoạt động.",
                             en: "This portal runs WordPress, which has no activity report.")
        default:
            return Localized(vi: "Cổng thông tin này chạy WordPress, không có chức năng này.",
                             en: "This portal runs WordPress, which does not have this.")
        }
    }

    /// Why no answer came, in words for people (libcurl's own messages are English).
    public static func transportReason(_ kind: TransportError.Kind) -> Localized {
        switch kind {
        case .hostNotFound: return Localized(vi: "không tìm thấy máy chủ theo tên (DNS)", en: "the host name could not be resolved")
        case .connectionRefused: return Localized(vi: "máy chủ không nhận kết nối (cổng thông tin chưa chạy?)",
                                                  en: "the server refused the connection (is the portal running?)")
        case .timedOut: return Localized(vi: "quá thời gian chờ trả lời", en: "no answer came in time")
        case .secureConnectionFailed: return Localized(vi: "không lập được kết nối bảo mật (TLS, chứng chỉ)",
                                                       en: "the secure connection (TLS, certificate) failed")
        case .connectionBroken: return Localized(vi: "kết nối bị ngắt giữa chừng", en: "the connection broke off")
        case .unusableURL: return Localized(vi: "địa chỉ không dùng được", en: "the address cannot be used")
        case .localFailure: return Localized(vi: "máy này không gửi được yêu cầu (thiếu bộ nhớ, hoặc thư viện mạng thiếu chức năng)",
                                             en: "this computer could not send the request (out of memory, or the network library lacks a feature)")
        case .other(let code): return Localized(vi: "lỗi mạng không rõ loại (mã \(code))", en: "a network error of an unknown kind (code \(code))")
        }
    }

    /// The detail behind an error, for the full error view and the command line; nil when
    /// the message says it all. Why a connection failed is said in `language`; libcurl's
    /// English message only for a failure the catalogue has no words for.
    public static func errorDetail(_ error: Error, language: UILanguage) -> String? {
        if case .transport(let t)? = error as? PortalError {
            let said = transportReason(t.kind)(language)
            let reason = said.prefix(1).uppercased() + said.dropFirst()
            if case .other = t.kind { return reason + ": " + t.message }
            return reason + "."
        }
        if case .malformedResponse(_, let detail)? = error as? PortalError { return detail }
        return nil
    }

    public static let missingPortal = Localized(
        vi: "Chưa có địa chỉ cổng thông tin: dùng --portal URL, biến BIENTAP_PORTAL hoặc portal = \"…\" trong ~/.config/bientap/config.toml. Muốn thử ngay: bientap demo",
        en: "No portal URL: use --portal URL, BIENTAP_PORTAL or portal = \"…\" in ~/.config/bientap/config.toml. To try it out: bientap demo")
    public static let missingToken = Localized(
        vi: "Chưa có mã truy cập: đăng nhập bằng bientap login, hoặc dùng biến BIENTAP_TOKEN hay token = \"…\" trong ~/.config/bientap/config.toml.",
        en: "No access token: sign in with bientap login, or use BIENTAP_TOKEN or token = \"…\" in ~/.config/bientap/config.toml.")
    public static func notATerminal(_ detail: String) -> Localized {
        Localized(vi: "Không mở được giao diện terminal: \(detail)", en: "Cannot open the terminal interface: \(detail)")
    }
    public static let terminalTypeUnset = Localized(
        vi: "Biến TERM chưa được đặt, nên không biết terminal này hiểu gì; giao diện toàn màn hình không mở. Đặt TERM theo terminal của bạn (vd. export TERM=xterm-256color), hoặc dùng các lệnh không cần màn hình: bientap queue, bientap show…",
        en: "TERM is not set, so what this terminal understands is unknown; the full-screen interface does not open. Set TERM for your terminal (e.g. export TERM=xterm-256color), or use the commands that need no screen: bientap queue, bientap show…")
    public static func terminalTypeUnusable(_ name: String) -> Localized {
        Localized(vi: "Terminal loại \"\(name)\" (TERM) không vẽ được giao diện toàn màn hình: loại này không có trong terminfo hoặc không di chuyển được con trỏ. Đặt TERM theo terminal của bạn (vd. export TERM=xterm-256color), hoặc dùng các lệnh không cần màn hình: bientap queue, bientap show…",
                  en: "The terminal type \"\(name)\" (TERM) cannot show the full-screen interface: terminfo does not know it or it cannot move the cursor. Set TERM for your terminal (e.g. export TERM=xterm-256color), or use the commands that need no screen: bientap queue, bientap show…")
    }

    // Demo
    public static let demoStarting = Localized(vi: "Đang khởi động cổng thông tin mẫu…", en: "Starting the sample portal…")
    public static func demoFailed(_ detail: String) -> Localized {
        Localized(vi: "Không khởi động được cổng thông tin mẫu: \(detail)", en: "The sample portal did not start: \(detail)")
    }
    public static let demoEditorName = Localized(vi: "Biên tập viên (thử nghiệm)", en: "Demo editor")
    /// Said before the queue opens: where the sample portal is and how the commands for scripts reach it.
    public static func demoReady(portal: String, token: String, command: String) -> Localized {
        Localized(vi: """
            Cổng thông tin mẫu: \(portal)
            Trang công khai của cổng, mở bằng trình duyệt bên cạnh terminal: \(portal)/
            Mã truy cập của biên tập viên thử nghiệm: \(token)
            Thử các lệnh cho script trong lúc demo chạy (Ctrl-Z tạm rời giao diện, fg để quay lại; hoặc ở một terminal khác):
              export BIENTAP_PORTAL=\(portal) BIENTAP_TOKEN=\(token)
              \(command) queue
              \(command) show ID
            Thoát demo thì cổng mẫu dừng và dữ liệu mẫu bị xoá.
            """,
                  en: """
            Sample portal: \(portal)
            Its public pages, to open in a browser beside the terminal: \(portal)/
            The demo editor's token: \(token)
            Try the commands for scripts while the demo runs (Ctrl-Z leaves the screen for a while, fg brings it back; or use another terminal):
              export BIENTAP_PORTAL=\(portal) BIENTAP_TOKEN=\(token)
              \(command) queue
              \(command) show ID
            Quitting the demo stops the sample portal and deletes its data.
            """)
    }

    // Spell checker (bientap spell)
    public static let spellSuggestions = Localized(vi: "gợi ý", en: "suggestions")
    public static let spellInvalidSyllable = Localized(vi: "không phải âm tiết tiếng Việt viết đúng chính tả",
                                                       en: "not a correctly spelt Vietnamese syllable")
    public static let spellUnattested = Localized(vi: "âm tiết không có trong tiếng Việt", en: "no such Vietnamese syllable")
    public static let spellTelexLeftover = Localized(vi: "còn sót phím gõ Telex", en: "Telex keys left in the text")
    public static let spellLoanword = Localized(vi: "viết sai từ mượn hoặc tên riêng", en: "misspelt loanword or brand name")
    public static let spellUnlikelyPair = Localized(vi: "có lẽ gõ nhầm: không thành từ với chữ bên cạnh",
                                                    en: "probably a slip: makes no word with its neighbour")
    public static let spellConfusion = Localized(vi: "dùng nhầm từ", en: "a real word used for another")
    public static func spellMixedStyles(old: Int, new: Int) -> Localized {
        Localized(vi: "văn bản trộn hai kiểu bỏ dấu: \(old) âm tiết kiểu cũ (hoà), \(new) kiểu mới (hòa)",
                  en: "the text mixes tone-mark styles: \(old) syllables in the old style (hoà), \(new) in the new (hòa)")
    }
    public static let spellToneStyle = Localized(vi: "không theo kiểu bỏ dấu đã chọn", en: "not in the chosen tone-mark style")
    /// `bientap spell --style` named something that is no choice.
    public static func styleUnknown(_ part: String, choices: String) -> Localized {
        Localized(vi: "--style: không có lựa chọn «\(part)»; chọn một bên của mỗi cặp: \(choices)",
                  en: "--style: \"\(part)\" is no choice; pick one side of each pair: \(choices)")
    }
    /// `bientap spell --style` named both sides of one choice.
    public static func styleBothSides(_ first: String, _ second: String) -> Localized {
        Localized(vi: "--style: chọn \(first) hoặc \(second), không cả hai", en: "--style: choose \(first) or \(second), not both")
    }
    public static let spellVariantStyle = Localized(vi: "đúng, nhưng không theo cách viết đã chọn", en: "right, but not the spelling the house style chose")
    public static let spellAbbreviation = Localized(vi: "chữ viết tắt: văn bản hành chính viết đầy đủ", en: "an abbreviation: official prose writes it out")
    public static let spellDecomposed = Localized(vi: "chữ ở dạng tổ hợp (NFD), nên chuẩn hoá sang NFC",
                                                  en: "decomposed (NFD) letters; normalise to NFC")
    public static func spellLegacyEncoding(_ encoding: LegacyEncoding) -> Localized {
        let (name, font, option) = (encoding.displayName, encoding.fontName, encoding.rawValue)
        return Localized(vi: "dòng gõ bằng bảng mã cũ \(name) (phông \(font)); chuyển sang Unicode: bientap normalize --from \(option)",
                         en: "line typed in the legacy \(name) encoding (\(font) fonts); convert to Unicode: bientap normalize --from \(option)")
    }
    public static func normalizeConverted(_ encoding: LegacyEncoding) -> Localized {
        Localized(vi: "đã đọc theo bảng mã \(encoding.displayName) (phông \(encoding.fontName)) và chuyển sang Unicode",
                  en: "read as \(encoding.displayName) (\(encoding.fontName) fonts) and converted to Unicode")
    }
    public static let spellRepeated = Localized(vi: "từ lặp lại hai lần", en: "word typed twice")
    public static let spellSpaceBeforePunctuation = Localized(vi: "dấu cách trước dấu câu", en: "space before punctuation")
    public static func spellCannotRead(_ file: String, _ detail: Localized) -> Localized {
        Localized(vi: "không đọc được \(file): \(detail.vi)", en: "cannot read \(file): \(detail.en)")
    }
    public static let noSuchFile = Localized(vi: "không có tệp này", en: "no such file")
    public static let isDirectory = Localized(vi: "đây là thư mục", en: "it is a directory")
    public static let notReadable = Localized(vi: "không có quyền đọc", en: "permission denied")
    public static let notUTF8 = Localized(vi: "không phải văn bản UTF-8", en: "not UTF-8 text")
    public static let spellNoDictionary = Localized(
        vi: "không tìm thấy từ điển hunspell-vi (/usr/share/hunspell/vi_VN.dic); chỉ kiểm tra theo quy tắc chính tả",
        en: "hunspell-vi's dictionary (/usr/share/hunspell/vi_VN.dic) is missing; checking spelling rules only")

    // Editor (bientap edit, and the desk's editor)
    public static let editTitle = Localized(vi: "Soạn", en: "Edit")
    public static let newFileMark = Localized(vi: "(tệp mới)", en: "(new file)")
    public static let paletteTitle = Localized(vi: "Lệnh", en: "Commands")
    public static func inputMethodName(_ method: InputMethod?) -> Localized {
        switch method {
        case .telex?: return Localized(vi: "Telex", en: "Telex")
        case .vni?: return Localized(vi: "VNI", en: "VNI")
        case nil: return Localized(vi: "gõ thường", en: "plain keys")
        }
    }
    public static func inputMethodNow(_ method: InputMethod?) -> Localized {
        let name = inputMethodName(method)
        return Localized(vi: "Kiểu gõ: \(name.vi)", en: "Input method: \(name.en)")
    }
    public static func lineColumn(_ line: Int, _ column: Int, of lines: Int) -> Localized {
        Localized(vi: "Dòng \(line)/\(lines), cột \(column)", en: "Line \(line)/\(lines), col \(column)")
    }
    public static func editorHint(save: String, close: String, help: String) -> Localized {
        Localized(vi: "\(save) lưu · \(close) đóng · \(help) trợ giúp", en: "\(save) save · \(close) close · \(help) help")
    }
    public static let askSearch = Localized(vi: "Tìm:", en: "Search:")
    public static let askReplace = Localized(vi: "Thay chữ:", en: "Replace:")
    public static func askReplaceWith(_ query: String) -> Localized {
        Localized(vi: "Thay \"\(query)\" bằng:", en: "Replace \"\(query)\" with:")
    }
    public static func askLine(lines: Int) -> Localized {
        Localized(vi: "Đến dòng (1–\(lines)):", en: "Go to line (1–\(lines)):")
    }
    public static func notFound(_ query: String) -> Localized {
        Localized(vi: "Không thấy \"\(query)\".", en: "\"\(query)\" not found.")
    }
    public static func replaced(_ n: Int) -> Localized {
        Localized(vi: "Đã thay \(n) chỗ (hoàn tác được).", en: n == 1 ? "Replaced 1 place (can be undone)." : "Replaced \(n) places (can be undone).")
    }
    public static func notALineNumber(_ text: String) -> Localized {
        Localized(vi: "\"\(text)\" không phải số dòng.", en: "\"\(text)\" is not a line number.")
    }
    public static func saved(_ path: String) -> Localized {
        Localized(vi: "Đã lưu \(path).", en: "Saved \(path).")
    }
    public static func saveFailed(_ path: String, _ reason: String) -> Localized {
        Localized(vi: "Không lưu được \(path): \(reason). Văn bản vẫn còn nguyên ở đây.",
                  en: "Could not save \(path): \(reason). The text is still here.")
    }
    public static let unsavedTitle = Localized(vi: "Chưa lưu", en: "Unsaved changes")
    public static func unsavedMessage(_ path: String) -> Localized {
        Localized(vi: "Văn bản đã sửa mà chưa lưu vào \(path).", en: "The text has changes not saved to \(path).")
    }
    public static let saveAndQuit = Localized(vi: "Lưu rồi đóng", en: "Save and close")
    public static let quitWithoutSaving = Localized(vi: "Đóng, bỏ thay đổi", en: "Close, discard changes")
    public static let cancel = Localized(vi: "Huỷ", en: "Cancel")
    public static func yesKey(_ language: UILanguage) -> Character { language == .vi ? "l" : "s" }
    public static func noKey(_ language: UILanguage) -> Character { language == .vi ? "b" : "d" }
    public static func cancelKey(_ language: UILanguage) -> Character { language == .vi ? "h" : "c" }
    public static func interruptedCopy(_ path: String) -> Localized {
        Localized(vi: "Có bản lưu tạm từ lần soạn bị ngắt: \(path).save", en: "A copy from an interrupted session is in \(path).save")
    }
    public static func keymapValid(_ file: String) -> Localized {
        Localized(vi: "\(file): không có lỗi.", en: "\(file): no mistakes.")
    }
    public static let askFilter = Localized(vi: "Lọc:", en: "Filter:")
    public static func filterShown(_ text: String) -> Localized {
        Localized(vi: "Đang lọc: \"\(text)\"", en: "Filtered: \"\(text)\"")
    }
    public static func filtered(_ shown: Int, of total: Int) -> Localized {
        Localized(vi: "Hiện \(shown)/\(total) bài.", en: "Showing \(shown) of \(total).")
    }
    public static func sortedBy(_ column: String, ascending: Bool) -> Localized {
        Localized(vi: "Sắp xếp theo \(column), \(ascending ? "tăng dần" : "giảm dần").",
                  en: "Sorted by \(column), \(ascending ? "ascending" : "descending").")
    }
    public static let unsorted = Localized(vi: "Thứ tự như cổng thông tin gửi (mới nhất trước).", en: "In the portal's order (newest first).")
    public static func markedCount(_ n: Int) -> Localized {
        Localized(vi: "Đã đánh dấu \(n) bài.", en: n == 1 ? "1 item marked." : "\(n) items marked.")
    }

    // Queue tabs
    public static let tabPending = Localized(vi: "Chờ duyệt", en: "Pending")
    public static let tabInReview = Localized(vi: "Đang biên tập", en: "In review")
    public static let tabReturned = Localized(vi: "Trả lại", en: "Returned")
    public static let tabScheduled = Localized(vi: "Đã lên lịch", en: "Scheduled")
    public static let tabPublished = Localized(vi: "Đăng hôm nay", en: "Published today")
    public static let tabRejected = Localized(vi: "Từ chối", en: "Rejected")
    public static let noMatch = Localized(vi: "Không có bài nào khớp bộ lọc.", en: "Nothing matches the filter.")
    public static let emptyTab = Localized(vi: "Không có bài nào ở đây.", en: "Nothing here.")
    public static func tabTitle(_ title: String, count: Int?) -> Localized {
        Localized(vi: count.map { "\(title) \($0)" } ?? title, en: count.map { "\(title) \($0)" } ?? title)
    }

    // Filter form
    public static let filterFormTitle = Localized(vi: "Lọc nâng cao", en: "Filter")
    public static let fieldSite = Localized(vi: "Chuyên trang", en: "Site")
    public static let fieldCategory = Localized(vi: "Thể loại", en: "Category")
    public static let fieldContributor = Localized(vi: "Tác giả", en: "Contributor")
    public static let fieldReceivedFrom = Localized(vi: "Nhận từ", en: "Received from")
    public static let fieldReceivedTo = Localized(vi: "Nhận đến", en: "Received until")
    public static let fieldMarkedOnly = Localized(vi: "Chỉ bài đã đánh dấu", en: "Marked items only")
    public static let anyChoice = Localized(vi: "Tất cả", en: "All")
    public static let formHint = Localized(vi: "Tab/↑↓ chuyển ô · Enter áp dụng · Esc huỷ · +/− ngày, PgUp/PgDn giờ",
                                           en: "Tab/↑↓ next field · Enter apply · Esc cancel · +/− day, PgUp/PgDn hour")
    /// The hint of a form without dates.
    public static let formHintPlain = Localized(vi: "Tab/↑↓ chuyển ô · ←→ chọn · Enter áp dụng · Esc huỷ",
                                                en: "Tab/↑↓ next field · ←→ choose · Enter apply · Esc cancel")
    /// `%@` stands for the field's label.
    public static let invalidDate = Localized(vi: "%@: không đọc được ngày giờ (vd. 07:00 24/11/2026, 24/11, 07:00)",
                                              en: "%@: not a date and time (e.g. 07:00 24/11/2026, 24/11, 07:00)")
    public static func category(_ c: NewsroomKit.Category) -> Localized {
        switch c {
        case .news: return Localized(vi: "Tin", en: "News")
        case .article: return Localized(vi: "Bài", en: "Article")
        case .photoStory: return Localized(vi: "Phóng sự ảnh", en: "Photo story")
        case .document: return Localized(vi: "Văn bản", en: "Document")
        }
    }
    public static func criteriaShown(_ parts: [String]) -> Localized {
        Localized(vi: "Lọc: " + parts.joined(separator: " · "), en: "Filter: " + parts.joined(separator: " · "))
    }
    public static func fromDate(_ d: String) -> Localized { Localized(vi: "từ \(d)", en: "from \(d)") }
    public static func toDate(_ d: String) -> Localized { Localized(vi: "đến \(d)", en: "until \(d)") }
    public static let markedOnly = Localized(vi: "đã đánh dấu", en: "marked")

    // config.toml
    public static func configValue(key: String, value: String, choices: String) -> Localized {
        Localized(vi: "\(key) = \"\(value)\": không hợp lệ; chọn một trong: \(choices)",
                  en: "\(key) = \"\(value)\": not valid; one of: \(choices)")
    }
    public static func configProblem(_ problem: ConfigFile.ParseError.Problem) -> Localized {
        switch problem {
        case .sectionHeader(let line):
            return Localized(vi: "tiêu đề mục sai: \(line)", en: "malformed section header: \(line)")
        case .keyValue:
            return Localized(vi: "cần dạng khoá = giá trị", en: "expected key = value")
        case .key(let key):
            return Localized(vi: "tên khoá không hợp lệ \"\(key)\"", en: "invalid key \"\(key)\"")
        case .value(let key, let raw):
            return Localized(vi: "giá trị của \(key) không hợp lệ: \(raw) (chuỗi cần đặt trong ngoặc kép)",
                             en: "invalid value for \(key): \(raw) (strings need quotes)")
        }
    }
}

// MARK: - The desk from the command line (queue, show, submit, decisions, login)

extension Strings {
    public static let columnStatus = Localized(vi: "Trạng thái", en: "Status")
    public static let columnLease = Localized(vi: "Đang sửa", en: "Editing")
    public static func showRevision(_ n: Int, category: String) -> Localized {
        Localized(vi: "Phiên bản \(n) · thể loại \(category)", en: "Revision \(n) · category \(category)")
    }
    public static func showLease(_ holder: String, until: String) -> Localized {
        Localized(vi: "\(holder) đang biên tập (đến \(until))", en: "\(holder) is editing it (until \(until))")
    }
    public static func showCoAuthor(_ name: String, share: Int) -> Localized {
        Localized(vi: "Đồng tác giả: \(name) (\(share)%)", en: "Co-author: \(name) (\(share)%)")
    }
    public static func showPhoto(_ n: Int, caption: String, credit: String) -> Localized {
        Localized(vi: "Ảnh \(n): \(caption)" + (credit.isEmpty ? "" : " — Ảnh: \(credit)"),
                  en: "Photo \(n): \(caption)" + (credit.isEmpty ? "" : " — Photo: \(credit)"))
    }
    public static func retrying(attempt: Int, of attempts: Int, reason: String) -> Localized {
        Localized(vi: "không gửi được (\(reason)); thử lại lần \(attempt + 1)/\(attempts) với cùng khóa, không sợ làm hai lần",
                  en: "could not send (\(reason)); trying again (\(attempt + 1)/\(attempts)) with the same key, so it cannot happen twice")
    }
    public static func decided(_ id: Int64, status: SubmissionStatus) -> Localized {
        Localized(vi: "Bài \(id): \(Strings.status(status).vi)", en: "Item \(id): \(Strings.status(status).en)")
    }
    public static func scheduledFor(_ id: Int64, at: String) -> Localized {
        Localized(vi: "Bài \(id) sẽ đăng lúc \(at) (giờ Việt Nam)", en: "Item \(id) goes out at \(at) (Vietnam time)")
    }
    public static func submitted(_ id: Int64, words: Int) -> Localized {
        Localized(vi: "Đã gửi bài \(id) (\(words) chữ)", en: "Submitted item \(id) (\(words) words)")
    }
    public static func badMoment(_ text: String) -> Localized {
        Localized(vi: "không hiểu thời điểm \"\(text)\"; ví dụ: \"07:00 24/11/2026\", \"+2h\", \"ngày mai\", \"thứ hai\"",
                  en: "cannot read the time \"\(text)\"; e.g. \"07:00 24/11/2026\", \"+2h\", \"tomorrow\", \"monday\"")
    }
    public static let pastMoment = Localized(vi: "thời điểm đăng đã qua", en: "that time has already passed")
    public static func photoOptionUnreadable(_ text: String) -> Localized {
        Localized(vi: "không hiểu --photo \(text): viết số ảnh=hệ số[:thể loại], như --photo 1=1,5 hoặc --photo 2=0.8:anh",
                  en: "cannot read --photo \(text): write photo number=coefficient[:genre], as --photo 1=1.5 or --photo 2=0.8:anh")
    }
    /// A photo's royalty, as `bientap show` and the approval form say it: whom it pays, or that it pays no one.
    public static func photoPayee(_ name: String?) -> Localized {
        guard let name else {
            return Localized(vi: "không ghi người được hưởng nhuận bút: không trả", en: "no credited contributor: not paid")
        }
        return Localized(vi: "nhuận bút ảnh cho \(name)", en: "photo royalty to \(name)")
    }
    public static func shareOptionUnreadable(_ text: String) -> Localized {
        Localized(vi: "không hiểu --share \(text): viết số người góp bài=phần trăm, như --share 12=30",
                  en: "cannot read --share \(text): write contributor number=percent, as --share 12=30")
    }
    public static let messageWithoutChannel = Localized(vi: "--message cần ít nhất một --channel (zalo, facebook)",
                                                        en: "--message needs at least one --channel (zalo, facebook)")
    /// A return or a rejection from the screen's form without its note.
    public static let noteMissing = Localized(vi: "Chưa có ghi chú: trả lại phải nói lý do để tác giả sửa.",
                                              en: "No note: a return tells the contributor what to fix.")
    public static let reasonMissing = Localized(vi: "Chưa có lý do: từ chối phải nói lý do.", en: "No reason: a rejection says why.")
    public static let noteRequired = Localized(vi: "cần --note: trả lại phải nói lý do để tác giả sửa",
                                               en: "--note is needed: a return tells the contributor what to fix")
    public static let reasonRequired = Localized(vi: "cần --reason: từ chối phải nói lý do", en: "--reason is needed: a rejection says why")
    public static let gradingRequired = Localized(vi: "cần --genre và một trong --coefficient hoặc --amount (xem bảng nhuận bút: bientap rates)",
                                                  en: "--genre and one of --coefficient or --amount are needed (see the rate table: bientap rates)")
    public static let passwordPrompt = Localized(vi: "Mật khẩu: ", en: "Password: ")
    public static let codePrompt = Localized(vi: "Mã xác thực (ứng dụng OTP): ", en: "Authentication code (OTP app): ")
    public static func signedIn(_ name: String, portal: String, until: String, file: String) -> Localized {
        Localized(vi: "Đã đăng nhập \(portal) với tên \(name), đến \(until). Mã truy cập lưu ở \(file).",
                  en: "Signed in to \(portal) as \(name) until \(until). The token is kept in \(file).")
    }
    public static let userPrompt = Localized(vi: "Tên đăng nhập: ", en: "Login name: ")
    // WordPress sites (WordPressClient)
    public static let applicationPasswordPrompt = Localized(
        vi: "Mật khẩu ứng dụng (Application Password, tạo ở trang Hồ sơ của bạn trên WordPress): ",
        en: "Application Password (made on your WordPress profile page): ")
    public static func signedInWordPress(_ name: String, portal: String, file: String) -> Localized {
        Localized(vi: "Đã đăng nhập trang WordPress \(portal) với tên \(name). Mật khẩu ứng dụng lưu ở \(file).",
                  en: "Signed in to the WordPress site \(portal) as \(name). The Application Password is kept in \(file).")
    }
    public static let wordPressTokenShape = Localized(
        vi: "Với trang WordPress, mã truy cập là tên đăng nhập và mật khẩu ứng dụng: TÊN:MẬT-KHẨU (hoặc đăng nhập bằng bientap login --backend wordpress URL).",
        en: "For a WordPress site the token is the login and an Application Password: LOGIN:PASSWORD (or sign in with bientap login --backend wordpress URL).")
    public static let userRequired = Localized(vi: "cần tên đăng nhập (--user)", en: "a login name is needed (--user)")
    public static let passwordRequired = Localized(vi: "cần mật khẩu", en: "a password is needed")
    public static let cannotRead = Localized(vi: "không đọc được tệp", en: "cannot read the file")
    public static let signedOut = Localized(vi: "Đã đăng xuất.", en: "Signed out.")
    public static let notSignedIn = Localized(vi: "Chưa đăng nhập.", en: "Not signed in.")
    public static let emptyFile = Localized(vi: "tệp bài viết trống", en: "the file is empty")
}

// MARK: - Mistakes on the command line (what the argument parser found)

extension Strings {
    public static func invalidArgumentValue(_ value: String, for name: String?) -> Localized {
        Localized(vi: "giá trị '\(value)' không hợp lệ" + (name.map { " cho \($0)" } ?? ""),
                  en: "'\(value)' is not a valid value" + (name.map { " for \($0)" } ?? ""))
    }
    public static func missingArgument(_ name: String) -> Localized {
        Localized(vi: "thiếu \(name)", en: "\(name) is missing")
    }
    public static func missingOptionValue(_ name: String) -> Localized {
        Localized(vi: "\(name) cần một giá trị", en: "\(name) needs a value")
    }
    public static func unknownOption(_ name: String) -> Localized {
        Localized(vi: "không có tuỳ chọn \(name)", en: "there is no option \(name)")
    }
    public static func unexpectedArguments(_ values: String) -> Localized {
        Localized(vi: "thừa đối số: '\(values)'", en: "arguments left over: '\(values)'")
    }
    public static func optionTakesNoValue(_ name: String, given value: String) -> Localized {
        Localized(vi: "\(name) không nhận giá trị (đã cho '\(value)')", en: "\(name) takes no value ('\(value)' was given)")
    }
    public static let usageLabel = Localized(vi: "Cách dùng:", en: "Usage:")
    public static func seeHelp(_ command: String) -> Localized {
        Localized(vi: "Xem '\(command)' để biết thêm.", en: "See '\(command)' for more.")
    }
}

// MARK: - The journal of unsaved words

extension Strings {
    public static let restoreTitle = Localized(vi: "Chữ chưa lưu từ lần trước", en: "Unsaved words from last time")
    public static func restoreMessage(_ what: String, at: String, added: Int, removed: Int) -> Localized {
        Localized(vi: "\(what): phiên sửa lúc \(at) chưa được lưu (thêm \(added) chữ, bỏ \(removed) chữ so với bản đã lưu). Khôi phục?",
                  en: "\(what): the edit of \(at) was never saved (\(added) words added, \(removed) removed against the saved text). Restore it?")
    }
    public static func restoreKey(_ language: UILanguage) -> Character { language == .vi ? "k" : "r" }
    public static let restoreChoice = Localized(vi: "Khôi phục", en: "Restore")
    public static func differencesKey(_ language: UILanguage) -> Character { language == .vi ? "x" : "v" }
    public static let differencesChoice = Localized(vi: "Xem khác biệt", en: "View differences")
    public static func discardKey(_ language: UILanguage) -> Character { language == .vi ? "b" : "d" }
    public static let discardChoice = Localized(vi: "Bỏ", en: "Discard")
    public static let restored = Localized(vi: "Đã khôi phục chữ chưa lưu; nhớ lưu lại.", en: "Unsaved words restored; remember to save.")
    public static func journalFailed(_ reason: String) -> Localized {
        Localized(vi: "Không ghi được nhật ký chữ chưa lưu: \(reason)", en: "Cannot keep the journal of unsaved words: \(reason)")
    }
}

// MARK: - The queue reading itself again

extension Strings {
    public static func newArrivals(_ n: Int, tab: String, newest: String) -> Localized {
        Localized(vi: n == 1 ? "Bài mới trong \(tab): \(newest)" : "\(n) bài mới trong \(tab), mới nhất: \(newest)",
                  en: n == 1 ? "New in \(tab): \(newest)" : "\(n) new in \(tab), the newest: \(newest)")
    }
}

// MARK: - Differences in the reader

extension Strings {
    public static let differencesTitle = Localized(vi: "khác biệt", en: "differences")
    /// `latest`: the item's newest revision, when known, said "now".
    public static func differencesHeading(from: Int, to: Int, latest: Int?) -> Localized {
        func said(_ n: Int, _ vi: Bool) -> String {
            n == 1 ? (vi ? " (của tác giả)" : " (the contributor's)") : n == latest ? (vi ? " (hiện tại)" : " (now)") : ""
        }
        return Localized(vi: "Phiên bản \(from)\(said(from, true)) → phiên bản \(to)\(said(to, true)); chữ thêm và chữ bỏ được tô màu. v: chọn hai phiên bản khác.",
                         en: "Revision \(from)\(said(from, false)) → revision \(to)\(said(to, false)); added and removed words in colour. v: pick two others.")
    }
    public static let noDifferences = Localized(vi: "Hai phiên bản này giống nhau.", en: "The two revisions are the same.")
    public static func compareTitle(_ id: Int64) -> Localized { Localized(vi: "So sánh hai phiên bản — bài #\(id)", en: "Compare two revisions — #\(id)") }
    public static let fieldFromRevision = Localized(vi: "Phiên bản cũ", en: "Older revision")
    public static let fieldToRevision = Localized(vi: "Phiên bản mới", en: "Newer revision")
    public static func revisionOption(_ revision: RevisionInfo) -> Localized {
        let when = DateText.short(revision.createdAt)
        let note = revision.note.isEmpty ? "" : " — " + revision.note
        return Localized(vi: "\(revision.number) · \(when) · \(revision.author)\(note)", en: "\(revision.number) · \(when) · \(revision.author)\(note)")
    }
    public static let sameRevision = Localized(vi: "Hãy chọn hai phiên bản khác nhau.", en: "Pick two different revisions.")
    public static let oneRevisionOnly = Localized(vi: "Bài mới có một phiên bản, chưa có gì để so sánh.", en: "The item has one revision only; there is nothing to compare.")
}

// MARK: - Editing a submission on the desk

extension Strings {
    public static let contextMerge = Localized(vi: "Gộp bản sửa", en: "Merge")
    public static let missingTitleLine = Localized(vi: "dòng đầu phải là «Tiêu đề: …», rồi «Sa pô: …», một dòng trống và nội dung",
                                                   en: "the first line must be \"Title: …\", then \"Sapo: …\", a blank line and the body")
    /// Something typed in front of a header label, which the save would drop.
    public static func textBeforeLabel(_ typed: String, _ field: Localized) -> Localized {
        Localized(vi: "có chữ đứng trước nhãn «\(field.vi):» ở dòng «\(typed):»; chuyển chữ ấy ra sau dấu hai chấm hoặc xuống nội dung",
                  en: "there is text before the \"\(field.en):\" label in \"\(typed):\"; move it after the colon or to the body")
    }
    public static let nothingToSave = Localized(vi: "Không có gì thay đổi để lưu.", en: "Nothing to save: no changes.")
    public static func fieldTwice(_ field: Localized) -> Localized {
        Localized(vi: "dòng «\(field.vi):» có hai lần", en: "the \"\(field.en):\" line is there twice")
    }
    public static func tooLong(_ field: Localized, _ limit: Int) -> Localized {
        Localized(vi: "\(field.vi) dài quá \(limit) chữ cái", en: "the \(field.en.lowercased()) is longer than \(limit) characters")
    }
    public static let bodyLabel = Localized(vi: "Nội dung", en: "Body")
    public static let saving = Localized(vi: "Đang lưu lên cổng…", en: "Saving to the portal…")
    public static func notSaved(_ why: String) -> Localized {
        Localized(vi: "Chưa lưu: \(why)", en: "Not saved: \(why)")
    }
    public static func saveWaiting(_ why: String, seconds: Int) -> Localized {
        Localized(vi: "Chưa lưu, tự lưu lại sau \(seconds) giây, chữ vẫn giữ: \(why)",
                  en: "Not saved, saving again in \(seconds) s, the words are kept: \(why)")
    }
    public static let askCorrectionNote = Localized(vi: "Bài đã đăng — lý do đính chính (hiện trên trang):",
                                                    en: "Published — why it is corrected (shown on its page):")
    public static let correctionNeedsNote = Localized(vi: "Chưa lưu: sửa bài đã đăng phải ghi lý do đính chính.",
                                                      en: "Not saved: correcting a published item needs a note saying why.")
    public static func savedRevision(_ revision: Int) -> Localized {
        Localized(vi: "Đã lưu lên cổng: phiên bản \(revision).", en: "Saved to the portal: revision \(revision).")
    }
    public static func leaseTaken(_ name: String) -> Localized {
        Localized(vi: "\(name) đã nhận quyền sửa bài này; khi bạn lưu, chữ của hai người sẽ được gộp, không ghi đè.",
                  en: "\(name) has taken over editing this item; when you save, your words and theirs are merged, never overwritten.")
    }

    // $VISUAL
    public static let externalUnchanged = Localized(vi: "Trình soạn thảo ngoài không đổi gì.", en: "Nothing changed in the other editor.")
    public static func externalEdited(undo: String) -> Localized {
        Localized(vi: "Đã nhận văn bản từ trình soạn thảo ngoài (\(undo) để hoàn tác).",
                  en: "Text taken from the other editor (\(undo) to undo).")
    }
    public static func externalFailed(_ why: String) -> Localized {
        Localized(vi: "Văn bản giữ nguyên: \(why)", en: "The text is unchanged: \(why)")
    }
    public static func externalNoFile(_ why: String) -> Localized {
        Localized(vi: "không tạo được tệp tạm (\(why))", en: "cannot make the temporary file (\(why))")
    }
    public static func externalNoFile(_ why: Localized) -> Localized {
        Localized(vi: "không tạo được tệp tạm (\(why.vi))", en: "cannot make the temporary file (\(why.en))")
    }
    public static func externalNotRun(_ command: String, _ why: String) -> Localized {
        Localized(vi: "không chạy được «\(command)» (\(why))", en: "cannot run \"\(command)\" (\(why))")
    }
    public static func externalExit(_ command: String, _ status: Int32) -> Localized {
        Localized(vi: "«\(command)» kết thúc với mã \(status)", en: "\"\(command)\" exited with status \(status)")
    }
    public static let externalNotUTF8 = Localized(vi: "tệp trình soạn thảo để lại không phải UTF-8", en: "the editor left a file that is not UTF-8")

    // The merge view
    public static let mergeTitle = Localized(vi: "Gộp bản sửa", en: "Merge")
    public static func mergeIntro(_ revision: Int, hunks: Int, conflicts: Int) -> Localized {
        Localized(vi: "Trong lúc bạn sửa, người khác đã lưu bài (phiên bản \(revision)). \(hunks) chỗ khác nhau, \(conflicts) chỗ cả hai cùng sửa. Chọn cho từng chỗ rồi gộp; chữ thêm và bỏ so với bản lúc bạn mở được tô màu.",
                  en: "While you edited, someone saved the item (revision \(revision)). \(hunks) hunks differ, \(conflicts) changed on both sides. Choose for each, then merge; words added and removed against the text you opened are in colour.")
    }
    public static func sameLines(_ n: Int) -> Localized {
        Localized(vi: "    ⋯ \(n) dòng như nhau ⋯", en: "    ⋯ \(n) lines alike ⋯")
    }
    public static func hunkHeading(_ i: Int, of n: Int, conflict: Bool, chosen: String) -> Localized {
        Localized(vi: "── Chỗ \(i)/\(n)\(conflict ? " · cả hai cùng sửa" : "") · đang chọn: \(chosen) ──",
                  en: "── Hunk \(i)/\(n)\(conflict ? " · changed on both sides" : "") · chosen: \(chosen) ──")
    }
    public static func mergeChoice(_ choice: LineMerge.Choice) -> Localized {
        switch choice {
        case .theirs: return Localized(vi: "bản trên cổng", en: "the portal's")
        case .mine: return Localized(vi: "bản của tôi", en: "mine")
        case .both: return Localized(vi: "cả hai", en: "both")
        case .combined: return Localized(vi: "gộp từng chữ", en: "combined word by word")
        }
    }
    public static func mergeChoiceLabel(_ choice: LineMerge.Choice, revision: Int) -> Localized {
        switch choice {
        case .theirs: return Localized(vi: "Bản trên cổng (phiên bản \(revision)):", en: "The portal's (revision \(revision)):")
        case .mine: return Localized(vi: "Bản của tôi:", en: "Mine:")
        case .both: return Localized(vi: "Cả hai: bản trên cổng, rồi bản của tôi", en: "Both: the portal's, then mine")
        case .combined: return Localized(vi: "Gộp từng chữ của cả hai:", en: "Both sides' changes, word by word:")
        }
    }
    public static let mergeRemoved = Localized(vi: "(bỏ đi)", en: "(removed)")
    public static let notOffered = Localized(vi: "Chỗ này không gộp từng chữ được: hai bên sửa cùng chữ.", en: "This hunk cannot be combined: both sides changed the same words.")
    public static let bothNotOffered = Localized(vi: "Tiêu đề và sa pô chỉ có một dòng: chọn bản trên cổng hoặc bản của tôi.",
                                                 en: "The title and the sapo are one line each: choose the portal's or mine.")
    public static func hunkPosition(_ i: Int, of n: Int) -> Localized {
        Localized(vi: "chỗ \(i)/\(n)", en: "hunk \(i)/\(n)")
    }
    public static func mergeHint(theirs: String, mine: String, both: String, next: String, apply: String, back: String) -> Localized {
        Localized(vi: "\(theirs) trên cổng · \(mine) của tôi · \(both) cả hai · \(next) chỗ sau · \(apply) gộp và lưu · \(back) sửa tiếp",
                  en: "\(theirs) theirs · \(mine) mine · \(both) both · \(next) next · \(apply) merge and save · \(back) keep editing")
    }
    public static let merged = Localized(vi: "Đã gộp; đang lưu…", en: "Merged; saving…")
    public static func mergeLeft(_ revision: Int, save: String) -> Localized {
        Localized(vi: "Chưa lưu: trên cổng đã có phiên bản \(revision). \(save) để gộp lại.",
                  en: "Not saved: the portal has revision \(revision). \(save) to merge again.")
    }

    // Opening for editing, and words left from another session
    public static let opening = Localized(vi: "Đang nhận bài để sửa…", en: "Claiming the item for editing…")
    public static let leftoverTitle = Localized(vi: "Bài sửa dở chưa lưu", en: "Unsaved edits")

    // Quitting
    public static let quitTitle = Localized(vi: "Thoát bientap?", en: "Quit bientap?")
    public static func quitUnsavedEditors(_ n: Int) -> Localized {
        Localized(vi: "\(n) bài đang sửa có chữ chưa lưu lên cổng.", en: n == 1 ? "An item being edited has words not saved to the portal." : "\(n) items being edited have words not saved to the portal.")
    }
    public static func quitJournalEntries(_ n: Int) -> Localized {
        Localized(vi: "Nhật ký còn chữ chưa lưu của \(n) bài; lần mở sau sẽ được hỏi lại.",
                  en: n == 1 ? "The journal keeps unsaved words of 1 item; the next start offers them back." : "The journal keeps unsaved words of \(n) items; the next start offers them back.")
    }
    public static let quitDemo = Localized(vi: "Đây là bản chạy thử: thoát thì cổng mẫu dừng và dữ liệu mẫu bị xoá.",
                                           en: "This is the demo: quitting stops the sample portal and deletes its data.")
    public static func quitHint(again: String) -> Localized {
        Localized(vi: "Nhấn y hoặc \(again) lần nữa để thoát, n hoặc Esc để ở lại.", en: "Press y or \(again) again to quit, n or Esc to stay.")
    }
    public static let quitChoice = Localized(vi: "Thoát", en: "Quit")
    public static let stayChoice = Localized(vi: "Ở lại", en: "Stay")
    public static func filterCleared(_ n: Int) -> Localized {
        Localized(vi: "Đã bỏ lọc: \(n) bài.", en: n == 1 ? "Filter cleared: 1 item." : "Filter cleared: \(n) items.")
    }
    public static func leftoverMessage(_ labels: [String], at: String) -> Localized {
        let list = labels.prefix(3).joined(separator: "; ") + (labels.count > 3 ? "; …" : "")
        return Localized(vi: "Lần trước có \(labels.count) bài sửa chưa lưu lên cổng (\(list)), lần cuối lúc \(at). Mở lại bài đầu để khôi phục?",
                         en: "Last time \(labels.count) edits were not saved to the portal (\(list)), the last at \(at). Open the first again to restore it?")
    }
    public static func openKey(_ language: UILanguage) -> Character { language == .vi ? "m" : "o" }
    public static let openChoice = Localized(vi: "Mở lại", en: "Open")
    public static func laterKey(_ language: UILanguage) -> Character { language == .vi ? "s" : "l" }
    public static let laterChoice = Localized(vi: "Để sau (vẫn giữ)", en: "Later (kept)")
}

// MARK: - Spelling in the editor

extension Strings {
    public static let noFindings = Localized(vi: "Không có lỗi chính tả nào.", en: "No spelling findings.")
    public static let spellCheckRunning = Localized(vi: "Đang kiểm tra chính tả…", en: "Checking the spelling…")
    public static func findingCount(_ n: Int) -> Localized {
        Localized(vi: "\(n) lỗi chính tả", en: n == 1 ? "1 spelling finding" : "\(n) spelling findings")
    }
    public static func findingTitle(_ word: String) -> Localized {
        Localized(vi: "Chính tả: «\(word)»", en: "Spelling: \"\(word)\"")
    }
    public static func findingHint(_ word: String, _ message: String, suggestions: [String], fix: String) -> Localized {
        let vi = suggestions.isEmpty ? "" : " · gợi ý: " + suggestions.prefix(3).joined(separator: ", ")
        let en = suggestions.isEmpty ? "" : " · try: " + suggestions.prefix(3).joined(separator: ", ")
        return Localized(vi: "«\(word)»: \(message)\(vi) · \(fix) sửa", en: "\"\(word)\": \(message)\(en) · \(fix) to fix")
    }
    public static func addWordKey(_ language: UILanguage) -> Character { language == .vi ? "t" : "a" }
    public static let addWordChoice = Localized(vi: "Thêm vào từ điển", en: "Add to the dictionary")
    public static func ignoreKey(_ language: UILanguage) -> Character { language == .vi ? "b" : "i" }
    public static let ignoreChoice = Localized(vi: "Bỏ qua", en: "Ignore")
    public static func wordAdded(_ word: String, to path: String) -> Localized {
        Localized(vi: "Đã thêm «\(word)» vào từ điển \(path).", en: "Added \"\(word)\" to the dictionary \(path).")
    }
    public static func wordNotAdded(_ word: String, _ why: String) -> Localized {
        Localized(vi: "Không thêm được «\(word)» vào từ điển: \(why)", en: "Cannot add \"\(word)\" to the dictionary: \(why)")
    }
}

// MARK: - Decisions on the screen

extension Strings {
    public static let decisionUnderWay = Localized(vi: "Đang gửi quyết định trước cho bài này…", en: "A decision on this item is on its way…")
    public static func decisionTitle(_ action: WorkflowAction, id: Int64) -> Localized {
        switch action {
        case .approve: return Localized(vi: "Duyệt bài #\(id)", en: "Approve #\(id)")
        case .return: return Localized(vi: "Trả lại bài #\(id) cho tác giả", en: "Return #\(id) to the contributor")
        case .reject: return Localized(vi: "Từ chối bài #\(id)", en: "Reject #\(id)")
        case .schedule: return Localized(vi: "Lên lịch đăng bài #\(id) (giờ Việt Nam)", en: "Schedule #\(id) (Vietnam time)")
        default: return Localized(vi: "Bài #\(id)", en: "#\(id)")
        }
    }
    public static let fieldGenre = Localized(vi: "Thể loại", en: "Genre")
    public static func genreOption(_ genre: RateTable.Genre) -> Localized {
        if let c = genre.coefficient {
            return Localized(vi: "hệ số \(number(c.min))–\(number(c.max)) · \(genre.name)", en: "coefficient \(number(c.min))–\(number(c.max)) · \(genre.name)")
        }
        if let a = genre.amount {
            return Localized(vi: "\(VietNumber.grouped(Int(a.min)))–\(VietNumber.grouped(Int(a.max))) đ · \(genre.name)",
                             en: "\(a.min)–\(a.max) đồng · \(genre.name)")
        }
        return Localized(vi: genre.name, en: genre.name)
    }
    private static func number(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(x).replacingOccurrences(of: ".", with: ",")
    }
    public static let fieldGrade = Localized(vi: "Hệ số (hoặc số tiền)", en: "Coefficient (or amount)")
    public static let fieldZalo = Localized(vi: "Đăng lên Zalo OA", en: "Post to the Zalo Official Account")
    public static let fieldFacebook = Localized(vi: "Đăng lên Facebook Page", en: "Post to the Facebook Page")
    public static let fieldSocialMessage = Localized(vi: "Lời đăng mạng xã hội", en: "Social post text")
    /// A photo's line of the approval form: its number and caption, and whom it pays (or that it pays no one).
    public static func fieldPhotoGrade(_ n: Int, caption: String, payee: String?) -> Localized {
        let short = caption.count > 24 ? String(caption.prefix(23)) + "…" : caption
        guard let payee else {
            return Localized(vi: "Ảnh \(n) \(short): không ghi người được hưởng nhuận bút", en: "Photo \(n) \(short): no credited contributor")
        }
        return Localized(vi: "Ảnh \(n) \(short): hệ số cho \(payee)", en: "Photo \(n) \(short): coefficient for \(payee)")
    }
    public static let photoNotPaid = Localized(vi: "không trả nhuận bút", en: "not paid")
    public static func photoGradeUnfit(_ n: Int, _ typed: String) -> Localized {
        Localized(vi: "Ảnh \(n): \"\(typed)\" không phải hệ số trong khung của bảng (viết 1,5 hoặc 1,5:thể loại; để trống là không trả)",
                  en: "Photo \(n): \"\(typed)\" is no coefficient within the table's range (write 1.5 or 1.5:genre; empty pays nothing)")
    }
    public static func fieldShare(_ name: String) -> Localized {
        Localized(vi: "Phần của \(name) (%)", en: "Share of \(name) (%)")
    }
    public static func shareNotAPercentage(_ name: String) -> Localized {
        Localized(vi: "Phần của \(name) là một số từ 0 đến 99 (0: bỏ khỏi đồng tác giả).",
                  en: "The share of \(name) is a number from 0 to 99 (0 takes them off the co-authors).")
    }
    public static let sharesTooLarge = Localized(vi: "Phần của các đồng tác giả cộng lại phải dưới 100%: tác giả giữ phần còn lại.",
                                                 en: "The co-authors' shares must add up to less than 100%: the contributor keeps the rest.")
    /// Why Zalo would refuse the post an approval queues.
    public static func zaloUnfit(_ problem: LimitProblem) -> Localized {
        switch problem {
        case .titleMissing:
            return Localized(vi: "Zalo cần tiêu đề: bài này không có; bỏ chọn Zalo hoặc đặt tiêu đề.",
                             en: "Zalo needs a title and this item has none: untick Zalo or give it a title.")
        case .titleTooLong(let characters, let maximum):
            return Localized(vi: "Tiêu đề dài \(characters) ký tự, Zalo nhận tối đa \(maximum): bỏ chọn Zalo hoặc rút gọn tiêu đề.",
                             en: "The title has \(characters) characters and Zalo takes \(maximum) at most: untick Zalo or shorten the title.")
        case .descriptionTooLong(let characters, let maximum):
            return Localized(vi: "Lời đăng dài \(characters) ký tự, Zalo nhận tối đa \(maximum): rút gọn lời đăng hoặc bỏ chọn Zalo.",
                             en: "The post's text has \(characters) characters and Zalo takes \(maximum) at most: shorten it or untick Zalo.")
        case .coverMissing, .coverNotAWebAddress:
            return Localized(vi: "Zalo cần ảnh bìa mà bài này không có ảnh: bỏ chọn Zalo, hoặc thêm ảnh vào bài.",
                             en: "Zalo needs a cover photo and this item has none: untick Zalo, or add a photo to the item.")
        }
    }
    public static let socialMessageLength = Localized(vi: "Lời đăng mạng xã hội từ 1 đến \(VietNumber.grouped(TransitionRequest.socialMessageLimit)) ký tự.",
                                                      en: "The social post text has 1 to \(TransitionRequest.socialMessageLimit) characters.")
    public static let fieldNote = Localized(vi: "Ghi chú", en: "Note")
    public static let fieldReturnNote = Localized(vi: "Cần sửa gì (bắt buộc)", en: "What to fix (required)")
    public static let fieldRejectReason = Localized(vi: "Lý do từ chối (bắt buộc)", en: "Why (required)")
    public static let fieldWhen = Localized(vi: "Đăng lúc", en: "Publish")
    public static let quickTimes = [Localized(vi: "1 giờ nữa", en: "in an hour"), Localized(vi: "7:00 ngày mai", en: "tomorrow 07:00"),
                                    Localized(vi: "7:00 thứ Hai tới", en: "Monday 07:00"), Localized(vi: "giờ khác, gõ ở dưới", en: "another time, typed below")]
    public static let fieldOtherTime = Localized(vi: "Giờ khác (07:00 25/11, +30m, +10s)", en: "Another time (07:00 25/11, +30m, +10s)")
    public static func gradeOutOfRange(_ genre: RateTable.Genre) -> Localized {
        if let c = genre.coefficient {
            return Localized(vi: "Hệ số của «\(genre.name)» là một số từ \(number(c.min)) đến \(number(c.max)).",
                             en: "The coefficient of \"\(genre.name)\" is a number from \(number(c.min)) to \(number(c.max)).")
        }
        let a = genre.amount ?? RateTable.Range(min: 0, max: 0)
        return Localized(vi: "Số tiền cho «\(genre.name)» từ \(VietNumber.grouped(Int(a.min))) đến \(VietNumber.grouped(Int(a.max))) đồng.",
                         en: "The amount for \"\(genre.name)\" is from \(a.min) to \(a.max) đồng.")
    }
    public static func notATime(_ text: String) -> Localized {
        Localized(vi: "Không hiểu giờ «\(text)»: gõ như 07:00 25/11/2026, 25/11 07:00, +30m, +10s, ngày mai, thứ hai.",
                  en: "Cannot read the time \"\(text)\": type 07:00 25/11/2026, 25/11 07:00, +30m, +10s, tomorrow, monday.")
    }
    public static func timeInThePast(_ time: String) -> Localized {
        Localized(vi: "\(time) đã qua.", en: "\(time) has passed.")
    }
    public static let publishTitle = Localized(vi: "Đăng ngay", en: "Publish now")
    public static func publishMessage(_ id: Int64, _ title: String) -> Localized {
        Localized(vi: "Đăng ngay bài #\(id) «\(title)» lên cổng? Bạn đọc sẽ thấy bài ngay.",
                  en: "Publish #\(id) \"\(title)\" on the portal now? Readers will see it at once.")
    }
    public static let publishChoice = Localized(vi: "Đăng", en: "Publish")
    public static func decisionDone(_ action: WorkflowAction, id: Int64, title: String, at: String?) -> Localized {
        switch action {
        case .approve: return Localized(vi: "Đã duyệt #\(id) \(title)", en: "Approved #\(id) \(title)")
        case .return: return Localized(vi: "Đã trả lại #\(id) cho tác giả", en: "Returned #\(id) to the contributor")
        case .reject: return Localized(vi: "Đã từ chối #\(id)", en: "Rejected #\(id)")
        case .schedule: return Localized(vi: "Đã lên lịch #\(id) đăng lúc \(at ?? "")", en: "Scheduled #\(id) for \(at ?? "")")
        case .publish: return Localized(vi: "Đã đăng #\(id) \(title)", en: "Published #\(id) \(title)")
        default: return Localized(vi: "Xong #\(id)", en: "Done #\(id)")
        }
    }
}

// MARK: - The reader's details, history and notes

extension Strings {
    public static let sectionDetails = Localized(vi: "── Thông tin ──", en: "── Details ──")
    public static func detailSite(_ site: String, category: String) -> Localized {
        Localized(vi: "Chuyên trang: \(site) · Thể loại: \(category)", en: "Site: \(site) · Category: \(category)")
    }
    public static func authorShare(_ name: String, penName: String?, share: Int) -> Localized {
        let pen = penName.map { " (\($0))" } ?? ""
        return Localized(vi: "\(name)\(pen) \(share)%", en: "\(name)\(pen) \(share)%")
    }
    /// What an approval settled: the grading, and the social channels with their text.
    public static func approvalDetails(_ item: Submission) -> [Localized] {
        var lines: [Localized] = []
        if let g = item.grading {
            let vi = g.coefficient.map { "hệ số \(number($0))" } ?? g.amount.map { "\(VietNumber.grouped(Int($0))) đ" } ?? ""
            let en = g.coefficient.map { "coefficient \(number($0))" } ?? g.amount.map { "\($0) đồng" } ?? ""
            lines.append(Localized(vi: "Chấm nhuận bút: \(g.genre), \(vi)", en: "Royalty grading: \(g.genre), \(en)"))
        }
        if !item.channels.isEmpty {
            let names = item.channels.map { $0 == "zalo" ? "Zalo OA" : $0 == "facebook" ? "Facebook Page" : $0 }.joined(separator: ", ")
            let message = item.socialMessage ?? ""
            lines.append(Localized(vi: "Đăng mạng xã hội: \(names) — «\(message)»", en: "Social channels: \(names) — \"\(message)\""))
        }
        return lines
    }
    public static func detailAuthors(_ list: String) -> Localized {
        Localized(vi: "Tác giả và phần nhuận bút: \(list)", en: "Authors and royalty shares: \(list)")
    }
    public static func detailPhoto(_ n: Int, _ file: String, caption: String, credit: String, kilobytes: Int) -> Localized {
        Localized(vi: "Ảnh \(n): \(file) (\(kilobytes) KB) — \(caption.isEmpty ? "chưa có chú thích" : caption) · Ảnh: \(credit.isEmpty ? "chưa ghi" : credit)",
                  en: "Photo \(n): \(file) (\(kilobytes) KB) — \(caption.isEmpty ? "no caption" : caption) · Credit: \(credit.isEmpty ? "none" : credit)")
    }
    public static func detailLease(_ name: String, until: String) -> Localized {
        Localized(vi: "\(name) đang sửa bài này (giữ quyền sửa đến \(until)).", en: "\(name) is editing this item (holding it until \(until)).")
    }
    public static let historyLoading = Localized(vi: "Đang tải lịch sử và ghi chú…", en: "Loading the history and notes…")
    public static let sectionHistory = Localized(vi: "── Lịch sử ──", en: "── History ──")
    public static func revisionSaved(_ n: Int) -> Localized {
        Localized(vi: "lưu phiên bản \(n)", en: "saved revision \(n)")
    }
    public static func sectionNotes(_ n: Int) -> Localized {
        Localized(vi: "── Ghi chú (\(n)) ──", en: "── Notes (\(n)) ──")
    }
    public static let sharedMark = Localized(vi: "[tác giả cũng xem]", en: "[shared with the contributor]")
    public static func noteTitle(_ id: Int64) -> Localized {
        Localized(vi: "Ghi chú cho bài #\(id)", en: "Note on #\(id)")
    }
    public static let fieldNoteText = Localized(vi: "Ghi chú", en: "Note")
    public static let fieldShared = Localized(vi: "Cho tác giả xem", en: "Shared with the contributor")
    public static let noteEmpty = Localized(vi: "Ghi chú trống.", en: "The note is empty.")
    public static let noteAdded = Localized(vi: "Đã thêm ghi chú.", en: "Note added.")
}

// MARK: - The duty view

extension Strings {
    public static let contextDuty = Localized(vi: "Trực", en: "Duty")
    public static let dutyTitle = Localized(vi: "Trực — lịch đăng 72 giờ tới", en: "Duty — the next 72 hours")
    public static func dutyUnscheduled(_ n: Int) -> Localized {
        Localized(vi: "Đã duyệt, chưa lên lịch (\(n))", en: "Approved, not scheduled (\(n))")
    }
    private static let weekdays = [Localized(vi: "Chủ nhật", en: "Sunday"), Localized(vi: "Thứ Hai", en: "Monday"),
                                   Localized(vi: "Thứ Ba", en: "Tuesday"), Localized(vi: "Thứ Tư", en: "Wednesday"),
                                   Localized(vi: "Thứ Năm", en: "Thursday"), Localized(vi: "Thứ Sáu", en: "Friday"),
                                   Localized(vi: "Thứ Bảy", en: "Saturday")]
    /// A day of the schedule: today, tomorrow, then by weekday.
    public static func dutyDay(_ offset: Int, weekday: Int, date: String) -> Localized {
        switch offset {
        case 0: return Localized(vi: "Hôm nay \(date)", en: "Today \(date)")
        case 1: return Localized(vi: "Ngày mai \(date)", en: "Tomorrow \(date)")
        default: return Localized(vi: "\(weekdays[weekday].vi) \(date)", en: "\(weekdays[weekday].en) \(date)")
        }
    }
    public static let dutyGap = Localized(vi: "— chưa có bài nào", en: "— nothing scheduled")
    public static let dutyLate = Localized(vi: "[trễ]", en: "[late]")
}

// MARK: - Who is editing, in the queue

extension Strings {
    public static let leaseMine = Localized(vi: "tôi", en: "me")
}

// MARK: - Royalties for accountants (bientap royalties, bientap report)

extension Strings {
    /// `YYYY-MM` as documents write a month: 10/2026.
    static func monthText(_ month: String) -> String {
        let parts = month.split(separator: "-")
        return parts.count == 2 ? "\(parts[1])/\(parts[0])" : month
    }

    public static let columnNumber = Localized(vi: "STT", en: "No.")
    public static let columnFullName = Localized(vi: "Họ và tên", en: "Name")
    public static let columnPenName = Localized(vi: "Bút danh", en: "Pen name")
    public static let columnItems = Localized(vi: "Số tin/bài/ảnh", en: "Items")
    public static let columnCoefficients = Localized(vi: "Tổng hệ số", en: "Coefficients")
    public static let columnGross = Localized(vi: "Thành tiền", en: "Gross")
    public static let columnTax = Localized(vi: "Thuế TNCN", en: "Income tax")
    public static let columnNet = Localized(vi: "Thực nhận", en: "Net")
    public static let columnPublishedOn = Localized(vi: "Ngày đăng", en: "Published")
    public static let columnGenre = Localized(vi: "Thể loại", en: "Genre")
    public static let columnCoefficient = Localized(vi: "Hệ số", en: "Coefficient")
    public static let columnShare = Localized(vi: "Tỷ lệ", en: "Share")
    public static let totalLabel = Localized(vi: "Tổng cộng", en: "Total")
    public static let adjustmentMark = Localized(vi: "(điều chỉnh)", en: "(adjustment)")
    public static let columnLateness = Localized(vi: "Hạn trả", en: "Due")
    /// Unpaid 45 days after publication (Nghị định 18/2014 Điều 4.10 gives 60).
    public static let latenessDue = Localized(vi: "≥45 ngày", en: "45+ days")
    /// Unpaid 60 days after publication: past the law's limit.
    public static let latenessOverdue = Localized(vi: "≥60 ngày", en: "60+ days")
    public static let columnMonth = Localized(vi: "Tháng", en: "Month")
    public static let columnContributorId = Localized(vi: "Người nhận", en: "Payee")
    public static let columnBatch = Localized(vi: "Đợt chi", en: "Batch")
    public static let lineInOpenMonth = Localized(vi: "chưa chốt", en: "open")
    public static let lineInClosedBatch = Localized(vi: "đã chốt", en: "closed")
    public static let lineInPaidBatch = Localized(vi: "đã chi", en: "paid")
    public static func sitesTotals(sites: Int, gross: String, tax: String, net: String) -> Localized {
        Localized(vi: "Cộng \(sites) trang: Thành tiền \(gross) đ · Thuế TNCN \(tax) đ · Thực nhận \(net) đ",
                  en: "\(sites) sites together: Gross \(gross) đ · Income tax \(tax) đ · Net \(net) đ")
    }
    public static let paySiteRequired = Localized(
        vi: "cần --site: mỗi lần chi là một ủy nhiệm chi từ ngân sách của một trang",
        en: "--site is needed: a payment is one transfer from one site's budget")
    public static let outputNotAFolder = Localized(
        vi: "không có --site thì mỗi trang một tệp: -o phải là một thư mục có sẵn",
        en: "without --site each site gets a file of its own: -o must be an existing folder")
    public static let keepsNoLedger = Localized(vi: "Bạn không giữ sổ nhuận bút của trang nào: cần vai trò kế toán hoặc quản trị, hoặc --site.",
                                                en: "You keep the royalty ledger of no site: an accountant's or admin's role is needed, or --site.")
    public static func regraded(id: Int64, lines: Int, total: String) -> Localized {
        Localized(vi: "Đã sửa chấm điểm bài #\(id): \(lines) dòng nhuận bút, cộng lại \(total) đ.",
                  en: "Grading of item #\(id) corrected: \(lines) royalty lines, \(total) đ in all.")
    }

    public static func paymentListHeading(month: String, site: String, paidOn: String) -> Localized {
        Localized(vi: "Danh sách chi trả nhuận bút tháng \(monthText(month)) · \(site) · thuế tính theo ngày chi \(paidOn)",
                  en: "Royalty payment list, \(monthText(month)) · \(site) · tax as of the payment day \(paidOn)")
    }
    public static func statementHeading(name: String, month: String, site: String) -> Localized {
        Localized(vi: "Bảng kê nhuận bút tháng \(monthText(month)) · \(site) · \(name)",
                  en: "Royalty statement, \(monthText(month)) · \(site) · \(name)")
    }
    /// The total in words, as the portal wrote it (in Vietnamese, as the documents are).
    public static func inWords(_ words: String) -> Localized {
        Localized(vi: "Bằng chữ: \(words) chẵn.", en: "In words (Vietnamese): \(words) chẵn.")
    }
    public static func statementTotals(gross: String, tax: String, net: String) -> Localized {
        Localized(vi: "Thành tiền \(gross) đ · Thuế TNCN \(tax) đ · Thực nhận \(net) đ",
                  en: "Gross \(gross) đ · Income tax \(tax) đ · Net \(net) đ")
    }
    public static func noRoyalties(month: String, site: String) -> Localized {
        Localized(vi: "Không có nhuận bút nào tháng \(monthText(month)) trên \(site).", en: "No royalties in \(monthText(month)) on \(site).")
    }
    public static func monthClosed(month: String, site: String, lines: Int, gross: String) -> Localized {
        Localized(vi: "Đã chốt tháng \(monthText(month)) trên \(site): \(lines) dòng, tổng \(gross) đ.",
                  en: "Closed \(monthText(month)) on \(site): \(lines) line(s), \(gross) đ in all.")
    }
    public static func monthClosedAlready(month: String, site: String, by: String, at: String) -> Localized {
        Localized(vi: "Tháng \(monthText(month)) trên \(site) đã chốt rồi (\(by), \(at)); không cần làm gì thêm.",
                  en: "\(monthText(month)) on \(site) is closed already (\(by), \(at)); nothing more to do.")
    }
    public static func paymentRecorded(month: String, site: String, reference: String) -> Localized {
        Localized(vi: "Đã ghi nhận chi trả tháng \(monthText(month)) trên \(site), chứng từ \(reference).",
                  en: "Recorded the payment of \(monthText(month)) on \(site), reference \(reference).")
    }
    public static func paymentRecordedAlready(month: String, site: String, reference: String, by: String, at: String) -> Localized {
        Localized(vi: "Chi trả tháng \(monthText(month)) trên \(site) đã được ghi nhận từ trước với chứng từ \(reference) (\(by), \(at)); không cần làm gì thêm.",
                  en: "The payment of \(monthText(month)) on \(site) was recorded already with reference \(reference) (\(by), \(at)); nothing more to do.")
    }
    public static func monthNotOver(month: String, site: String) -> Localized {
        Localized(vi: "Tháng \(monthText(month)) trên \(site) chưa hết nên chưa chốt được.",
                  en: "\(monthText(month)) on \(site) has not ended: it cannot be closed yet.")
    }
    public static func monthNotClosed(month: String, site: String) -> Localized {
        Localized(vi: "Tháng \(monthText(month)) trên \(site) chưa chốt: chốt trước bằng bientap royalties close.",
                  en: "\(monthText(month)) on \(site) is not closed: close it first with bientap royalties close.")
    }
    public static func paidAlreadyOtherReference(month: String, site: String, reference: String, by: String, at: String) -> Localized {
        Localized(vi: "Tháng \(monthText(month)) trên \(site) đã được ghi chi trả với chứng từ \(reference) (\(by), \(at)); không ghi lại.",
                  en: "\(monthText(month)) on \(site) was recorded as paid with reference \(reference) (\(by), \(at)); not recorded again.")
    }
    public static let referenceRequired = Localized(vi: "cần --reference: số ủy nhiệm chi hoặc chứng từ chi trả",
                                                    en: "--reference is required: the transfer's or voucher's number")
    public static let contributorRequired = Localized(vi: "cần --contributor ID: số của người nhận trong bảng kê",
                                                      en: "--contributor ID is required: whose statement it is")
    public static let outputRequiresFile = Localized(vi: "cần --format csv hoặc xlsx để xuất tệp", en: "export needs --format csv or xlsx")
    public static func badMonth(_ text: String) -> Localized {
        Localized(vi: "--month: cần dạng YYYY-MM (vd. 2026-10), không phải \"\(text)\"", en: "--month: YYYY-MM expected (e.g. 2026-10), not \"\(text)\"")
    }
    public static func badDay(_ text: String) -> Localized {
        Localized(vi: "--paid-on: cần một ngày có thật dạng YYYY-MM-DD, không phải \"\(text)\"",
                  en: "--paid-on: a real day as YYYY-MM-DD expected, not \"\(text)\"")
    }
    public static func fileExists(_ path: String) -> Localized {
        Localized(vi: "\(path) đã có; không ghi đè (thêm --force nếu muốn thay nó).", en: "\(path) exists; not overwritten (add --force to replace it).")
    }
    /// Why a file could not be read or written, in words (never an error domain or code).
    public static func fileReason(_ error: any Error) -> Localized { fileReason(FileFailure(error)) }
    public static func fileReason(_ failure: FileFailure) -> Localized {
        switch failure {
        case .notFound: return Localized(vi: "không có tệp hay thư mục ấy", en: "no such file or folder")
        case .noPermission: return Localized(vi: "không được phép đọc hay ghi ở đó", en: "no permission to read or write there")
        case .diskFull: return Localized(vi: "đĩa đã đầy", en: "the disk is full")
        case .readOnly: return Localized(vi: "ổ đĩa chỉ cho đọc", en: "the disk is read-only")
        case .isFolder: return Localized(vi: "đó là một thư mục, không phải tệp", en: "that is a folder, not a file")
        case .notAFolder: return Localized(vi: "một phần của đường dẫn là tệp, không phải thư mục", en: "part of the path is a file, not a folder")
        case .exists: return Localized(vi: "đã có tệp mang tên ấy", en: "a file of that name exists")
        case .other: return Localized(vi: "không đọc hay ghi được tệp", en: "the file could not be read or written")
        }
    }
    public static func cannotSave(_ path: String, _ reason: String) -> Localized {
        Localized(vi: "Không lưu được \(path): \(reason)", en: "Cannot save \(path): \(reason)")
    }
    public static func saved(_ path: String, bytes: Int) -> Localized {
        Localized(vi: "Đã lưu \(path) (\(VietNumber.grouped(bytes)) byte).", en: "Saved \(path) (\(bytes) bytes).")
    }

    // The yearly activity report
    public static let columnNews = Localized(vi: "Tin", en: "News")
    public static let columnArticles = Localized(vi: "Bài", en: "Articles")
    public static let columnPhotoStories = Localized(vi: "Phóng sự ảnh", en: "Photo stories")
    public static let columnPhotos = Localized(vi: "Ảnh", en: "Photos")
    public static let columnDocuments = Localized(vi: "Văn bản", en: "Documents")
    public static let columnItemsTotal = Localized(vi: "Tổng tin bài", en: "Items")
    public static let columnYearBefore = Localized(vi: "Năm trước", en: "Year before")
    public static let columnChange = Localized(vi: "Tăng/giảm", en: "Change")
    public static let columnSocialPosts = Localized(vi: "Bài MXH", en: "Social posts")
    public static let columnViews = Localized(vi: "Lượt xem", en: "Views")
    public static let columnInteractions = Localized(vi: "Tương tác", en: "Interactions")
    /// Below the activity report: what all the sites' social posts did in the year.
    public static func activitySocialTotal(posts: String, views: String, reactions: String, shares: String) -> Localized {
        Localized(vi: "Mạng xã hội: \(posts) bài đăng · \(views) lượt xem · \(reactions) cảm xúc · \(shares) chia sẻ",
                  en: "Social channels: \(posts) posts · \(views) views · \(reactions) reactions · \(shares) shares")
    }
    public static func activityHeading(year: Int) -> Localized {
        Localized(vi: "Báo cáo hoạt động năm \(year) (so với năm \(year - 1))", en: "Activity in \(year) (against \(year - 1))")
    }
    public static func badYear(_ year: Int) -> Localized {
        Localized(vi: "--year: cần một năm từ 1971 đến 2199, không phải \(year)", en: "--year: a year from 1971 to 2199 expected, not \(year)")
    }
}

// MARK: - The accountant's screen and the activity report in the desk

extension Strings {
    public static let contextRoyalties = Localized(vi: "Nhuận bút", en: "Royalties")
    public static let contextActivity = Localized(vi: "Báo cáo hoạt động", en: "Activity report")
    public static let royaltiesTitle = Localized(vi: "Nhuận bút", en: "Royalties")
    public static func royaltiesWhere(site: String, index: Int, of count: Int, month: String) -> Localized {
        let place = count > 1 ? " (\(index)/\(count))" : ""
        return Localized(vi: "\(site)\(place) · tháng \(monthText(month))", en: "\(site)\(place) · \(monthText(month))")
    }
    public static let batchOpen = Localized(vi: "Đang mở: chưa chốt", en: "Open: not closed")
    public static func batchClosed(by: String, at: String) -> Localized {
        Localized(vi: "Đã chốt (\(by), \(at)), chưa chi", en: "Closed (\(by), \(at)), not paid")
    }
    public static func batchPaid(by: String, at: String, reference: String) -> Localized {
        Localized(vi: "Đã chi (\(by), \(at)), chứng từ \(reference)", en: "Paid (\(by), \(at)), reference \(reference)")
    }
    public static func budgetSet(year: Int, amount: String, used: String, left: String) -> Localized {
        Localized(vi: "Ngân sách \(year): \(amount) đ · đã dùng \(used) đ · còn \(left) đ",
                  en: "Budget \(year): \(amount) đ · used \(used) đ · left \(left) đ")
    }
    public static func budgetNone(year: Int, used: String) -> Localized {
        Localized(vi: "Ngân sách \(year): chưa đặt · đã dùng \(used) đ", en: "Budget \(year): not set · used \(used) đ")
    }
    public static let columnItemsShort = Localized(vi: "Số tin", en: "Items")
    public static func lateSummary(due: Int, overdue: Int) -> Localized {
        Localized(vi: "Chưa chi ≥45 ngày: \(due) người, quá 60 ngày: \(overdue)", en: "Unpaid 45+ days: \(due) people, 60+ days: \(overdue)")
    }
    public static func ledgerTotals(people: Int, items: Int, gross: String, tax: String, net: String) -> Localized {
        Localized(vi: "Tổng cộng \(people) người · \(items) tin/bài/ảnh · thành tiền \(gross) đ · thuế \(tax) đ · thực nhận \(net) đ",
                  en: "Total \(people) people · \(items) items · gross \(gross) đ · tax \(tax) đ · net \(net) đ")
    }
    public static let noLedgerSites = Localized(vi: "Tài khoản này không giữ sổ nhuận bút của chuyên trang nào.",
                                                en: "This account keeps the royalty ledger of no site.")
    public static let ledgerRoleRequired = Localized(
        vi: "Màn hình nhuận bút dành cho kế toán và quản trị; tài khoản này không có quyền đó.",
        en: "The royalty screen is for accountants and admins; this account has neither role.")
    public static func ledgerForbidden(_ site: String) -> Localized {
        Localized(vi: "Cổng thông tin từ chối (403): tài khoản này không có quyền kế toán trên \(site).",
                  en: "The portal refused (403): this account is not an accountant on \(site).")
    }
    public static func ledgerConflict(month: String, site: String) -> Localized {
        Localized(vi: "Cổng thông tin từ chối (409): tháng \(monthText(month)) trên \(site) đã chốt hoặc đã chi, không thay đổi được nữa.",
                  en: "The portal refused (409): \(monthText(month)) on \(site) is closed or paid and cannot change any more.")
    }
    public static let closeTitle = Localized(vi: "Chốt tháng", en: "Close the month")
    public static func closeMessage(month: String, site: String, people: Int, gross: String) -> Localized {
        Localized(vi: "Chốt tháng \(monthText(month)) trên \(site): \(people) người, thành tiền \(gross) đ? Đã chốt thì không sửa được nữa; bài sửa sau sẽ thành dòng điều chỉnh tháng sau.",
                  en: "Close \(monthText(month)) on \(site): \(people) people, \(gross) đ gross? A closed month never changes; later corrections go into the next month.")
    }
    public static let closeChoice = Localized(vi: "Chốt", en: "Close")
    public static func closedAlreadyHere(month: String) -> Localized {
        Localized(vi: "Tháng \(monthText(month)) đã chốt rồi.", en: "\(monthText(month)) is closed already.")
    }
    public static func payNeedsClose(month: String, key: String) -> Localized {
        Localized(vi: "Tháng \(monthText(month)) chưa chốt: chốt trước (\(key)) rồi mới ghi chi trả.",
                  en: "\(monthText(month)) is not closed: close it first (\(key)), then record the payment.")
    }
    public static func paidAlreadyHere(month: String, reference: String) -> Localized {
        Localized(vi: "Tháng \(monthText(month)) đã chi, chứng từ \(reference).", en: "\(monthText(month)) is paid, reference \(reference).")
    }
    public static let askReference = Localized(vi: "Số chứng từ chi (ủy nhiệm chi): ", en: "Payment reference (transfer, voucher): ")
    public static let askMonth = Localized(vi: "Tháng (10/2026 hoặc 2026-10): ", en: "Month (10/2026 or 2026-10): ")
    public static let askYear = Localized(vi: "Năm: ", en: "Year: ")
    public static func badMonthTyped(_ text: String) -> Localized {
        Localized(vi: "Không hiểu tháng \"\(text)\": gõ 10/2026 hoặc 2026-10.", en: "Not a month: \"\(text)\"; type 10/2026 or 2026-10.")
    }
    public static func badYearTyped(_ text: String) -> Localized {
        Localized(vi: "Không hiểu năm \"\(text)\": gõ một năm từ 1971 đến 2199.", en: "Not a year: \"\(text)\"; type one from 1971 to 2199.")
    }
    public static let exportTitle = Localized(vi: "Xuất danh sách chi trả", en: "Export the payment list")
    public static func exportMessage(month: String, site: String, folder: String) -> Localized {
        Localized(vi: "Danh sách chi trả tháng \(monthText(month)) trên \(site), lưu vào \(folder) (chỉ bạn đọc được).",
                  en: "The payment list of \(monthText(month)) on \(site), saved in \(folder) (readable by you alone).")
    }
    public static let csvChoice = Localized(vi: "CSV", en: "CSV")
    public static let xlsxChoice = Localized(vi: "XLSX (Excel)", en: "XLSX (Excel)")
    public static let activityTitle = Localized(vi: "Báo cáo hoạt động", en: "Activity report")
    public static let activityEmpty = Localized(vi: "Năm này không chuyên trang nào đăng gì.", en: "No site published anything that year.")
}

// The social queue (Zalo OA, Facebook Page): `bientap social`.
extension Strings {
    public static let columnID = Localized(vi: "ID", en: "ID")
    public static let columnChannel = Localized(vi: "Kênh", en: "Channel")
    public static let columnAttempts = Localized(vi: "Lần gửi", en: "Tries")
    public static let columnWhen = Localized(vi: "Lúc", en: "When")
    public static let columnOutcome = Localized(vi: "Liên kết / lý do", en: "Link / reason")

    public static func channelName(_ channel: String) -> Localized {
        switch channel {
        case "zalo": return Localized(vi: "Zalo OA", en: "Zalo OA")
        case "facebook": return Localized(vi: "Facebook Page", en: "Facebook Page")
        default: return Localized(vi: channel, en: channel)
        }
    }

    public static func socialStatus(_ status: SocialPostStatus) -> Localized {
        switch status {
        case .queued: return Localized(vi: "Chờ đăng", en: "Queued")
        case .sending: return Localized(vi: "Đang gửi", en: "Sending")
        case .posted: return Localized(vi: "Đã đăng", en: "Posted")
        case .retryWait: return Localized(vi: "Chờ thử lại", en: "Waiting to retry")
        case .failed: return Localized(vi: "Thất bại", en: "Failed")
        case .uncertain: return Localized(vi: "Chưa rõ", en: "Uncertain")
        case .cancelled: return Localized(vi: "Đã huỷ", en: "Cancelled")
        }
    }

    public static let socialNone = Localized(vi: "Không có bài đăng mạng xã hội nào như vậy.", en: "No social posts match.")
    public static func socialPostNow(_ id: Int64, channel: String, status: String) -> Localized {
        Localized(vi: "Bài đăng \(id) (\(channel)): \(status).", en: "Post \(id) (\(channel)): \(status).")
    }
    public static func socialPostAlready(_ id: Int64, channel: String, status: String) -> Localized {
        Localized(vi: "Bài đăng \(id) (\(channel)) đã ở trạng thái \(status) rồi.", en: "Post \(id) (\(channel)) is \(status) already.")
    }
    public static func socialRefused(_ id: Int64, status: String, allowed: String) -> Localized {
        Localized(vi: "Bài đăng \(id) đang ở trạng thái \(status): \(allowed)", en: "Post \(id) is \(status): \(allowed)")
    }
    public static let socialRetryNeeds = Localized(vi: "chỉ thử lại được bài Thất bại hoặc Chưa rõ.",
                                                   en: "only a failed or uncertain post can be retried.")
    public static let socialCancelNeeds = Localized(vi: "chỉ huỷ được bài chưa đăng (Chờ đăng, Chờ thử lại, Thất bại, Chưa rõ).",
                                                    en: "only a post that has not gone out can be cancelled (queued, waiting to retry, failed, uncertain).")
    public static let socialResolveNeeds = Localized(vi: "chỉ xử lý được bài Chưa rõ.", en: "only an uncertain post can be resolved.")
    public static let socialEditNeeds = Localized(vi: "chỉ sửa lời được bài chưa gửi (Chờ đăng, Chờ thử lại).",
                                                  en: "only the text of a post not sent yet (queued, waiting to retry) can be changed.")
    public static let socialForbidden = Localized(
        vi: "Hàng đăng mạng xã hội chỉ dành cho Ban Biên tập (biên tập viên, trực đăng bài, quản trị) của chuyên trang; tài khoản này không có quyền đó.",
        en: "The social queue is for a site's board (editors, publishers, admins); this account is not on it.")
    public static let socialResolveHow = Localized(
        vi: "Cần đúng một trong hai: --posted --link URL (bài đã lên trang, kèm địa chỉ) hoặc --send-again (chưa lên, gửi lại).",
        en: "Give exactly one of --posted --link URL (it is on the page, at that address) or --send-again (it is not; send it again).")
    public static let socialTextRequired = Localized(vi: "Cần --text với lời đăng mới.", en: "--text with the new text is needed.")
}

// The social queue screen on the desk (Mạng xã hội).
extension Strings {
    public static let contextSocial = Localized(vi: "Hàng đăng mạng xã hội", en: "Social queue")
    public static let socialTitle = Localized(vi: "Hàng đăng mạng xã hội", en: "Social queue")
    public static let columnEngagement = Localized(vi: "Xem · Cảm xúc · Chia sẻ", en: "Views · Reactions · Shares")
    public static let everyChannel = Localized(vi: "Mọi kênh", en: "Every channel")
    public static let everyStatus = Localized(vi: "Mọi trạng thái", en: "Every state")

    /// A channel's name where a column is narrow.
    public static func channelShortName(_ channel: String) -> Localized {
        switch channel {
        case "zalo": return Localized(vi: "Zalo", en: "Zalo")
        case "facebook": return Localized(vi: "Facebook", en: "Facebook")
        default: return Localized(vi: channel, en: channel)
        }
    }

    public static func socialFilters(channel: String, status: String, shown: Int, of total: Int) -> Localized {
        Localized(vi: "Kênh: \(channel) · Trạng thái: \(status) · \(shown)/\(total) bài đăng",
                  en: "Channel: \(channel) · State: \(status) · \(shown)/\(total) posts")
    }
    public static func socialFilterKeys(status: String, channel: String) -> Localized {
        Localized(vi: "\(status) đổi trạng thái · \(channel) đổi kênh", en: "\(status) state · \(channel) channel")
    }
    public static func socialTruncated(_ limit: Int) -> Localized {
        Localized(vi: "chỉ \(VietNumber.grouped(limit)) bài mới nhất", en: "the newest \(limit) only")
    }
    public static let socialEmpty = Localized(vi: "Chưa có bài đăng mạng xã hội nào: bài được duyệt kèm kênh Zalo OA hay Facebook Page sẽ vào đây.",
                                              en: "No social posts yet: items approved with Zalo OA or Facebook Page come here.")
    public static let socialNoneShown = Localized(vi: "Không có bài đăng nào ở kênh và trạng thái này.", en: "No posts on this channel in this state.")
    /// A post's count per state, for the status bar.
    public static func socialCount(_ status: String, _ count: Int) -> Localized {
        Localized(vi: "\(status) \(count)", en: "\(status) \(count)")
    }
    /// When a post goes whose item is not published yet.
    public static let socialNotDue = Localized(vi: "chờ xuất bản", en: "unpublished")

    /// Why the last attempt did not post, in words, from the portal's stable `error_kind`.
    public static func socialFailure(_ kind: String?) -> Localized {
        switch kind {
        case "expired_token"?:
            return Localized(vi: "Mã truy cập của kênh hết hạn hoặc bị thu hồi: quản trị cần đặt mã mới",
                             en: "The channel's access token expired or was revoked: an admin must set a new one")
        case "permission"?:
            return Localized(vi: "Trang hoặc OA không cho phép đăng (thiếu quyền, hoặc gói dịch vụ không có tính năng này)",
                             en: "The page or OA does not allow this (a permission, or a feature its package lacks)")
        case "blocked"?: return Localized(vi: "Mạng xã hội chặn bài đăng này", en: "The network blocked this post")
        case "duplicate"?: return Localized(vi: "Mạng xã hội coi đây là bài trùng", en: "The network took it for a duplicate post")
        case "rate_limited"?: return Localized(vi: "Gửi quá nhiều: mạng xã hội bảo chờ rồi gửi lại", en: "Rate-limited: the network asked to wait")
        case "server_error"?: return Localized(vi: "Máy chủ của mạng xã hội bị lỗi", en: "The network's server failed")
        case "unreachable"?: return Localized(vi: "Không kết nối được tới mạng xã hội", en: "The network could not be reached")
        case "timed_out"?:
            return Localized(vi: "Đã gửi đi nhưng không có trả lời kịp: có thể bài đã lên trang",
                             en: "Sent, but no answer came in time: it may be on the page")
        case "connection_dropped"?:
            return Localized(vi: "Mất kết nối sau khi đã gửi đi: có thể bài đã lên trang",
                             en: "The connection dropped after it was sent: it may be on the page")
        case "lease_expired"?:
            return Localized(vi: "Máy chủ đang gửi thì dừng giữa chừng: có thể bài đã lên trang",
                             en: "The server sending it stopped midway: it may be on the page")
        case "invalid_post"?:
            return Localized(vi: "Mạng xã hội từ chối chính bài đăng (quá dài, thiếu ảnh bìa, liên kết sai)",
                             en: "The network refused the post itself (too long, no cover image, a bad link)")
        case "not_configured"?:
            return Localized(vi: "Kênh chưa được thiết lập trên cổng thông tin (quản trị: bientap-portal channel set)",
                             en: "The channel is not set up on the portal (admins: bientap-portal channel set)")
        case "unreadable_answer"?: return Localized(vi: "Không đọc được trả lời của mạng xã hội", en: "The network's answer could not be read")
        default: return Localized(vi: "Bài chưa đăng được", en: "The post did not go out")
        }
    }

    public static func socialHeading(_ id: Int64, channel: String, site: String, status: String, attempts: Int) -> Localized {
        Localized(vi: "Bài đăng \(id) · \(channel) · \(site) · \(status) · đã gửi \(attempts) lần",
                  en: "Post \(id) · \(channel) · \(site) · \(status) · \(attempts) attempts")
    }
    public static func socialDue(_ when: String) -> Localized { Localized(vi: "đến hạn \(when)", en: "due \(when)") }
    public static func socialPostedAt(_ when: String) -> Localized { Localized(vi: "đăng lúc \(when)", en: "posted \(when)") }
    public static func socialLink(_ link: String) -> Localized { Localized(vi: "Liên kết: \(link)", en: "Link: \(link)") }
    public static func socialReason(_ words: String, detail: String) -> Localized {
        detail.isEmpty ? Localized(vi: "Lý do: \(words).", en: "Why: \(words).")
            : Localized(vi: "Lý do: \(words). Mạng xã hội báo: \(detail)", en: "Why: \(words). The network said: \(detail)")
    }
    public static func socialUncertainHint(_ key: String) -> Localized {
        Localized(vi: "Hãy xem trên trang rồi bấm \(key): đã lên (kèm liên kết) hay gửi lại.",
                  en: "Check the page, then press \(key): it is there (with its link) or send it again.")
    }
    public static func socialText(_ text: String) -> Localized { Localized(vi: "Lời đăng: \(text)", en: "Text: \(text)") }
    public static func socialEngagement(views: String, reactions: String, shares: String, at: String) -> Localized {
        Localized(vi: "Lượt xem \(views) · cảm xúc \(reactions) · chia sẻ \(shares) (cập nhật \(at))",
                  en: "Views \(views) · reactions \(reactions) · shares \(shares) (as of \(at))")
    }
    public static let socialRoleRequired = Localized(
        vi: "Hàng đăng mạng xã hội dành cho biên tập viên, người trực đăng bài và quản trị; tài khoản này không có quyền đó.",
        en: "The social queue is for editors, publishers and admins; this account has none of those roles.")

    // Acting on a post.
    public static func socialCannotRetry(_ status: String) -> Localized {
        Localized(vi: "Bài này đang \(status): chỉ thử lại được bài Thất bại hoặc Chưa rõ.",
                  en: "This post is \(status): only a failed or uncertain post can be retried.")
    }
    public static func socialCannotCancel(_ status: String) -> Localized {
        Localized(vi: "Bài này đang \(status): chỉ huỷ được bài Chờ đăng hoặc Chờ thử lại.",
                  en: "This post is \(status): only a queued post or one waiting to retry can be cancelled.")
    }
    public static func socialCannotResolve(_ status: String) -> Localized {
        Localized(vi: "Bài này đang \(status): chỉ bài Chưa rõ mới cần xử lý.", en: "This post is \(status): only an uncertain post needs resolving.")
    }
    public static func socialCannotEdit(_ status: String) -> Localized {
        Localized(vi: "Bài này đang \(status): chỉ sửa lời được bài chưa gửi (Chờ đăng, Chờ thử lại).",
                  en: "This post is \(status): only the text of a post not sent yet (queued, waiting to retry) can change.")
    }
    public static let socialBusy = Localized(vi: "Đang chờ cổng thông tin trả lời về bài này.", en: "Waiting for the portal's answer about this post.")
    public static let cancelPostTitle = Localized(vi: "Huỷ bài đăng", en: "Cancel the post")
    public static func cancelPostMessage(channel: String, title: String) -> Localized {
        Localized(vi: "Huỷ bài đăng lên \(channel) của «\(title)»? Bài sẽ không được đăng; muốn đăng lại phải duyệt lại kênh.",
                  en: "Cancel the \(channel) post of \"\(title)\"? It will not go out; posting it later takes choosing the channel again.")
    }
    public static let cancelPostChoice = Localized(vi: "Huỷ bài đăng", en: "Cancel the post")
    public static let keepPostChoice = Localized(vi: "Giữ lại", en: "Keep it")
    public static let resolveTitle = Localized(vi: "Bài đăng chưa rõ", en: "An uncertain post")
    public static func resolveMessage(channel: String, title: String, reason: String) -> Localized {
        Localized(vi: "«\(title)» có thể đã lên \(channel) (\(reason)). Hãy mở trang xem: nếu đã có thì ghi là đã đăng, kèm liên kết; nếu chưa thì gửi lại. Gửi lại khi bài đã có sẽ đăng hai lần.",
                  en: "\"\(title)\" may be on \(channel) already (\(reason)). Look at the page: if it is there, record it posted with its link; if not, send it again. Sending again when it is there posts it twice.")
    }
    public static let resolvePostedChoice = Localized(vi: "Đã lên trang (nhập liên kết)", en: "It is there (type its link)")
    public static let resolveResendChoice = Localized(vi: "Chưa có, gửi lại", en: "It is not, send again")
    public static func resolvePostedKey(_ language: UILanguage) -> Character { language == .vi ? "d" : "p" }
    public static func resolveResendKey(_ language: UILanguage) -> Character { language == .vi ? "g" : "s" }
    public static let askPostLink = Localized(vi: "Liên kết của bài trên trang (https://…):", en: "The post's link on the page (https://…):")
    public static func badPostLink(_ text: String) -> Localized {
        Localized(vi: "Liên kết phải là địa chỉ http(s) đầy đủ, không phải \"\(text)\".", en: "The link must be a whole http(s) address, not \"\(text)\".")
    }
    public static func editPostTitle(_ id: Int64, channel: String) -> Localized {
        Localized(vi: "Sửa lời đăng — bài \(id) · \(channel)", en: "Edit the text — post \(id) · \(channel)")
    }
    public static let editPostField = Localized(vi: "Lời đăng", en: "Text")
    /// Where a Zalo OA post's text is edited: its limit, and the count so far.
    public static func editZaloPostTitle(_ id: Int64, count: Int, limit: Int) -> Localized {
        Localized(vi: "Sửa lời đăng — bài \(id) · Zalo OA: tối đa \(limit) ký tự, đang có \(count)",
                  en: "Edit the text — post \(id) · Zalo OA: at most \(limit) characters, now \(count)")
    }
    public static func zaloTextTooLong(_ count: Int, limit: Int) -> Localized {
        Localized(vi: "Lời đăng có \(count) ký tự; Zalo OA nhận mô tả tối đa \(limit) ký tự.",
                  en: "The text has \(count) characters; Zalo OA takes a description of at most \(limit).")
    }
    public static let postTextEmpty = Localized(vi: "Lời đăng không được để trống.", en: "The text cannot be empty.")
    public static func postTextTooLong(_ count: Int, limit: Int) -> Localized {
        Localized(vi: "Lời đăng có \(count) ký tự; tối đa \(VietNumber.grouped(limit)).", en: "The text has \(count) characters; at most \(limit).")
    }
}
