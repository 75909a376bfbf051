import TerminalUI
import XCTest

final class ThemeTests: XCTestCase {
    func testColoursReduceToTheNearestTheTerminalHas() {
        XCTAssertEqual(Color.cube(5, 0, 0).reduced(to: 16), Color.red.bright)
        XCTAssertEqual(Color.cube(5, 0, 0).reduced(to: 8), .red)
        XCTAssertEqual(Color.cube(0, 0, 2).reduced(to: 8), .blue)
        XCTAssertEqual(Color.gray(23).reduced(to: 16), .white, "238 grey is nearer 229 than 255")
        XCTAssertEqual(Color.gray(0).reduced(to: 8), .black)
        XCTAssertEqual(Color.yellow.bright.reduced(to: 8), .yellow, "bright colours lose their brightness on 8")
        XCTAssertEqual(Color.cube(1, 2, 3).reduced(to: 256), Color.cube(1, 2, 3), "nothing to reduce")
        XCTAssertEqual(Color.terminal.reduced(to: 8), .terminal)
    }

    func testThemesByNameAndDistinctRoles() {
        XCTAssertEqual(Theme.named("light"), .light)
        XCTAssertEqual(Theme.named("high-contrast"), .highContrast)
        XCTAssertNil(Theme.named("solarized"))
        for (name, theme) in Theme.named {
            // Roles a reader must tell apart never look the same.
            let roles = [theme.normal, theme.selected, theme.marked, theme.match, theme.finding, theme.selection]
            XCTAssertEqual(Set(roles).count, roles.count, name)
        }
    }
}
