import Foundation
import Hummingbird
import NewsroomKit

/// Request bodies: read within a size limit, decoded as the contract says; anything
/// else (too big, not JSON, not UTF-8, wrong types) is a 400 with a stable code.
enum RequestBody {
    /// Largest JSON body a route accepts unless it says otherwise.
    static let maxJSON = 1 << 20

    static func decode<T: Decodable>(_ type: T.Type, _ request: Request, limit: Int = maxJSON) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw APIFailure(.invalidField, detail: "body > \(limit) bytes")
        }
        do {
            return try WireFormat.decoder().decode(T.self, from: Data(buffer: buffer))
        } catch {
            throw APIFailure(.invalidJSON, detail: WireFormat.problem(of: error))
        }
    }
}
