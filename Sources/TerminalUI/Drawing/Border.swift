/// A line-drawing frame around a rectangle, with a title in its top edge.
public enum Border {
    public static func draw(_ box: Rect, title: String, into frame: inout Frame, style: Style) {
        guard box.width >= 2, box.height >= 2 else { return }
        let horizontal = String(repeating: "─", count: box.width - 2)
        frame.put("┌" + horizontal + "┐", row: box.row, col: box.col, style: style)
        frame.put("└" + horizontal + "┘", row: box.bottom - 1, col: box.col, style: style)
        for row in (box.row + 1)..<(box.bottom - 1) {
            frame.put("│", row: row, col: box.col, style: style)
            frame.put("│", row: row, col: box.right - 1, style: style)
        }
        if !title.isEmpty {
            frame.put(" " + title + " ", row: box.row, col: box.col + 2, style: style, maxWidth: box.width - 4, ellipsis: true)
        }
    }
}
