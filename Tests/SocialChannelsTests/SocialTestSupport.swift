#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SocialChannels
import SocialFakes
import XCTest

extension FacebookFake {
    func credentials() -> ChannelCredentials {
        ChannelCredentials(baseURL: baseURL, accountID: pageID, accessToken: pageToken)
    }
}

extension ZaloFake {
    func credentials(expiresAt: Date? = nil) -> ChannelCredentials {
        ChannelCredentials(baseURL: baseURL, accountID: oaID, accessToken: accessToken, refreshToken: refreshToken,
                           appID: appID, appSecret: secretKey, accessTokenExpiresAt: expiresAt)
    }
}

/// What a test asserts of an outcome, without spelling the enum out each time.
extension SendOutcome {
    var failure: SendFailure? {
        switch self {
        case .posted: return nil
        case .transient(let failure, _), .permanent(let failure), .uncertain(let failure): return failure
        }
    }

    var isPosted: Bool { if case .posted = self { return true } else { return false } }
    var isTransient: Bool { if case .transient = self { return true } else { return false } }
    var isPermanent: Bool { if case .permanent = self { return true } else { return false } }
    var isUncertain: Bool { if case .uncertain = self { return true } else { return false } }

    var retryAfter: Duration? {
        if case .transient(_, let wait) = self { return wait }
        return nil
    }
}

/// A loopback port nothing listens on: bound, read and closed again.
func unusedLoopbackPort() -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
    }
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}

func samplePost(_ id: Int64, channel: SocialChannel, title: String? = nil, message: String? = nil) -> OutgoingPost {
    OutgoingPost(id: id, channel: channel, title: title ?? "Lý Sơn đón mùa tỏi mới \(id)",
                 message: message ?? "Nông dân huyện đảo Lý Sơn bắt đầu xuống giống tỏi vụ mới (bài \(id)).",
                 link: "https://lyson.example.gov.vn/tin/\(id)", coverURL: "https://lyson.example.gov.vn/anh/\(id).jpg")
}
