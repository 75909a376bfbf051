import Foundation

/// The public portal's address before every path in feeds, sitemaps and Open Graph tags
/// (`https://quangngai.gov.vn`, no trailing slash). Settable once the server knows the port
/// it bound, when none was configured.
public final class PublicAddress: @unchecked Sendable {
    // `lock` guards `value`, the only mutable field.
    private let lock = NSLock()
    private var value: String

    public init(_ base: String) {
        value = PublicAddress.trimmed(base)
    }

    public var base: String {
        get { lock.withLock { value } }
        set { lock.withLock { value = PublicAddress.trimmed(newValue) } }
    }

    private static func trimmed(_ base: String) -> String {
        base.hasSuffix("/") ? String(base.dropLast()) : base
    }
}
