import TerminalUI
import VietText
import XCTest

final class WidgetTests: XCTestCase {
    func testTableStateMovesAndClamps() {
        var t = TableState(rowCount: 30)
        t.moveCursor(by: -1, visibleRows: 10)
        XCTAssertEqual(t.cursor, 0)
        t.moveCursor(by: 12, visibleRows: 10)
        XCTAssertEqual(t.cursor, 12)
        XCTAssertEqual(t.top, 3)
        t.pageDown(visibleRows: 10)
        XCTAssertEqual(t.cursor, 22)
        XCTAssertEqual(t.top, 13)
        t.pageDown(visibleRows: 10)
        XCTAssertEqual(t.cursor, 29)
        XCTAssertEqual(t.top, 20)
        t.pageUp(visibleRows: 10)
        XCTAssertEqual(t.cursor, 19)
        XCTAssertEqual(t.top, 10)
        t.moveToLast(visibleRows: 10)
        XCTAssertEqual(t.cursor, 29)
        t.moveToFirst()
        XCTAssertEqual(t.cursor, 0)
        XCTAssertEqual(t.top, 0)
    }

    func testTableStateAdaptsToFewerRowsAndTallerViews() {
        var t = TableState(rowCount: 30)
        t.moveToLast(visibleRows: 10)
        XCTAssertEqual(t.top, 20)
        t.keepCursorVisible(visibleRows: 25)
        XCTAssertEqual(t.top, 5, "no blank rows at the bottom while rows above are hidden")
        t.reload(TableRows(count: 3, columnCount: 1, text: { r, _ in "\(r)" }), keeping: nil, visibleRows: 25)
        XCTAssertEqual(t.cursor, 2)
        XCTAssertEqual(t.top, 0)
        t.reload(TableRows(count: 0, columnCount: 1, text: { r, _ in "\(r)" }), keeping: nil, visibleRows: 25)
        XCTAssertEqual(t.cursor, 0)
        t.moveCursor(by: 1, visibleRows: 25)
        XCTAssertEqual(t.cursor, 0)
    }

    func testColumnLayoutFillsTheWidthExactly() {
        let columns = [TableColumn(title: "a", width: .fixed(11)), TableColumn(title: "b", width: .flex(min: 10, weight: 2)),
                       TableColumn(title: "c", width: .flex(min: 20, weight: 7)), TableColumn(title: "d", width: .fixed(6))]
        for total in [20, 59, 60, 80, 120, 200, 333] {
            let widths = TableView.layout(columns, total: total)
            XCTAssertEqual(widths.reduce(0, +) + 3, max(total, 11 + 6 + 3), "total \(total)")
        }
        let wide = TableView.layout(columns, total: 120)
        XCTAssertEqual(wide[0], 11)
        XCTAssertGreaterThanOrEqual(wide[2], wide[1] * 3, "the title column gets its weight's share")
    }

    func testTableRendersVisibleRowsAlignedWithMixedScripts() {
        let titles = ["Sở Xây dựng tổ chức hội nghị", "中文标题中文标题中文标题中文标题中文标题", "Lý Sơn"]
        var state = TableState(rowCount: 100_000)
        state.moveCursor(by: 1, visibleRows: 4)
        var asked: [Int] = []
        var frame = Frame(width: 40, height: 6)
        let columns = [TableColumn(title: "Tiêu đề", width: .flex(min: 10, weight: 1)),
                       TableColumn(title: "Số", width: .fixed(5), alignRight: true)]
        TableView.render(columns: columns, state: state, cell: { row, col in
            asked.append(row)
            return col == 0 ? titles[row % 3] : String(row * 7)
        }, into: &frame, in: Rect(row: 1, col: 0, width: 40, height: 5), theme: .default)
        XCTAssertEqual(Set(asked), [0, 1, 2, 3], "only visible rows are asked for")
        XCTAssertTrue(frame.rowText(1).hasPrefix("Tiêu đề"))
        for row in 2...5 { XCTAssertEqual(DisplayWidth.of(frame.rowText(row)), 40, frame.rowText(row)) }
        XCTAssertTrue(frame.rowText(3).hasSuffix(" 7"))
        XCTAssertEqual(frame.style(atRow: 3, col: 0), Theme.default.selected)
        XCTAssertEqual(frame.style(atRow: 2, col: 0), Theme.default.normal)
        XCTAssertEqual(frame.style(atRow: 1, col: 0), Theme.default.header)
    }

