import NewsroomKit
import VietText

/// Every word the contributors' door prints: Vietnamese, or English when the browser
/// prefers it (`BrowserLanguage`). One catalogue, beside the public pages' `PageWords`.
public struct DoorWords: Sendable {
    /// `vi` or `en`, for `<html lang>`.
    public var language: String
    public var door: String
    public var signInHeading: String
    public var signInIntro: String
    public var loginName: String
    public var password: String
    public var code: String
    public var codeHint: String
    public var signIn: String
    public var signOut: String
    public var myItems: String
    public var newItem: String
    public var noItems: String
    public var title: String
    public var site: String
    public var status: String
    public var received: String
    public var words: String
    public var category: String
    public var sapo: String
    public var body: String
    public var bodyHint: String
    public var photos: String
    public var photosHint: String
    public var photoFile: String
    public var caption: String
    public var credit: String
    public var coAuthors: String
    public var coAuthorsHint: String
    public var nobody: String
    public var share: String
    /// The buttons that give the form more photo and co-author rows (the text typed is kept).
    public var morePhotos: String
    public var moreCoAuthors: String
    public var preview: String
    public var submit: String
    public var wordCount: String
    public var photosAgain: String
    public var notes: String
    public var noNotes: String
    public var answer: String
    public var answerNote: String
    public var sendAnswer: String
    public var withdraw: String
    public var withdrawHint: String
    public var resubmitHeading: String
    public var resubmitNote: String
    public var resubmit: String
    public var back: String
    public var sessionExpired: String
    public var formExpired: String
    public var formExpiredText: String
    public var notFound: String
    public var notFoundText: String
    public var invalidCredentials: String
    public var secondFactorRequired: String
    public var noSites: String
    public var submitted: String
    public var answered: String
    public var withdrawn: String
    public var resubmitted: String
    public var alreadySent: String
    public var changedMeanwhile: String
    public var notPossibleNow: String
    public var emptyNote: String
    public var busy: String
    public var tooLarge: String
    public var malformed: String
    public var badSite: String
    public var badShare: String
    public var badCoAuthor: String
    public var you: String

    public static func of(_ language: UILanguage) -> DoorWords { language == .en ? english : vietnamese }

    public static let vietnamese = DoorWords(
        language: "vi", door: "Cổng cộng tác viên",
        signInHeading: "Đăng nhập",
        signInIntro: "Dùng tài khoản cộng tác viên mà Ban Biên tập đã cấp cho bạn.",
        loginName: "Tên đăng nhập", password: "Mật khẩu", code: "Mã xác thực",
        codeHint: "Chỉ khi tài khoản có bật xác thực hai lớp: 6 chữ số trong ứng dụng xác thực.",
        signIn: "Đăng nhập", signOut: "Đăng xuất", myItems: "Bài của tôi", newItem: "Gửi bài mới",
        noItems: "Bạn chưa gửi bài nào.", title: "Tiêu đề", site: "Chuyên trang", status: "Trạng thái", received: "Ngày gửi",
        words: "Số chữ", category: "Thể loại", sapo: "Sapo", body: "Nội dung",
        bodyHint: "Viết thành các đoạn văn thường; để một dòng trống giữa hai đoạn.",
        photos: "Ảnh", photosHint: "JPEG, PNG, WebP hoặc GIF; mỗi ảnh tối đa 8 MB, tổng cộng tối đa 20 MB.",
        photoFile: "Tệp ảnh", caption: "Chú thích", credit: "Tác giả ảnh",
        coAuthors: "Đồng tác giả",
        coAuthorsHint: "Người cùng viết bài và phần nhuận bút của họ (%); phần còn lại là của bạn. Ban Biên tập sẽ xác nhận khi duyệt.",
        nobody: "— không có —", share: "Tỷ lệ (%)",
        morePhotos: "Thêm ô ảnh (tối đa \(SubmissionDraft.attachmentLimit))",
        moreCoAuthors: "Thêm đồng tác giả (tối đa \(CoAuthorShare.limit))", preview: "Xem trước và đếm chữ", submit: "Gửi bài",
        wordCount: "Số chữ (sapo và nội dung, cách đếm của Ban Biên tập)",
        photosAgain: "Ảnh chưa được gửi: hãy chọn lại tệp ảnh trước khi gửi bài.",
        notes: "Ghi chú của Ban Biên tập", noNotes: "Chưa có ghi chú nào.", answer: "Trả lời",
        answerNote: "Trả lời Ban Biên tập", sendAnswer: "Gửi trả lời",
        withdraw: "Rút bài", withdrawHint: "Rút bài khỏi hàng chờ duyệt; không thể hoàn tác.",
        resubmitHeading: "Sửa và gửi lại", resubmitNote: "Bạn đã sửa những gì (không bắt buộc)", resubmit: "Gửi lại",
        back: "← Bài của tôi",
        sessionExpired: "Phiên đăng nhập đã hết hạn. Những gì bạn đã gõ vẫn còn dưới đây: hãy đăng nhập lại rồi gửi.",
        formExpired: "Biểu mẫu không hợp lệ",
        formExpiredText: "Biểu mẫu đã hết hạn hoặc không được gửi từ trang này, nên không có gì được lưu. Hãy mở lại trang và gửi lại.",
        notFound: "Không tìm thấy bài", notFoundText: "Không có bài này trong số bài của bạn.",
        invalidCredentials: "Sai tên đăng nhập, mật khẩu hoặc mã xác thực.",
        secondFactorRequired: "Tài khoản này cần thêm mã từ ứng dụng xác thực.",
        noSites: "Tài khoản này chưa được phép gửi bài cho chuyên trang nào; hãy liên hệ Ban Biên tập.",
        submitted: "Đã gửi bài. Ban Biên tập sẽ xem và trả lời tại đây.", answered: "Đã gửi trả lời.", withdrawn: "Đã rút bài.",
        resubmitted: "Đã gửi lại bài.",
        alreadySent: "Biểu mẫu này đã được gửi trước đó với nội dung khác. Nếu đây là một bài mới, hãy bấm Gửi bài lần nữa.",
        changedMeanwhile: "Bài vừa được Ban Biên tập thay đổi; hãy xem lại rồi làm lại.",
        notPossibleNow: "Không thể làm việc này với bài ở trạng thái hiện tại.",
        emptyNote: "Hãy viết nội dung trả lời.",
        busy: "Máy chủ đang bận nhận tệp; hãy thử lại sau ít giây.",
        tooLarge: "Nội dung gửi lên quá lớn: mỗi ảnh tối đa 8 MB, tổng cộng tối đa 20 MB.",
        malformed: "Trình duyệt gửi biểu mẫu không đúng định dạng.",
        badSite: "Hãy chọn một chuyên trang bạn được phép gửi bài.",
        badShare: "Tỷ lệ của đồng tác giả phải từ 1 đến 99%, mỗi người một lần, và tổng phải dưới 100%.",
        badCoAuthor: "Không thể ghi người này làm đồng tác giả.", you: "Bạn")

