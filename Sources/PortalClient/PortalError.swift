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

    /// The API error code, when the portal sent one.
    public var apiCode: APIErrorCode? {
        if case .api(_, let body) = self { return APIErrorCode(rawValue: body.error.code) }
        return nil
    }
}
