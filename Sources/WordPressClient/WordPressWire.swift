import Foundation
import NewsroomKit

/// `GET /wp-json/`: the site's name, time zone and the API namespaces it serves.
struct WPIndex: Decodable {
    var name: String?
    var namespaces: [String]?
    var timezone_string: String?
    var gmt_offset: Double?

    enum CodingKeys: String, CodingKey { case name, namespaces, timezone_string, gmt_offset }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        namespaces = try c.decodeIfPresent([String].self, forKey: .namespaces)
        timezone_string = try c.decodeIfPresent(String.self, forKey: .timezone_string)
        // WordPress writes the offset as a number, or as a string on some sites.
        if let number = try? c.decodeIfPresent(Double.self, forKey: .gmt_offset) {
            gmt_offset = number
        } else {
            gmt_offset = (try? c.decodeIfPresent(String.self, forKey: .gmt_offset)).flatMap { $0.flatMap(Double.init) }
        }
    }

    /// The site's time zone: its named zone, else its fixed offset, else UTC.
    var timeZone: TimeZone {
        if let name = timezone_string, !name.isEmpty, let zone = TimeZone(identifier: name) { return zone }
        return TimeZone(secondsFromGMT: Int((gmt_offset ?? 0) * 3600)) ?? TimeZone(secondsFromGMT: 0) ?? .current
    }
}

/// A field WordPress sends as `{raw, rendered}` in the edit context.
struct WPText: Decodable, Equatable {
    var raw: String?
}

/// Who holds a post's lock, as the bientap plugin tells it.
struct WPLock: Decodable, Equatable {
    var user: Int64
    var login: String
    var name: String
    var time: Int64
    var expires: Int64

    var lease: Lease {
        Lease(holder: login, holderName: name.isEmpty ? login : name, acquiredAt: Date(timeIntervalSince1970: TimeInterval(time)),
              expiresAt: Date(timeIntervalSince1970: TimeInterval(expires)))
    }
}

/// The answer when someone else holds the lock (409).
struct WPLockHeld: Decodable {
    var lock: WPLock
}

struct WPAuthor: Decodable, Equatable {
    var login: String
    var name: String
}

/// A post in the edit context, with the fields the desk asks for (`_fields`).
struct WPPost: Decodable {
    var id: Int64
    var date_gmt: String?
    var modified_gmt: String?
    var status: String
    var author: Int64?
    var title: WPText?
    var excerpt: WPText?
    var content: WPText?
    var bientap_lock: WPLock?
    var bientap_author: WPAuthor?

    /// Fields of a list row, and of a whole post.
    static let listFields = "id,date_gmt,modified_gmt,status,author,title.raw,bientap_lock,bientap_author"
    static let fullFields = listFields + ",excerpt.raw,content.raw"

    var modified: Date? { modified_gmt.flatMap(WordPressDate.parse) }
    var date: Date? { date_gmt.flatMap(WordPressDate.parse) }

    /// Title, excerpt and content as stored, one string (nil when not all were asked for).
    var storedText: String? {
        guard let title = title?.raw, let excerpt = excerpt?.raw, let content = content?.raw else { return nil }
        return title + "\u{0}" + excerpt + "\u{0}" + content
    }

    /// The desk's revision number: `modified_gmt` in seconds since 1970.
    var revision: Int { Int(modified?.timeIntervalSince1970 ?? 0) }
}

/// A revision of a post (`wp/v2/posts/{id}/revisions`, edit context).
struct WPRevision: Decodable {
    var id: Int64
    var author: Int64?
    var date_gmt: String?
    var modified_gmt: String?
    var title: WPText?
    var excerpt: WPText?
    var content: WPText?
}

/// `GET wp/v2/users/me?context=edit`.
struct WPUser: Decodable {
    var id: Int64
    var username: String?
    var name: String?
    var roles: [String]?
}

/// A comment (the board's notes are held comments: never shown on the site).
struct WPComment: Decodable {
    var id: Int64
    var parent: Int64?
    var author: Int64?
    var author_name: String?
    var date_gmt: String?
    var content: WPText?
}

/// `wp/v2/users/me/application-passwords/introspect`: the password this client signs in with.
struct WPApplicationPassword: Decodable {
    var uuid: String
}

/// WordPress' error answer: `{"code": "rest_forbidden", "message": "…", "data": {"status": 403}}`.
struct WPError: Decodable {
    var code: String
    var message: String?

    /// In the API's error shape, the desk's code for the status WordPress answered with; the
    /// message is WordPress' own (in the site's language).
    func apiError(status: Int) -> APIErrorBody {
        let desk: APIErrorCode
        switch status {
        case 401: desk = .unauthorized
        case 403: desk = .forbidden
        case 404: desk = .notFound
        default: desk = .badRequest
        }
        var body = APIErrorBody(code: desk)
        let said = (message ?? code).trimmingCharacters(in: .whitespacesAndNewlines)
        body.error = APIErrorBody.Payload(code: desk.rawValue, message: said + " (\(code))", messageEn: said + " (\(code))")
        return body
    }
}

/// WordPress' `*_gmt` times: `2026-12-05T18:56:43`, UTC without a zone.
enum WordPressDate {
    static func parse(_ text: String) -> Date? {
        try? Date(text + "Z", strategy: .iso8601)
    }

    static func format(_ date: Date) -> String {
        String(date.formatted(.iso8601).prefix(19))
    }
}
