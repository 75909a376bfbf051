import NewsroomKit

/// Every word the public pages print besides the items' own: Vietnamese, or English for a
/// site in English. One catalogue, as the desk's Strings.swift is for the terminal.
public struct PageWords: Sendable {
    /// `vi` or `en`.
    public var language: String
    public var categories: String
    public var documentNumber: String
    public var nothingYet: String
    public var pages: String
    public var newer: String
    public var older: String
    public var latest: String
    public var sites: String
    public var backHome: String
    public var notFound: String
    public var notFoundText: String
    public var removed: String
    public var removedText: String
    public var homeTitle: String
    /// Before a corrected item's date and note: "Đính chính lúc 06/12/2026 10:00: …".
    public var correction: String

    public static let vietnamese = PageWords(
        language: "vi",
        categories: "Chuyên mục", documentNumber: "Số hiệu", nothingYet: "Chưa có bài nào.",
        pages: "Trang", newer: "← Mới hơn", older: "Cũ hơn →", latest: "Tin mới nhất", sites: "Các trang thành viên",
        backHome: "Về trang chủ", notFound: "Không tìm thấy trang",
        notFoundText: "Địa chỉ này không có bài nào. Có thể bài chưa được đăng hoặc địa chỉ bị gõ sai.",
        removed: "Bài đã được gỡ", removedText: "Bài viết này đã được gỡ khỏi trang và không còn được đăng.",
        homeTitle: "Trang chủ", correction: "Đính chính lúc")

    public static let english = PageWords(
        language: "en",
        categories: "Sections", documentNumber: "Number", nothingYet: "Nothing published yet.",
        pages: "Pages", newer: "← Newer", older: "Older →", latest: "Latest", sites: "Member sites",
        backHome: "Home", notFound: "Page not found",
        notFoundText: "Nothing is published at this address. It may not be published yet, or the address is mistyped.",
        removed: "Removed", removedText: "This article has been taken down and is no longer published.",
        homeTitle: "Home", correction: "Corrected on")

    public static func of(language: String) -> PageWords { language == "en" ? english : vietnamese }

    /// A category's name on the pages.
    public func name(of category: NewsroomKit.Category) -> String {
        let english = language == "en"
        switch category {
        case .news: return english ? "News" : "Tin tức"
        case .article: return english ? "Articles" : "Bài viết"
        case .photoStory: return english ? "Photo stories" : "Phóng sự ảnh"
        case .document: return english ? "Documents" : "Văn bản"
        }
    }
}

extension NewsroomKit.Category {
    /// Its part of a public address: `/SITE/chuyen-muc/tin-tuc`.
    public var publicSlug: String {
        switch self {
        case .news: return "tin-tuc"
        case .article: return "bai-viet"
        case .photoStory: return "phong-su-anh"
        case .document: return "van-ban"
        }
    }

    public init?(publicSlug: String) {
        guard let found = Self.allCases.first(where: { $0.publicSlug == publicSlug }) else { return nil }
        self = found
    }
}