    func testPagerWrapsAndScrollsWithinBounds() {
        let lines = PagerView.wrap([StyledLine("một hai ba bốn năm sáu bảy tám", style: Theme.default.accent), StyledLine("")], width: 10)
        XCTAssertEqual(lines.map(\.text), ["một hai ba", "bốn năm", "sáu bảy", "tám", ""])
        XCTAssertTrue(lines.dropLast().allSatisfy { $0.style == Theme.default.accent })
        var pager = PagerState()
        pager.scroll(by: 100, lineCount: lines.count, visibleRows: 2)
        XCTAssertEqual(pager.top, 3)
        pager.scroll(by: -100, lineCount: lines.count, visibleRows: 2)
        XCTAssertEqual(pager.top, 0)
        var frame = Frame(width: 10, height: 3)
        pager.scroll(by: 1, lineCount: lines.count, visibleRows: 3)
        PagerView.render(lines: lines, state: pager, into: &frame, in: Rect(row: 0, col: 0, width: 10, height: 3), theme: .default)
        XCTAssertEqual(frame.text, "bốn năm\nsáu bảy\ntám")
    }

    func testStatusBarKeepsTheMessageAndDropsHintsWhenNarrow() {
        var frame = Frame(width: 30, height: 1)
        StatusBar.render(left: "Đã lưu", right: "1/30 · ? trợ giúp", isError: false, into: &frame, row: 0, theme: .default)
        XCTAssertEqual(frame.rowText(0), " Đã lưu" + String(repeating: " ", count: 5) + "1/30 · ? trợ giúp")
        XCTAssertEqual(frame.style(atRow: 0, col: 29), Theme.default.statusBar)
        StatusBar.render(left: "Không kết nối được cổng thông tin", right: "1/30 · ? trợ giúp", isError: true,
                         into: &frame, row: 0, theme: .default)
        XCTAssertEqual(frame.rowText(0), " Không kết nối được cổng thô…")
        XCTAssertEqual(frame.style(atRow: 0, col: 0), Theme.default.statusError)
    }

    private func sampleRows() -> (TableRows, [[String]]) {
        let data = [["Đà Nẵng", "12"], ["Bình Định", "3"], ["Huế", "100"], ["An Giang", "3"], ["Điện Biên", "7"], ["Bắc Ninh", "20"]]
        let rows = TableRows(count: data.count, columnCount: 2, text: { data[$0][$1] },
                             sortKey: { $1 == 1 ? .number(Double(data[$0][1])!) : .text(data[$0][0]) })
        return (rows, data)
    }

    func testTableSortsInVietnameseOrderAndCyclesLikeAHeaderClick() {
        let (rows, data) = sampleRows()
        var t = TableState(rowCount: rows.count)
        t.moveCursor(by: 2, visibleRows: 4)  // Huế
        t.sort(by: 0, rows: rows, visibleRows: 4)
        let names = (0..<t.rowCount).map { data[t.sourceRow(at: $0)][0] }
        XCTAssertEqual(names, ["An Giang", "Bắc Ninh", "Bình Định", "Điện Biên", "Đà Nẵng", "Huế"].sorted(by: Collation.areInIncreasingOrder))
        XCTAssertEqual(names.first, "An Giang")
        XCTAssertEqual(names.last, "Huế", "đ sorts after d, before e… and h")
        XCTAssertEqual(t.selectedSourceRow, 2, "the cursor stays on the row it was on")
        t.cycleSort(rows: rows, visibleRows: 4)
        XCTAssertEqual(data[t.sourceRow(at: 0)][0], "Huế", "second press: descending")
        t.cycleSort(rows: rows, visibleRows: 4)
        XCTAssertEqual(t.sort?.column, 1)
        XCTAssertEqual((0..<t.rowCount).map { data[t.sourceRow(at: $0)][1] }, ["3", "3", "7", "12", "20", "100"],
                       "numbers sort as numbers; ties keep the source order")
        XCTAssertEqual(t.sourceRow(at: 0), 1)
        t.cycleSort(rows: rows, visibleRows: 4)
        t.cycleSort(rows: rows, visibleRows: 4)
        XCTAssertNil(t.sort, "past the last column: back to the source order")
        XCTAssertEqual(t.sourceRow(at: 0), 0)
    }

