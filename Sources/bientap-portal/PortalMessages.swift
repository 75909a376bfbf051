import Foundation
import PortalServer
import VietText

/// What the commands print on standard output. Names, paths and addresses in it came from an
/// operator or the database, so whatever a terminal would act on is shown visibly instead.
enum PortalOutput {
    static func say(_ text: String) { print(TerminalSafeText.lines(text)) }

    /// One row of a listing: its cells between tabs, a tab or line break inside a cell shown.
    static func row(_ cells: [String]) { print(cells.map(TerminalSafeText.line).joined(separator: "\t")) }
}

/// What `bientap-portal` says to its operator: Vietnamese, or English with LANG=en*.
enum PortalMessages {
    static let language = UILanguage.fromEnvironment(ProcessInfo.processInfo.environment)

    private static func say(_ vi: String, _ en: String) -> String { Localized(vi: vi, en: en)(language) }

    static func unknownChannel(_ name: String) -> String {
        say("không có kênh '\(name)'; dùng zalo hoặc facebook", "no channel '\(name)'; use zalo or facebook")
    }
    static func channelNeedsToken(_ name: String) -> String {
        say("kênh \(name) chưa có mã truy cập: hãy đưa --access-token (hoặc BIENTAP_CHANNEL_ACCESS_TOKEN)",
            "the \(name) channel has no access token yet: give --access-token (or BIENTAP_CHANNEL_ACCESS_TOKEN)")
    }
    static func channelSet(_ name: String, token: String) -> String {
        say("Đã lưu kênh \(name) (mã truy cập \(token)).", "The \(name) channel is stored (access token \(token)).")
    }
    static func badDatabase(_ db: String, _ detail: String) -> String {
        say("cơ sở dữ liệu không hợp lệ '\(db)': \(detail)", "invalid database '\(db)': \(detail)")
    }
    static func cannotOpen(_ db: String, _ detail: String) -> String {
        say("không mở được cơ sở dữ liệu \(db): \(detail)", "cannot open the database \(db): \(detail)")
    }
    static func badListen(_ text: String) -> String {
        say("địa chỉ lắng nghe không hợp lệ '\(text)'; dùng HOST:PORT, ví dụ 127.0.0.1:8080",
            "invalid listen address '\(text)'; use HOST:PORT, e.g. 127.0.0.1:8080")
    }
    static func cannotListen(_ text: String, _ detail: String) -> String {
        say("không lắng nghe được trên \(text): \(detail)", "cannot listen on \(text): \(detail)")
    }
    static func migrated(_ db: String) -> String {
        say("Cơ sở dữ liệu \(db) đã ở phiên bản mới nhất.", "The database \(db) is up to date.")
    }
    static let seedNeedsSample = say("hãy nói rõ dữ liệu cần nạp: seed --sample, rồi seed --bulk SỐ_BÀI nếu cần",
                                     "say what to seed: seed --sample, then seed --bulk COUNT if needed")
    static func seededBulk(_ n: Int) -> String { say("Đã thêm \(n) bài.", "Added \(n) submissions.") }
    static func seeded(_ s: Seeder.Summary) -> String {
        say("Đã nạp dữ liệu mẫu: \(s.sites) chuyên trang, \(s.contributors) tác giả, \(s.submissions) bài.",
            "Sample loaded: \(s.sites) sites, \(s.contributors) contributors, \(s.submissions) submissions.")
    }
    static func alreadySeeded(_ count: Int) -> String {
        say("cơ sở dữ liệu đã có \(count) bài; hãy nạp mẫu vào một cơ sở dữ liệu mới",
            "the database already holds \(count) submissions; seed a fresh one")
    }
    static func unknownRole(_ role: String) -> String {
        say("vai trò không hợp lệ '\(role)'; dùng: contributor, editor, publisher, accountant, admin",
            "unknown role '\(role)'; use: contributor, editor, publisher, accountant, admin")
    }
    static func badUserName(_ name: String) -> String {
        say("tên đăng nhập không hợp lệ '\(name)' (không được rỗng hay chứa khoảng trắng)",
            "invalid login name '\(name)' (must be non-empty, without spaces)")
    }
    static func unknownSite(_ code: String, known: [String]) -> String {
        say("không có chuyên trang '\(code)'; các mã hiện có: \(known.joined(separator: ", "))",
            "unknown site '\(code)'; known codes: \(known.joined(separator: ", "))")
    }
    static func userExists(_ name: String) -> String {
        say("đã có tài khoản '\(name)'", "a user named '\(name)' already exists")
    }
    static func userCreated(_ name: String, role: String, sites: [String]) -> String {
        let scope = sites.isEmpty ? say("mọi chuyên trang", "every site") : sites.joined(separator: ", ")
        return say("Đã tạo tài khoản \(name) (\(role), \(scope)). Mã truy cập (chỉ hiện một lần):",
                   "Created \(name) (\(role), \(scope)). Access token (shown once):")
    }
    static func unknownUser(_ name: String) -> String {
        say("không có tài khoản '\(name)'", "no user named '\(name)'")
    }
    static let passwordPrompt = say("Mật khẩu mới: ", "New password: ")
    static let passwordAgain = say("Nhập lại mật khẩu: ", "Password again: ")
    static let passwordsDiffer = say("hai lần nhập mật khẩu không khớp", "the two passwords differ")
    static func passwordTooShort(_ n: Int) -> String {
        say("mật khẩu phải dài ít nhất \(n) ký tự", "the password must be at least \(n) characters long")
    }
    static func passwordSet(_ name: String) -> String {
        say("Đã đặt mật khẩu cho \(name); mọi phiên đăng nhập cũ đã bị đăng xuất.",
            "Password set for \(name); every earlier session is signed out.")
    }
    static func granted(_ name: String, _ count: Int) -> String {
        say("Đã cấp \(count) quyền mới cho \(name).", "Granted \(count) new role(s) to \(name).")
    }
    static func unlocked(_ name: String, _ count: Int) -> String {
        say("Đã xoá \(count) lần đăng nhập sai của \(name).", "Forgot \(count) failed sign-in(s) of \(name).")
    }
    static func revoked(_ name: String, _ count: Int) -> String {
        say("Đã thu hồi \(count) quyền của \(name).", "Revoked \(count) role(s) from \(name).")
    }
    static let revokeWhat = say("hãy nói rõ cần thu hồi gì: --role VAI_TRÒ [--site MÃ] hoặc --tokens",
                                "say what to revoke: --role ROLE [--site CODE] or --tokens")
    static func tokensRevoked(_ name: String, _ count: Int) -> String {
        say("Đã thu hồi \(count) mã truy cập của \(name).", "Revoked \(count) token(s) of \(name).")
    }
    static let hasPassword = say("mật khẩu", "password")
    static func liveTokens(_ n: Int) -> String { say("\(n) mã còn hiệu lực", "\(n) live token(s)") }
    static func badDays(_ n: Int) -> String { say("số ngày không hợp lệ \(n) (1 đến 366)", "invalid number of days \(n) (1 to 366)") }
    static func tokenIssued(_ name: String, until: Date) -> String {
        let date = ISO8601DateFormatter().string(from: until)
        return say("Mã truy cập mới của \(name), hiệu lực đến \(date) (chỉ hiện một lần):",
                   "New access token for \(name), valid until \(date) (shown once):")
    }
    static func secondFactorOn(_ name: String, secret: String) -> String {
        say("Đã bật xác thực hai lớp cho \(name). Khóa bí mật: \(secret). Quét địa chỉ dưới đây bằng ứng dụng xác thực:",
            "Second factor on for \(name). Secret: \(secret). Add the address below to an authenticator app:")
    }
    static func secondFactorOff(_ name: String) -> String {
        say("Đã tắt xác thực hai lớp của \(name).", "Second factor off for \(name).")
    }
    static func badRateTable(_ file: String, _ detail: String) -> String {
        say("bảng nhuận bút không hợp lệ trong \(file): \(detail)", "invalid rate table in \(file): \(detail)")
    }
    static func rateTableAdded(_ name: String, site: String?, from day: String) -> String {
        let scope = site ?? say("mọi chuyên trang", "every site")
        return say("Đã thêm bảng nhuận bút \"\(name)\" (\(scope)), áp dụng từ \(day).",
                   "Added the rate table \"\(name)\" (\(scope)), in force from \(day).")
    }
    static func badOption(_ option: String, _ value: String) -> String {
        say("giá trị không hợp lệ cho \(option): '\(value)'", "invalid value for \(option): '\(value)'")
    }
}
