import VietText

/// Stable error codes of the admin API; clients branch on these, never on messages.
public enum APIErrorCode: String, Codable, Sendable, CaseIterable {
    case unauthorized
    case forbidden
    case notFound = "not_found"
    case badRequest = "bad_request"
    case invalidStatus = "invalid_status"
    case invalidCursor = "invalid_cursor"
    case invalidLimit = "invalid_limit"
    case internalError = "internal_error"

    /// HTTP status the server answers with this code.
    public var httpStatus: Int {
        switch self {
        case .unauthorized: return 401
        case .forbidden: return 403
        case .notFound: return 404
        case .badRequest, .invalidStatus, .invalidCursor, .invalidLimit: return 400
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
        case .badRequest:
            return Localized(vi: "Yêu cầu không hợp lệ.", en: "The request is malformed.")
        case .invalidStatus:
            return Localized(vi: "Trạng thái không hợp lệ; dùng các giá trị: " + SubmissionStatus.allCases.map(\.rawValue).joined(separator: ", ") + ".",
                             en: "Unknown status; use: " + SubmissionStatus.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        case .invalidCursor:
            return Localized(vi: "Con trỏ phân trang không hợp lệ.", en: "The page cursor is invalid.")
        case .invalidLimit:
            return Localized(vi: "Số mục mỗi trang phải từ 1 đến 200.", en: "The page size must be between 1 and 200.")
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

    public init(code: APIErrorCode, detail: String? = nil) {
        let m = code.message
        let suffix = detail.map { " (\($0))" } ?? ""
        error = Payload(code: code.rawValue, message: m.vi + suffix, messageEn: m.en + suffix)
    }

    /// The message in `language`.
    public func message(in language: UILanguage) -> String {
        language == .en ? error.messageEn : error.message
    }
}
