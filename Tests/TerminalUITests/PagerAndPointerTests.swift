@testable import TerminalUI
import Foundation
import VietText
import XCTest

/// Highlighted spans and search in the pager; the table's arrow cursor and
/// what a click lands on; the editor under the mouse.
final class PagerAndPointerTests: XCTestCase {
    private let finding = Style(fg: .red, underline: true)

    func testSpansAreCutWithTheLinesTheyCross() {
        // "bốn năm" is a finding that the wrap at 10 columns cuts in two.
        let line = StyledLine("một hai ba bốn năm sáu", spans: [TextSpan(11..<18, style: finding)])
        let wrapped = PagerView.wrap([line], width: 14)
        XCTAssertEqual(wrapped.map(\.text), ["một hai ba bốn", "năm sáu"])
        XCTAssertEqual(wrapped[0].spans, [TextSpan(11..<14, style: finding)])
        XCTAssertEqual(wrapped[1].spans, [TextSpan(0..<3, style: finding)])
        XCTAssertEqual(wrapped.map(\.offset), [0, 15])
        var frame = Frame(width: 14, height: 2)
        PagerView.render(lines: wrapped, state: PagerState(), into: &frame, in: Rect(row: 0, col: 0, width: 14, height: 2), theme: .default)
        XCTAssertEqual(frame.style(atRow: 0, col: 10), .normal)
        XCTAssertEqual(frame.style(atRow: 0, col: 11), finding)
        XCTAssertEqual(frame.style(atRow: 0, col: 13), finding)
        XCTAssertEqual(frame.style(atRow: 1, col: 2), finding)
        XCTAssertEqual(frame.style(atRow: 1, col: 3), .normal)
        // Wide characters: the span follows graphemes, not columns.
        let cjk = PagerView.wrap([StyledLine("中文中文", spans: [TextSpan(1..<2, style: finding)])], width: 4)
        XCTAssertEqual(cjk.map(\.text), ["中文", "中文"])
        var small = Frame(width: 4, height: 1)
        PagerView.render(lines: cjk, state: PagerState(), into: &small, in: Rect(row: 0, col: 0, width: 4, height: 1), theme: .default)
        XCTAssertEqual(small.style(atRow: 0, col: 2), finding)
        XCTAssertEqual(small.style(atRow: 0, col: 0), .normal)
        // A newline in a line's text starts a new line.
        XCTAssertEqual(PagerView.wrap([StyledLine("a\n\nb")], width: 5).map(\.text), ["a", "", "b"])
    }

    func testSearchIgnoresDiacriticsAndStepsThroughMatches() {
        let source = (0..<40).map { i in
            StyledLine(i % 10 == 3 ? "Đoạn \(i): Đường ven biển Lý Sơn được khởi công" : "Đoạn \(i): không có gì")
        }
        let matches = PagerView.matches(of: "duong", in: source)
        XCTAssertEqual(matches.map(\.line), [3, 13, 23, 33])
        XCTAssertEqual(matches[0].range, 8..<13)
        XCTAssertEqual(PagerView.matches(of: "LY SON", in: source).count, 4)
        XCTAssertTrue(PagerView.matches(of: "", in: source).isEmpty)

        var search = PagerSearch(query: "đường")
        var pager = PagerState()
        pager.top = 10
        XCTAssertTrue(search.step(forward: true, source: source, width: 80, pager: &pager, visibleRows: 8))
        XCTAssertEqual(search.current, 1, "the first match from the top of the view on")
        XCTAssertEqual(pager.top, 10, "already in view: no scroll")
        search.step(forward: true, source: source, width: 80, pager: &pager, visibleRows: 8)
        XCTAssertEqual(search.current, 2)
        XCTAssertEqual(pager.top, 21, "scrolled so the match shows near the top")
        search.step(forward: true, source: source, width: 80, pager: &pager, visibleRows: 8)
        search.step(forward: true, source: source, width: 80, pager: &pager, visibleRows: 8)
        XCTAssertEqual(search.current, 0, "wraps to the first")
        search.step(forward: false, source: source, width: 80, pager: &pager, visibleRows: 8)
        XCTAssertEqual(search.current, 3, "and back to the last")
        // Highlights: every match in the match style, the current one selected.
        let shown = search.highlight(source, theme: .default)
        XCTAssertEqual(shown[3].spans, [TextSpan(8..<13, style: Theme.default.match)])
        XCTAssertEqual(shown[33].spans, [TextSpan(9..<14, style: Theme.default.selected)])
        var none = PagerSearch(query: "xyz")
        XCTAssertFalse(none.step(forward: true, source: source, width: 80, pager: &pager, visibleRows: 8))
        XCTAssertNil(none.current)
    }

