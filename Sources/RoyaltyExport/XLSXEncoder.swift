import CXlsxWriter
import Foundation
import NewsroomKit

/// A `Sheet` as an XLSX workbook, written by libxlsxwriter: a bold title, a bold header row
/// frozen in place, number formats with thousand separators, column widths, the totals as
/// `SUM` formulas, the rows under them and the signature block. libxlsxwriter writes to a
/// path, so each workbook goes to a private temporary directory, is read back and removed.
/// Every call's result is checked; text always goes in as a string cell, never a formula.
enum XLSXEncoder {
    static func encode(_ sheet: Sheet) throws -> Data {
        let directory = try PrivateDirectory()
        defer { directory.remove() }
        let path = directory.path + "/export.xlsx"
        try write(sheet, to: path, temporaryDirectory: directory.path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExportError.temporaryFile("cannot read \(path)")
        }
        return data
    }

    private static func write(_ sheet: Sheet, to path: String, temporaryDirectory: String) throws {
        // libxlsxwriter keeps its own working files in `tmpdir`; the strings live until the
        // workbook is closed.
        guard let filename = strdup(path), let tmpdir = strdup(temporaryDirectory) else {
            throw ExportError.temporaryFile("out of memory")
        }
        defer { free(filename); free(tmpdir) }
        var options = lxw_workbook_options(constant_memory: 0, tmpdir: tmpdir, use_zip64: 0)
        guard let workbook = workbook_new_opt(filename, &options) else {
            throw ExportError.xlsx(function: "workbook_new_opt", code: 0, message: "cannot create the workbook")
        }
        var closed = false
        defer { if !closed { _ = workbook_close(workbook) } }
        let formats = Formats(workbook)
        guard let worksheet = sheet.name.withCString({ workbook_add_worksheet(workbook, $0) }) else {
            throw ExportError.xlsx(function: "workbook_add_worksheet", code: 0, message: "the sheet name \(sheet.name) is refused")
        }
        var writer = Writer(worksheet: worksheet, formats: formats)
        try writer.layOut(sheet)
        closed = true
        try check(workbook_close(workbook), "workbook_close")
    }

    static func check(_ result: lxw_error, _ function: String) throws {
        guard result != LXW_NO_ERROR else { return }
        let message = lxw_strerror(result).map { String(cString: $0) } ?? "unknown error"
        throw ExportError.xlsx(function: function, code: result.rawValue, message: message)
    }
}

/// The cell formats of one workbook.
private struct Formats {
    let title, subtitle, header, text, integer, decimal, day: UnsafeMutablePointer<lxw_format>?
    let totalText, totalInteger, totalDecimal, note, signRole, signHint: UnsafeMutablePointer<lxw_format>?

    init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
        func make(_ setUp: (UnsafeMutablePointer<lxw_format>) -> Void) -> UnsafeMutablePointer<lxw_format>? {
            guard let format = workbook_add_format(workbook) else { return nil }
            setUp(format)
            return format
        }
        func cell(_ numberFormat: String?, bold: Bool = false) -> UnsafeMutablePointer<lxw_format>? {
            make { format in
                format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
                format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
                if bold { format_set_bold(format) }
                if let numberFormat { numberFormat.withCString { format_set_num_format(format, $0) } }
            }
        }
        title = make { format_set_bold($0); format_set_font_size($0, 14); format_set_align($0, UInt8(LXW_ALIGN_CENTER.rawValue)) }
        subtitle = make { format_set_italic($0); format_set_align($0, UInt8(LXW_ALIGN_CENTER.rawValue)) }
        header = make { format in
            format_set_bold(format)
            format_set_text_wrap(format)
            format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
            format_set_bg_color(format, 0xD9E1F2)
        }
        text = cell(nil)
        integer = cell("#,##0")
        decimal = cell("#,##0.0##")
        day = cell("dd/mm/yyyy")
        totalText = cell(nil, bold: true)
        totalInteger = cell("#,##0", bold: true)
        totalDecimal = cell("#,##0.0##", bold: true)
        note = make { format_set_italic($0) }
        signRole = make { format_set_bold($0); format_set_align($0, UInt8(LXW_ALIGN_CENTER.rawValue)) }
        signHint = make { format_set_italic($0); format_set_align($0, UInt8(LXW_ALIGN_CENTER.rawValue)) }
    }
}

/// Lays one `Sheet` out on a worksheet, row by row.
private struct Writer {
    let worksheet: UnsafeMutablePointer<lxw_worksheet>
    let formats: Formats
    var row: lxw_row_t = 0

    init(worksheet: UnsafeMutablePointer<lxw_worksheet>, formats: Formats) {
        self.worksheet = worksheet
        self.formats = formats
    }

