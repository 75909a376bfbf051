import VietText

/// The one-line bar at the bottom: a message on the left, position and key hints on the right.
public enum StatusBar {
    public static func render(left: String, right: String, isError: Bool, into frame: inout Frame, row: Int, theme: Theme) {
        let style = isError ? theme.statusError : theme.statusBar
        let width = frame.width
        frame.fill(Rect(row: row, col: 0, width: width, height: 1), style: style)
        let rightWidth = DisplayWidth.of(right)
        // The message matters more than the hints: hints give way when both do not fit.
        let leftRoom = width - 2
        let leftText = DisplayWidth.truncate(left, to: leftRoom)
        frame.put(leftText, row: row, col: 1, style: style, maxWidth: leftRoom)
        let used = leftText.isEmpty ? 0 : DisplayWidth.of(leftText) + 1
        if rightWidth + 2 <= width - used {
            frame.put(right, row: row, col: width - rightWidth - 1, style: style)
        }
    }
}
