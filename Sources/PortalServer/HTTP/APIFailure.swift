import Foundation
import HTTPTypes
import Hummingbird
import NewsroomKit

/// An error answer of the admin API: the one JSON shape with a stable code.
public struct APIFailure: HTTPResponseError {
    public var code: APIErrorCode
    public var detail: String?
    /// Seconds to wait before trying again (`Retry-After`), for 429s.
    public var retryAfter: Int?

    public init(_ code: APIErrorCode, detail: String? = nil, retryAfter: Int? = nil) {
        self.code = code
        self.detail = detail
        self.retryAfter = retryAfter
    }

    public var status: HTTPResponse.Status { .init(code: code.httpStatus) }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        if code == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"bientap\"" }
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return try JSONResponse.make(APIErrorBody(code: code, detail: detail), status: status, headers: headers)
    }
}

/// JSON answers written with the contract's encoder.
enum JSONResponse {
    static func make<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, headers: HTTPFields = HTTPFields()) throws -> Response {
        make(bytes: ByteBuffer(bytes: try WireFormat.encoder().encode(value)), status: status, headers: headers)
    }

    /// An answer already written as JSON.
    static func make(bytes: ByteBuffer, status: HTTPResponse.Status = .ok, headers: HTTPFields = HTTPFields()) -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: bytes))
    }
}
