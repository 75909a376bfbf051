import Foundation

/// Who is editing a submission, like WordPress' post lock: taken when an
/// editor opens it for editing, renewed while they work, released when they
/// leave, and gone by itself after some minutes of silence.
public struct Lease: Codable, Sendable, Hashable {
    /// User name of the holder.
    public var holder: String
    public var holderName: String
    public var acquiredAt: Date
    public var expiresAt: Date

    public init(holder: String, holderName: String, acquiredAt: Date, expiresAt: Date) {
        self.holder = holder
        self.holderName = holderName
        self.acquiredAt = acquiredAt
        self.expiresAt = expiresAt
    }
}

/// The answer when someone else holds the lease (409): the error and their lease.
public struct LeaseHeldBody: Codable, Sendable, Hashable, Error {
    public var error: APIErrorBody.Payload
    public var lease: Lease

    public init(lease: Lease) {
        error = APIErrorBody(code: .leaseHeld, detail: lease.holderName).error
        self.lease = lease
    }
}
