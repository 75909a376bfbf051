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
    /// Rows marked for an action on several at once, and such a row under the cursor.
    public var marked: Style
    public var selectedMarked: Style
    /// Text found by a search.
    public var match: Style
    /// A checker's finding in text (a misspelling).
    public var finding: Style
    /// Text selected in an editor.
    public var selection: Style
    /// Words a diff adds and removes.
    public var added: Style
    public var removed: Style
    /// Dialogs, palettes and toasts drawn over a screen.
    public var dialog: Style
    public var dialogBorder: Style

    public init(normal: Style, title: Style, header: Style, selected: Style, statusBar: Style, statusError: Style,
                dim: Style, accent: Style, keyName: Style, marked: Style, selectedMarked: Style, match: Style,
                finding: Style, selection: Style, added: Style, removed: Style, dialog: Style, dialogBorder: Style) {
        self.normal = normal
        self.title = title
        self.header = header
        self.selected = selected
        self.statusBar = statusBar
        self.statusError = statusError
        self.dim = dim
        self.accent = accent
        self.keyName = keyName
        self.marked = marked
        self.selectedMarked = selectedMarked
        self.match = match
        self.finding = finding
        self.selection = selection
        self.added = added
        self.removed = removed
        self.dialog = dialog
        self.dialogBorder = dialogBorder
    }

    /// For dark terminals, the usual kind.
    public static let `default` = Theme(
        normal: .normal,
        title: Style(fg: .white, bg: .blue, bold: true),
        header: Style(bold: true, underline: true),
        selected: Style(reverse: true),
        statusBar: Style(fg: .black, bg: .cyan),
        statusError: Style(fg: .white, bg: .red, bold: true),
        dim: Style(dim: true),
        accent: Style(fg: .cyan, bold: true),
        keyName: Style(fg: .yellow, bold: true),
        marked: Style(fg: .yellow, bold: true),
        selectedMarked: Style(fg: .yellow, bold: true, reverse: true),
        match: Style(fg: .black, bg: .yellow),
        finding: Style(fg: .red, underline: true),
        selection: Style(fg: .white, bg: .cube(1, 1, 3)),
        added: Style(fg: .green, bold: true),
        removed: Style(fg: .red),
        dialog: Style(fg: .white, bg: .gray(4)),
        dialogBorder: Style(fg: .cyan, bg: .gray(4), bold: true)
    )

    /// For terminals with a light background: dark text, pale highlights.
    public static let light = Theme(
        normal: .normal,
        title: Style(fg: .white, bg: .cube(0, 1, 3), bold: true),
        header: Style(fg: .cube(0, 0, 2), bold: true, underline: true),
        selected: Style(fg: .black, bg: .cube(3, 4, 5)),
        statusBar: Style(fg: .black, bg: .gray(19)),
        statusError: Style(fg: .white, bg: .cube(4, 0, 0), bold: true),
        dim: Style(fg: .gray(10)),
        accent: Style(fg: .cube(0, 1, 4), bold: true),
        keyName: Style(fg: .cube(3, 1, 0), bold: true),
        marked: Style(fg: .cube(3, 0, 3), bold: true),
        selectedMarked: Style(fg: .cube(3, 0, 3), bg: .cube(3, 4, 5), bold: true),
        match: Style(fg: .black, bg: .cube(5, 5, 1)),
        finding: Style(fg: .cube(4, 0, 0), underline: true),
        selection: Style(fg: .black, bg: .cube(4, 4, 5)),
        added: Style(fg: .cube(0, 3, 0), bold: true),
        removed: Style(fg: .cube(4, 0, 0)),
        dialog: Style(fg: .black, bg: .gray(21)),
        dialogBorder: Style(fg: .cube(0, 1, 4), bg: .gray(21), bold: true)
    )

    /// Maximum contrast: no dim text, no colour carrying meaning alone.
    public static let highContrast = Theme(
        normal: Style(fg: .white.bright, bg: .black),
        title: Style(fg: .black, bg: .white.bright, bold: true),
        header: Style(fg: .yellow.bright, bg: .black, bold: true, underline: true),
        selected: Style(fg: .black, bg: .yellow.bright, bold: true),
        statusBar: Style(fg: .black, bg: .white.bright, bold: true),
        statusError: Style(fg: .white.bright, bg: .red, bold: true, underline: true),
        dim: Style(fg: .white.bright, bg: .black),
        accent: Style(fg: .cyan.bright, bg: .black, bold: true),
        keyName: Style(fg: .yellow.bright, bg: .black, bold: true),
        marked: Style(fg: .magenta.bright, bg: .black, bold: true, underline: true),
        selectedMarked: Style(fg: .black, bg: .magenta.bright, bold: true, underline: true),
        match: Style(fg: .black, bg: .cyan.bright, bold: true),
        finding: Style(fg: .red.bright, bg: .black, bold: true, underline: true),
        selection: Style(fg: .black, bg: .white.bright),
        added: Style(fg: .green.bright, bg: .black, bold: true, underline: true),
        removed: Style(fg: .red.bright, bg: .black, bold: true),
        dialog: Style(fg: .white.bright, bg: .black),
        dialogBorder: Style(fg: .yellow.bright, bg: .black, bold: true)
    )

    /// The shipped themes by the name `config.toml` gives.
    public static let named: [(name: String, theme: Theme)] = [
        ("default", .default), ("light", .light), ("high-contrast", .highContrast),
    ]

    public static func named(_ name: String) -> Theme? {
        named.first { $0.name == name }?.theme
    }
}
