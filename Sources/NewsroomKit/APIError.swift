import VietText

/// Stable error codes of the admin API; clients branch on these, never on messages.
public enum APIErrorCode: String, Codable, Sendable, CaseIterable {
    case unauthorized
    case forbidden
    case notFound = "not_found"
    /// The path is served, but not for this method; `Allow` lists those it is served for.
    case methodNotAllowed = "method_not_allowed"
    case badRequest = "bad_request"
    case invalidStatus = "invalid_status"
    case invalidCursor = "invalid_cursor"
    case invalidLimit = "invalid_limit"
    /// A field of the request body is missing, empty where it may not be, or too long.
    case invalidField = "invalid_field"
    /// The body is not the JSON the route takes.
    case invalidJSON = "invalid_json"
    /// A save needs `If-Match` naming the revision it was made from.
    case ifMatchRequired = "if_match_required"
    /// The submission changed since the revision `If-Match` names.
    case staleRevision = "stale_revision"
    /// The action cannot be taken from the submission's status.
    case illegalTransition = "illegal_transition"
    /// An `Idempotency-Key` already used for another request.
    case idempotencyKeyReused = "idempotency_key_reused"
    /// Another user is editing the submission (holds its lease).
    case leaseHeld = "lease_held"
    /// Sign-in refused: unknown name, wrong password, or a wrong or reused code.
    case invalidCredentials = "invalid_credentials"
    /// The password was right; the account also needs its authenticator code.
    case secondFactorRequired = "second_factor_required"
    /// Too many failed sign-ins lately; `Retry-After` says when to try again.
    case tooManyAttempts = "too_many_attempts"
    /// A text field carries NUL or another control character (only tab and newline are text).
    case invalidText = "invalid_text"
    /// The request body is larger than the route takes.
    case payloadTooLarge = "payload_too_large"
    /// Too many creations by this user lately, or one still in progress; `Retry-After` says when.
    case tooManyRequests = "too_many_requests"
    /// The server is receiving as many large bodies as it holds at once; `Retry-After` says when.
    case serverBusy = "server_busy"
    /// A social post breaks its channel's limits (Zalo: title 150, description 300 characters, a cover image).
    case socialPostRefused = "social_post_refused"
    /// The social post's status does not allow the change (edit once sent, retry one that is not failed…).
    case socialPostState = "social_post_state"
    case internalError = "internal_error"

    /// HTTP status the server answers with this code.
    public var httpStatus: Int {
        switch self {
        case .unauthorized, .invalidCredentials, .secondFactorRequired: return 401
        case .tooManyAttempts, .tooManyRequests: return 429
        case .payloadTooLarge: return 413
        case .serverBusy: return 503
        case .forbidden: return 403
        case .notFound: return 404
        case .methodNotAllowed: return 405
        case .badRequest, .invalidStatus, .invalidCursor, .invalidLimit, .invalidField, .invalidJSON, .invalidText, .socialPostRefused: return 400
        case .ifMatchRequired: return 428
        case .staleRevision: return 412
        case .illegalTransition, .leaseHeld, .socialPostState: return 409
        case .idempotencyKeyReused: return 422
        case .internalError: return 500
        }
    }

