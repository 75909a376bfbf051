import Foundation
import NewsroomKit

/// The rate tables shipped in Docs/rate-tables/, as a portal would import them.
enum ShippedRateTables {
    static func load(_ file: String) throws -> RateTable {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Docs/rate-tables/\(file)")
        return try WireFormat.decoder().decode(RateTable.self, from: Data(contentsOf: url))
    }
}