    func testArrowCursorAndClicks() {
        let columns = [TableColumn(title: "Tên", width: .flex(min: 5, weight: 1)), TableColumn(title: "Số", width: .fixed(4), alignRight: true)]
        var state = TableState(rowCount: 50)
        state.moveCursor(by: 2, visibleRows: 5)
        var frame = Frame(width: 20, height: 6)
        let rect = Rect(row: 0, col: 0, width: 20, height: 6)
        TableView.render(columns: columns, state: state, cell: { row, column in column == 0 ? "dòng \(row)" : "\(row)" },
                         into: &frame, in: rect, theme: .default, cursorStyle: .arrow)
        XCTAssertEqual(frame.rowText(0), "  Tên             Số")
        XCTAssertEqual(frame.rowText(3), "▶ dòng 2           2")
        XCTAssertEqual(frame.rowText(2), "  dòng 1           1")
        XCTAssertEqual(frame.style(atRow: 3, col: 0), Theme.default.selected)
        XCTAssertEqual(frame.style(atRow: 3, col: 2), Theme.default.normal, "only the arrow is marked")
        XCTAssertEqual(DisplayWidth.of(frame.rowText(3)), 20)
        // Clicks: a title, a row, past the rows.
        XCTAssertEqual(TableView.hit(row: 0, col: 3, columns: columns, state: state, in: rect, cursorStyle: .arrow), .header(column: 0))
        XCTAssertEqual(TableView.hit(row: 0, col: 18, columns: columns, state: state, in: rect, cursorStyle: .arrow), .header(column: 1))
        XCTAssertEqual(TableView.hit(row: 4, col: 5, columns: columns, state: state, in: rect), .row(3))
        state.pageDown(visibleRows: 5)
        XCTAssertEqual(TableView.hit(row: 1, col: 5, columns: columns, state: state, in: rect), .row(state.top))
        XCTAssertNil(TableView.hit(row: 6, col: 5, columns: columns, state: state, in: rect))
        let short = TableState(rowCount: 2)
        XCTAssertNil(TableView.hit(row: 4, col: 5, columns: columns, state: short, in: rect), "below the last row")
    }

    func testCallersFilterNarrowsTheRows() {
        var state = TableState(rowCount: 10)
        let evens = TableRows(count: 10, columnCount: 1, text: { row, _ in "hàng \(row)" }, include: { $0 % 2 == 0 })
        state.reload(evens, keeping: nil, visibleRows: 5)
        XCTAssertEqual(state.rowCount, 5)
        state.setFilter("hang 4", rows: evens, visibleRows: 5)
        XCTAssertEqual(state.rowCount, 1)
        XCTAssertEqual(state.selectedSourceRow, 4)
    }

    func testEditorFollowsTheMouse() {
        var editor = TextEditor(text: "Một hai ba bốn năm\nsáu bảy\n中文字")
        editor.setView(width: 10, height: 5)
        editor.place(viewRow: 1, x: 3)
        XCTAssertEqual(editor.cursor, TextPosition(line: 0, column: 11), "row 1 is the second wrapped piece, 'ba bốn năm'")
        editor.place(viewRow: 3, x: 3)
        XCTAssertEqual(editor.cursor, TextPosition(line: 2, column: 1), "x=3 is inside the second wide character: before it")
        editor.place(viewRow: 2, x: 50)
        XCTAssertEqual(editor.cursor, TextPosition(line: 1, column: 7), "past the end of a line: its end")
        editor.place(viewRow: 20, x: 0)
        XCTAssertEqual(editor.cursor.line, 2, "below the text: its last line")
        editor.perform(.documentStart)
        editor.scroll(by: 3)
        XCTAssertEqual(editor.cursor.line, 2, "three screen rows down: past the two of the first line and 'sáu bảy'")
        editor.scroll(by: -3)
        XCTAssertEqual(editor.cursor, TextPosition(line: 0, column: 0))
    }
}