    /// The human message for this code, in both languages.
    public var message: Localized {
        switch self {
        case .unauthorized:
            return Localized(vi: "Mã truy cập không hợp lệ, đã hết hạn hoặc bị thu hồi.",
                             en: "The access token is invalid, expired or revoked.")
        case .forbidden:
            return Localized(vi: "Tài khoản không có quyền thực hiện thao tác này trên chuyên trang này.",
                             en: "This account may not do that on this site.")
        case .notFound:
            return Localized(vi: "Không tìm thấy mục yêu cầu.", en: "The requested item does not exist.")
        case .methodNotAllowed:
            return Localized(vi: "Địa chỉ này không nhận phương thức HTTP đó; xem tiêu đề Allow.",
                             en: "This address does not take that HTTP method; see the Allow header.")
        case .badRequest:
            return Localized(vi: "Yêu cầu không hợp lệ.", en: "The request is malformed.")
        case .invalidStatus:
            return Localized(vi: "Trạng thái không hợp lệ; dùng các giá trị: " + SubmissionStatus.allCases.map(\.rawValue).joined(separator: ", ") + ".",
                             en: "Unknown status; use: " + SubmissionStatus.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        case .invalidCursor:
            return Localized(vi: "Con trỏ phân trang không hợp lệ.", en: "The page cursor is invalid.")
        case .invalidLimit:
            return Localized(vi: "Số mục mỗi trang phải từ 1 đến 200.", en: "The page size must be between 1 and 200.")
        case .invalidField:
            return Localized(vi: "Dữ liệu gửi lên thiếu, trống hoặc quá dài.", en: "A field is missing, empty or too long.")
        case .invalidJSON:
            return Localized(vi: "Nội dung gửi lên không phải JSON hợp lệ.", en: "The request body is not valid JSON.")
        case .ifMatchRequired:
            return Localized(vi: "Cần gửi kèm If-Match: phiên bản bài đã sửa từ đó.",
                             en: "If-Match is required: the revision the edit was made from.")
        case .staleRevision:
            return Localized(vi: "Bài đã được người khác lưu sau khi bạn mở; hãy hợp nhất thay đổi.",
                             en: "Someone saved the item after you opened it; merge the changes.")
        case .illegalTransition:
            return Localized(vi: "Không thể làm thao tác này với bài ở trạng thái hiện tại.",
                             en: "That action is not possible from the item's status.")
        case .leaseHeld:
            return Localized(vi: "Bài đang được người khác biên tập.", en: "Someone else is editing the item.")
        case .idempotencyKeyReused:
            return Localized(vi: "Idempotency-Key này đã dùng cho một yêu cầu khác.",
                             en: "This Idempotency-Key was used for another request.")
        case .invalidCredentials:
            return Localized(vi: "Sai tên đăng nhập, mật khẩu hoặc mã xác thực.",
                             en: "Wrong login name, password or authentication code.")
        case .secondFactorRequired:
            return Localized(vi: "Tài khoản này cần thêm mã từ ứng dụng xác thực.",
                             en: "This account also needs the code from its authenticator app.")
        case .tooManyAttempts:
            return Localized(vi: "Đăng nhập sai quá nhiều lần; hãy thử lại sau.",
                             en: "Too many failed sign-ins; try again later.")
        case .invalidText:
            return Localized(vi: "Văn bản có ký tự điều khiển (như NUL) không được phép; chỉ nhận tab và xuống dòng.",
                             en: "The text holds a control character (such as NUL); only tab and newline are allowed.")
        case .payloadTooLarge:
            return Localized(vi: "Nội dung gửi lên quá lớn.", en: "The request body is too large.")
        case .tooManyRequests:
            return Localized(vi: "Gửi quá nhiều bài trong thời gian ngắn; hãy thử lại sau.",
                             en: "Too many submissions in a short time; try again later.")
        case .serverBusy:
            return Localized(vi: "Cổng thông tin đang bận nhận dữ liệu; hãy thử lại sau giây lát.",
                             en: "The portal is busy receiving uploads; try again in a moment.")
        case .socialPostRefused:
            return Localized(vi: "Bài đăng không hợp với giới hạn của kênh (Zalo OA: tiêu đề tối đa 150 ký tự, mô tả tối đa 300 ký tự, phải có ảnh bìa).",
                             en: "The post does not fit the channel's limits (Zalo OA: title at most 150 characters, description at most 300, a cover image required).")
        case .socialPostState:
            return Localized(vi: "Bài đăng mạng xã hội đang ở trạng thái không cho phép thao tác này.",
                             en: "The social post's status does not allow that.")
        case .internalError:
            return Localized(vi: "Lỗi nội bộ của cổng thông tin.", en: "Internal portal error.")
        }
    }
}

/// The one error shape of the admin API: `{"error": {"code", "message", "message_en"}}`.
public struct APIErrorBody: Codable, Sendable, Hashable, Error {
    public struct Payload: Codable, Sendable, Hashable {
        public var code: String
        public var message: String
        public var messageEn: String

        public init(code: String, message: String, messageEn: String) {
            self.code = code
            self.message = message
            self.messageEn = messageEn
        }
    }

    public var error: Payload
    /// The royalty batch a 409 is about (a month closed, or paid, already), so the client
    /// need not ask for it again; nil for any other error.
    public var batch: RoyaltyBatch?

    public init(code: APIErrorCode, detail: String? = nil, batch: RoyaltyBatch? = nil) {
        let m = code.message
        let suffix = detail.map { " (\($0))" } ?? ""
        error = Payload(code: code.rawValue, message: m.vi + suffix, messageEn: m.en + suffix)
        self.batch = batch
    }

    /// The message in `language`.
    public func message(in language: UILanguage) -> String {
        language == .en ? error.messageEn : error.message
    }
}