    public static let english = DoorWords(
        language: "en", door: "Contributors' door",
        signInHeading: "Sign in",
        signInIntro: "Use the contributor account the editorial board gave you.",
        loginName: "Login name", password: "Password", code: "Authentication code",
        codeHint: "Only when the account has two-step sign-in: the 6 digits in the authenticator app.",
        signIn: "Sign in", signOut: "Sign out", myItems: "My items", newItem: "Submit an item",
        noItems: "You have not submitted anything yet.", title: "Title", site: "Site", status: "Status", received: "Received",
        words: "Words", category: "Category", sapo: "Sapo", body: "Body",
        bodyHint: "Write plain paragraphs; leave an empty line between two paragraphs.",
        photos: "Photos", photosHint: "JPEG, PNG, WebP or GIF; at most 8 MB a photo, 20 MB in all.",
        photoFile: "Photo file", caption: "Caption", credit: "Photographer",
        coAuthors: "Co-authors",
        coAuthorsHint: "People who wrote the item with you and their share of the royalty (%); the rest is yours. Editors confirm it when approving.",
        nobody: "— nobody —", share: "Share (%)",
        morePhotos: "More photos (up to \(SubmissionDraft.attachmentLimit))",
        moreCoAuthors: "More co-authors (up to \(CoAuthorShare.limit))", preview: "Preview and count words", submit: "Submit",
        wordCount: "Words (sapo and body, counted as the desk counts)",
        photosAgain: "The photos were not sent: choose the files again before submitting.",
        notes: "Editors' notes", noNotes: "No notes yet.", answer: "Answer",
        answerNote: "Answer the editors", sendAnswer: "Send the answer",
        withdraw: "Withdraw", withdrawHint: "Takes the item out of the review queue; this cannot be undone.",
        resubmitHeading: "Edit and resubmit", resubmitNote: "What you changed (optional)", resubmit: "Resubmit",
        back: "← My items",
        sessionExpired: "Your session has expired. What you typed is kept below: sign in again, then send.",
        formExpired: "Form not accepted",
        formExpiredText: "The form has expired or was not sent from this page, so nothing was saved. Open the page again and resend.",
        notFound: "No such item", notFoundText: "This item is not among yours.",
        invalidCredentials: "Wrong login name, password or authentication code.",
        secondFactorRequired: "This account also needs the code from its authenticator app.",
        noSites: "This account may not submit to any site yet; ask the editorial board.",
        submitted: "Submitted. The editors will review it and answer here.", answered: "Answer sent.", withdrawn: "Item withdrawn.",
        resubmitted: "Item resubmitted.",
        alreadySent: "This form was already sent with other content. If this is a new item, press Submit again.",
        changedMeanwhile: "The editors have just changed the item; look at it again, then redo.",
        notPossibleNow: "That is not possible from the item's status.",
        emptyNote: "Write the answer first.",
        busy: "The server is busy receiving files; try again in a few seconds.",
        tooLarge: "Too much was sent: at most 8 MB a photo, 20 MB in all.",
        malformed: "The browser sent a malformed form.",
        badSite: "Choose a site you may submit to.",
        badShare: "A co-author's share is 1 to 99 %, each person once, together under 100 %.",
        badCoAuthor: "This person cannot be named as a co-author.", you: "You")