    mutating func layOut(_ sheet: Sheet) throws {
        let lastColumn = lxw_col_t(clamping: max(sheet.columns.count - 1, 0))
        for (index, column) in sheet.columns.enumerated() {
            let col = lxw_col_t(clamping: index)
            try XLSXEncoder.check(worksheet_set_column(worksheet, col, col, column.width, nil), "worksheet_set_column")
        }
        worksheet_set_landscape(worksheet)
        worksheet_set_paper(worksheet, 9) // A4
        worksheet_fit_to_pages(worksheet, 1, 0)

        for (index, line) in sheet.title.enumerated() {
            try merged(line, to: lastColumn, format: index == 0 ? formats.title : formats.subtitle)
            row += 1
        }
        if !sheet.title.isEmpty { row += 1 }

        let headerRow = row
        for (index, column) in sheet.columns.enumerated() {
            try string(column.heading, at: index, format: formats.header)
        }
        // The header stays in view while scrolling, and is printed on every page.
        worksheet_freeze_panes(worksheet, headerRow + 1, 0)
        try XLSXEncoder.check(worksheet_repeat_rows(worksheet, headerRow, headerRow), "worksheet_repeat_rows")
        row += 1

        let firstDataRow = row
        for cells in sheet.rows {
            for (index, cell) in cells.enumerated() { try write(cell, at: index, in: sheet, bold: false, dataRows: firstDataRow..<firstDataRow) }
            row += 1
        }
        let dataRows = firstDataRow..<row
        for (index, cell) in sheet.totals.enumerated() { try write(cell, at: index, in: sheet, bold: true, dataRows: dataRows) }
        row += 1
        for cells in sheet.after {
            for (index, cell) in cells.enumerated() { try write(cell, at: index, in: sheet, bold: false, dataRows: dataRows, plain: true) }
            row += 1
        }

        guard !sheet.signatures.isEmpty else { return }
        row += 1
        for (index, role) in sheet.signatures.enumerated() {
            let column = Self.signatureColumn(index, of: sheet.signatures.count, columns: sheet.columns.count)
            try string(role, at: column, format: formats.signRole)
            row += 1
            try string(Sheet.signatureHint, at: column, format: formats.signHint)
            row -= 1
        }
    }

    /// Signatures spread over the width: the first at the left, the last at the right.
    static func signatureColumn(_ index: Int, of count: Int, columns: Int) -> Int {
        guard count > 1, columns > 2 else { return index }
        return 1 + index * (columns - 3) / (count - 1)
    }

    private mutating func write(_ cell: Sheet.Cell, at index: Int, in sheet: Sheet, bold: Bool, dataRows: Range<lxw_row_t>,
                                plain: Bool = false) throws {
        let col = lxw_col_t(clamping: index)
        switch cell {
        case let .text(text):
            try string(text, at: index, format: plain ? formats.note : bold ? formats.totalText : formats.text)
        case let .integer(value):
            try XLSXEncoder.check(worksheet_write_number(worksheet, row, col, Double(value),
                                                         bold || plain ? formats.totalInteger : formats.integer), "worksheet_write_number")
        case let .decimal(value):
            try number(value, at: col, format: bold ? formats.totalDecimal : formats.decimal)
        case let .day(day):
            if let date = Self.datetime(day) {
                var date = date
                try XLSXEncoder.check(worksheet_write_datetime(worksheet, row, col, &date, formats.day), "worksheet_write_datetime")
            } else {
                try string(Sheet.dayText(day), at: index, format: formats.text)
            }
        case let .columnSum(value):
            try sum(at: col, dataRows: dataRows, cached: Double(value), format: formats.totalInteger)
        case let .decimalColumnSum(value):
            try sum(at: col, dataRows: dataRows, cached: value.isFinite ? value : 0, format: formats.totalDecimal)
        case .empty:
            guard !plain else { return }
            try XLSXEncoder.check(worksheet_write_blank(worksheet, row, col, bold ? formats.totalText : formats.text), "worksheet_write_blank")
        }
    }

    private func number(_ value: Double, at col: lxw_col_t, format: UnsafeMutablePointer<lxw_format>?) throws {
        guard value.isFinite else {
            try XLSXEncoder.check(worksheet_write_blank(worksheet, row, col, format), "worksheet_write_blank")
            return
        }
        try XLSXEncoder.check(worksheet_write_number(worksheet, row, col, value, format), "worksheet_write_number")
    }

    /// `=SUM(H6:H20)` over the table's rows in this column; its value is cached for viewers
    /// that show a file without computing it. An empty table totals 0.
    private func sum(at col: lxw_col_t, dataRows: Range<lxw_row_t>, cached: Double, format: UnsafeMutablePointer<lxw_format>?) throws {
        guard let last = dataRows.last, let first = dataRows.first else {
            try XLSXEncoder.check(worksheet_write_number(worksheet, row, col, 0, format), "worksheet_write_number")
            return
        }
        let letters = Self.columnLetters(Int(col))
        let formula = "=SUM(\(letters)\(first + 1):\(letters)\(last + 1))"
        try formula.withCString {
            try XLSXEncoder.check(worksheet_write_formula_num(worksheet, row, col, $0, format, cached), "worksheet_write_formula_num")
        }
    }

    /// A string cell: whatever the text, a spreadsheet shows it and never evaluates it.
    private func string(_ text: String, at index: Int, format: UnsafeMutablePointer<lxw_format>?) throws {
        try text.withCString {
            try XLSXEncoder.check(worksheet_write_string(worksheet, row, lxw_col_t(clamping: index), $0, format), "worksheet_write_string")
        }
    }

    private func merged(_ text: String, to lastColumn: lxw_col_t, format: UnsafeMutablePointer<lxw_format>?) throws {
        guard lastColumn > 0 else { return try string(text, at: 0, format: format) }
        try text.withCString {
            try XLSXEncoder.check(worksheet_merge_range(worksheet, row, 0, row, lastColumn, $0, format), "worksheet_merge_range")
        }
    }

    /// A, B, … Z, AA, AB, …
    static func columnLetters(_ index: Int) -> String {
        var rest = index + 1, letters = ""
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            rest = (rest - 1) / 26
        }
        return letters
    }

    /// A day libxlsxwriter can store as a date (years 1900–9999); nil otherwise.
    static func datetime(_ day: VietnamDay) -> lxw_datetime? {
        let parts = day.text.split(separator: "-", omittingEmptySubsequences: false).compactMap { Int32($0) }
        guard parts.count == 3, (1900...9999).contains(parts[0]) else { return nil }
        return lxw_datetime(year: parts[0], month: parts[1], day: parts[2], hour: 0, min: 0, sec: 0)
    }
}