    func testTableFilterAndSearchIgnoreDiacriticsAndWrap() {
        let (rows, data) = sampleRows()
        var t = TableState(rowCount: rows.count)
        t.setFilter("DIEN", rows: rows, visibleRows: 4)
        XCTAssertEqual((0..<t.rowCount).map { data[t.sourceRow(at: $0)][0] }, ["Điện Biên"])
        t.setFilter("", rows: rows, visibleRows: 4)
        XCTAssertEqual(t.rowCount, 6)
        XCTAssertEqual(t.selectedSourceRow, 4, "the row the cursor was on stays selected")
        t.moveToFirst()
        XCTAssertTrue(t.search("b", rows: rows, visibleRows: 4))
        XCTAssertEqual(t.selectedSourceRow, 1, "Bình Định")
        XCTAssertTrue(t.search("b", rows: rows, visibleRows: 4))
        XCTAssertEqual(t.selectedSourceRow, 4, "Điện Biên")
        XCTAssertTrue(t.search("b", rows: rows, visibleRows: 4))
        XCTAssertEqual(t.selectedSourceRow, 5, "Bắc Ninh")
        XCTAssertTrue(t.search("b", rows: rows, visibleRows: 4))
        XCTAssertEqual(t.selectedSourceRow, 1, "wrapped around")
        XCTAssertTrue(t.search("b", forward: false, rows: rows, visibleRows: 4))
        XCTAssertEqual(t.selectedSourceRow, 5, "backwards, wrapping")
        XCTAssertFalse(t.search("Hà Nội", rows: rows, visibleRows: 4))
        XCTAssertEqual(t.selectedSourceRow, 5, "no match: the cursor stays")
        XCTAssertTrue(t.search("100", rows: rows, visibleRows: 4), "every column is searched")
        XCTAssertEqual(t.selectedSourceRow, 2)
    }

    func testTableMarksRowsAndDrawsThem() {
        let (rows, data) = sampleRows()
        var t = TableState(rowCount: rows.count)
        t.toggleMark()
        t.moveCursor(by: 2, visibleRows: 10)
        t.toggleMark()
        XCTAssertEqual(t.marked, [0, 2])
        t.setFilter("h", rows: rows, visibleRows: 10)  // Bình Định, Huế, Bắc Ninh
        XCTAssertEqual(t.rowCount, 3)
        t.toggleMarkAll()
        XCTAssertEqual(t.marked, [0, 1, 2, 5])
        t.toggleMarkAll()
        XCTAssertEqual(t.marked, [0], "all shown were marked: they are unmarked, the hidden mark stays")
        t.setFilter("", rows: rows, visibleRows: 10)
        t.sort(by: 1, ascending: false, rows: rows, visibleRows: 10)
        var frame = Frame(width: 30, height: 8)
        let columns = [TableColumn(title: "Tỉnh", width: .flex(min: 10, weight: 1)), TableColumn(title: "Số", width: .fixed(4), alignRight: true)]
        TableView.render(columns: columns, state: t, cell: { data[$0][$1] }, into: &frame, in: Rect(row: 0, col: 0, width: 30, height: 8), theme: .default)
        XCTAssertTrue(frame.rowText(0).hasSuffix("Số ▼"), frame.rowText(0))
        let daNangRow = (1...6).first { frame.rowText($0).hasPrefix("Đà Nẵng") }!
        XCTAssertEqual(frame.style(atRow: daNangRow, col: 0), Theme.default.marked)
        XCTAssertEqual(frame.rowText(7), "", "rows past the end are blank")
    }

    func testAFixedColumnHasRoomForItsTitleAndTheSortArrow() {
        let columns = [TableColumn(title: "Tiêu đề", width: .flex(min: 10, weight: 1)),
                       TableColumn(title: "Lỗi CT", width: .fixed(4), alignRight: true)]
        XCTAssertEqual(TableView.layout(columns, total: 30), [21, 8], "six letters, a space and an arrow")
        var state = TableState(rowCount: 2)
        let rows = TableRows(count: 2, columnCount: 2, text: { row, column in column == 0 ? "Bài \(row)" : String(row * 12) })
        let unsorted = Frame(width: 30, height: 3)
        var frame = unsorted
        TableView.render(columns: columns, state: state, cell: rows.text, into: &frame, in: Rect(row: 0, col: 0, width: 30, height: 3), theme: .default)
        XCTAssertTrue(frame.rowText(0).hasSuffix("  Lỗi CT"), frame.rowText(0))
        state.sort(by: 1, ascending: false, rows: rows, visibleRows: 2)
        frame = unsorted
        TableView.render(columns: columns, state: state, cell: rows.text, into: &frame, in: Rect(row: 0, col: 0, width: 30, height: 3), theme: .default)
        XCTAssertTrue(frame.rowText(0).hasSuffix("Lỗi CT ▼"), frame.rowText(0))
        XCTAssertTrue(frame.rowText(1).hasPrefix("Bài 1") && frame.rowText(1).hasSuffix(" 12"), frame.rowText(1))
    }
}
