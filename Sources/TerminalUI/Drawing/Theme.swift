/// The styles screens draw with, by role rather than by colour.
public struct Theme: Sendable, Hashable {
    public var normal: Style
    public var title: Style
    public var header: Style
    public var selected: Style
    public var statusBar: Style
    public var statusError: Style
    public var dim: Style
    public var accent: Style
    public var keyName: Style

    public init(normal: Style, title: Style, header: Style, selected: Style, statusBar: Style,
                statusError: Style, dim: Style, accent: Style, keyName: Style) {
        self.normal = normal
        self.title = title
        self.header = header
        self.selected = selected
        self.statusBar = statusBar
        self.statusError = statusError
        self.dim = dim
        self.accent = accent
        self.keyName = keyName
    }

    public static let `default` = Theme(
        normal: .normal,
        title: Style(fg: .white, bg: .blue, bold: true),
        header: Style(bold: true, underline: true),
        selected: Style(reverse: true),
        statusBar: Style(fg: .black, bg: .cyan),
        statusError: Style(fg: .white, bg: .red, bold: true),
        dim: Style(dim: true),
        accent: Style(fg: .cyan, bold: true),
        keyName: Style(fg: .yellow, bold: true)
    )
}
