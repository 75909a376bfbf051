import CurlHTTP
import NewsroomKit

/// Why a call to the portal failed. Messages for people are made by the
/// app's string catalogue from these cases.
public enum PortalError: Error, Sendable {
    /// The portal could not be reached or the connection broke.
    case transport(TransportError)
    /// The portal answered with its JSON error shape.
    case api(status: Int, body: APIErrorBody)
    /// The portal answered with an error but not in its JSON shape (a proxy, a wrong URL).
    case http(status: Int, url: String)
    /// The portal answered 2xx with a body that is not what the contract says.
    case malformedResponse(url: String, detail: String)
    /// The configured portal URL is not an http(s) URL.
    case invalidPortalURL(String)
    /// A save was made from an old revision (412): someone saved since; `current` is what is there now.
    case staleRevision(current: Submission)
    /// Someone else is editing the submission: their lease.
    case leaseHeld(Lease)

    /// The portal could not be reached, the connection broke or a proxy in front of it said
    /// it is down: worth trying again by itself later. (A broken connection may have left a
    /// save done: a save's retry then meets its own revision, and the client sees that.)
    public var isTransient: Bool {
        switch self {
        case .transport: return true
        case .http(let status, _), .api(let status, _): return [502, 503, 504].contains(status)
        default: return false
        }
    }

    /// The API error code, when the portal sent one.
    public var apiCode: APIErrorCode? {
        if case .api(_, let body) = self { return APIErrorCode(rawValue: body.error.code) }
        return nil
    }
}
