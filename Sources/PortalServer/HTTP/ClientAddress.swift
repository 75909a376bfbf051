import Foundation
import HTTPTypes
import Hummingbird

/// The address a request comes from, for sign-in limits. Behind a reverse proxy every
/// request comes from the proxy; its `X-Forwarded-For` names the client, but only a proxy
/// the operator trusts may say so (anyone can send the header).
public struct ClientAddress: Sendable {
    /// Addresses of the reverse proxies in front of the portal (`serve --trusted-proxy`).
    public var trustedProxies: Set<String>

    public init(trustedProxies: Set<String> = []) {
        self.trustedProxies = trustedProxies
    }

    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    /// The peer itself, or, when the peer is a trusted proxy, the last address in
    /// `X-Forwarded-For` that is not one (each proxy appends the address it saw).
    public func of(_ request: Request, peer: String) -> String {
        guard trustedProxies.contains(peer) else { return peer }
        let chain = request.headers[values: Self.forwardedFor]
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        for address in chain.reversed() where !address.isEmpty && !trustedProxies.contains(address) {
            // An address is short and plain; anything else is not one and not to be trusted.
            guard address.count <= 45, address.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }) else { return peer }
            return address
        }
        return peer
    }
}