    /// A status in words.
    public func name(of status: SubmissionStatus) -> String {
        let en = language == "en"
        switch status {
        case .submitted: return en ? "Submitted, waiting for review" : "Đã gửi, chờ duyệt"
        case .inReview: return en ? "Being edited" : "Đang biên tập"
        case .returned: return en ? "Returned for changes" : "Trả lại để sửa"
        case .resubmitted: return en ? "Resubmitted, waiting for review" : "Đã gửi lại, chờ duyệt"
        case .approved: return en ? "Approved" : "Đã duyệt"
        case .scheduled: return en ? "Scheduled for publication" : "Đã hẹn giờ đăng"
        case .published: return en ? "Published" : "Đã đăng"
        case .rejected: return en ? "Not used" : "Không sử dụng"
        case .withdrawn: return en ? "Withdrawn" : "Đã rút"
        case .unpublished: return en ? "Taken down" : "Đã gỡ xuống"
        }
    }

    /// A category as the form offers it.
    public func name(of category: NewsroomKit.Category) -> String {
        PageWords.of(language: language).name(of: category)
    }

    /// The label of a form field, as the door names it (`title`, `caption2`) or the API does (`attachments[1].caption`).
    public func label(ofField field: String) -> String {
        if field.hasPrefix("attachments[") {
            let index = Int(field.dropFirst("attachments[".count).prefix(while: \.isNumber)) ?? 0
            let part = field.split(separator: ".").last.map(String.init) ?? ""
            return label(ofField: (part == "caption" || part == "credit" ? part : "photo") + String(index + 1))
        }
        let base = String(field.prefix(while: { !$0.isNumber }))
        let number = field.dropFirst(base.count)
        let suffix = number.isEmpty ? "" : " " + number
        switch base {
        case "title": return title
        case "sapo": return sapo
        case "body": return body
        case "answer": return answer
        case "note": return resubmitNote
        case "site": return site
        case "category": return category
        case "caption": return caption + suffix
        case "credit": return credit + suffix
        case "photo": return photoFile + suffix
        case "coauthor", "co_authors": return coAuthors + suffix
        default: return field
        }
    }

    /// A control character in a field.
    public func controlCharacter(_ scalar: String, field: String) -> String {
        language == "en"
            ? "“\(label(ofField: field))” holds a control character (\(scalar)) that text may not: remove it."
            : "Trường “\(label(ofField: field))” có ký tự điều khiển (\(scalar)) không được phép: hãy xoá nó."
    }

    /// A field missing, empty or over its limit.
    public func invalid(field: String, detail: String) -> String {
        language == "en" ? "“\(label(ofField: field))” is not acceptable: \(detail)."
            : "Trường “\(label(ofField: field))” không hợp lệ: \(detail)."
    }

    public func emptyTitle() -> String { language == "en" ? "The title may not be empty." : "Tiêu đề không được để trống." }

    public func tooLong(field: String, limit: Int) -> String {
        language == "en" ? "“\(label(ofField: field))” is longer than \(limit) characters."
            : "Trường “\(label(ofField: field))” dài quá \(limit) ký tự."
    }

    public func notAnImage(photo: Int) -> String {
        language == "en" ? "Photo \(photo) is not a JPEG, PNG, WebP or GIF image."
            : "Ảnh \(photo) không phải ảnh JPEG, PNG, WebP hay GIF."
    }

    public func tooManyPhotos(_ limit: Int) -> String {
        language == "en" ? "At most \(limit) photos an item." : "Mỗi bài tối đa \(limit) ảnh."
    }

    public func retryAfter(_ seconds: Int) -> String {
        language == "en" ? "Too many tries; wait \(seconds) seconds and try again."
            : "Thử quá nhiều lần; hãy chờ \(seconds) giây rồi thử lại."
    }

    public func creationsPerHour(_ limit: Int, wait seconds: Int) -> String {
        language == "en" ? "At most \(limit) items an hour; the next one fits in \(seconds) seconds."
            : "Mỗi giờ gửi tối đa \(limit) bài; bài tiếp theo gửi được sau \(seconds) giây."
    }

    public func photoNumber(_ n: Int) -> String { language == "en" ? "Photo \(n)" : "Ảnh \(n)" }

    public func coAuthorNumber(_ n: Int) -> String { language == "en" ? "Co-author \(n)" : "Đồng tác giả \(n)" }

    public func itemHeading(_ id: Int64) -> String { language == "en" ? "Item #\(id)" : "Bài số \(id)" }
}
