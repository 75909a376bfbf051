import Foundation
import NewsroomKit

/// The rate table every portal starts with: the frame of Nghị định 18/2014/NĐ-CP Điều 7.1
/// (`RateTable.decree18`, a value, so nothing is decoded and nothing can fail at run time).
/// Docs/rate-tables/nd18-2014.json holds the same table (a test keeps the two equal), for a
/// province to copy, adapt and load with `bientap-portal rates import`.
enum DefaultRateTable {
    static var table: RateTable { .decree18 }
}
