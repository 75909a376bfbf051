@testable import TerminalUI
import Foundation
import XCTest

final class DateTextTests: XCTestCase {
    /// The arithmetic agrees with Foundation's calendar in Asia/Ho_Chi_Minh on
    /// random moments from 1976 to 2100, and on day, month and year edges.
    func testFieldsAgreeWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try XCTUnwrap(TimeZone(identifier: "Asia/Ho_Chi_Minh"))
        var generator = SystemRandomNumberGenerator()
        var moments = (0..<5_000).map { _ in Double(Int.random(in: 189_000_000...4_102_444_800, using: &generator)) }
        // Midnight in Vietnam is 17:00 UTC: check either side of it, and leap days.
        for edge in [951_757_200.0, 951_843_599, 1_709_139_600, 1_767_200_400, 1_767_200_399] { moments += [edge, edge + 0.5] }
        for t in moments {
            let date = Date(timeIntervalSince1970: t)
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            let f = DateText.Fields(date)
            XCTAssertEqual([f.year, f.month, f.day, f.hour, f.minute], [c.year!, c.month!, c.day!, c.hour!, c.minute!], "at \(t)")
        }
        XCTAssertEqual(DateText.short(Date(timeIntervalSince1970: 1_795_396_500)), "23/11 08:15")
        XCTAssertEqual(DateText.full(Date(timeIntervalSince1970: 1_795_396_500)), "08:15 23/11/2026")
    }
}
