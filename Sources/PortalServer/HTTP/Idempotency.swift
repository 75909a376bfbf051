import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// `Idempotency-Key` on creations and decisions: the key a request carries, and the
/// first answer given again to its retries.
enum Idempotency {
    static let header = HTTPField.Name("Idempotency-Key")!
    /// Marks an answer repeated for a retry.
    static let replayed = HTTPField.Name("Idempotent-Replayed")!

    /// The request's key with a digest of what it asks (`asking`); nil without one.
    static func key(_ request: Request, _ principal: Principal, asking: Data) throws -> Store.IdempotencyKey? {
        guard let key = request.headers[header] else { return nil }
        guard !key.isEmpty, key.count <= 200 else { throw APIFailure(.invalidField, detail: "Idempotency-Key") }
        return Store.IdempotencyKey(userID: principal.userID, key: key, requestHash: Hex.string(SHA256.hash(data: asking)))
    }

    /// The first answer again, marked as a replay.
    static func replay(_ status: Int, _ body: Data, headers: HTTPFields = HTTPFields()) -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        headers[replayed] = "true"
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
