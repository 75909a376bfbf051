import VietText

/// A list of commands narrowed as the user types, like the palettes of
/// modern editors: fuzzy (the letters in order, not necessarily together)
/// and blind to case and diacritics, so "luu" finds "Lưu" and "ttd" finds
/// "Tìm tiếp theo dấu".
public struct CommandPalette<ID: ActionID>: Sendable {
    public struct Item: Sendable, Hashable {
        public var id: ID
        public var title: String
        /// Shown at the right: the keys bound to it.
        public var detail: String

        public init(id: ID, title: String, detail: String = "") {
            self.id = id
            self.title = title
            self.detail = detail
        }
    }

    public let items: [Item]
    private let keys: [[Character]]
    public var query: TextEditor
    /// Indexes of the items that match, best first.
    public private(set) var shown: [Int]
    public private(set) var cursor = 0
    public var label: String

    public init(items: [Item], label: String, inputMethod: InputMethod? = nil) {
        self.items = items
        self.label = label
        keys = items.map { Array(Diacritics.searchKey($0.title + " " + $0.id.id)) }
        query = TextEditor()
        query.inputMethod = inputMethod
        shown = Array(items.indices)
    }

    public var selected: Item? { shown.isEmpty ? nil : items[shown[cursor]] }

    public enum Outcome: Equatable {
        case browsing
        case chosen(ID)
        case cancelled
    }

    /// Applies a key: Enter runs the selected command, Escape closes, Up and
    /// Down (or Control-P and Control-N) move, a printable key narrows the
    /// list, and `command(key)` names the editing command of any other key.
    public mutating func handle(_ key: Key, command: (Key) -> EditorCommand?) -> Outcome {
        switch key {
        case .escape: return .cancelled
        case .enter: return selected.map { .chosen($0.id) } ?? .cancelled
        case .up, .ctrl("p"): moveCursor(by: -1)
        case .down, .ctrl("n"): moveCursor(by: 1)
        case .char(let c): type(c)
        default:
            if let command = command(key) { edit(command) }
        }
        return .browsing
    }

    public mutating func type(_ key: Character) {
        query.type(key)
        refilter()
    }

    public mutating func edit(_ command: EditorCommand) {
        query.perform(command)
        refilter()
    }

    public mutating func moveCursor(by delta: Int) {
        guard !shown.isEmpty else { return }
        cursor = min(max(0, cursor + delta), shown.count - 1)
    }

    private mutating func refilter() {
        let needle = Array(Diacritics.searchKey(query.text).filter { $0 != " " })
        cursor = 0
        guard !needle.isEmpty else {
            shown = Array(items.indices)
            return
        }
        var scored: [(score: Int, index: Int)] = []
        for (i, key) in keys.enumerated() {
            if let score = Self.score(needle, in: key) { scored.append((score, i)) }
        }
        shown = scored.sorted { $0.score != $1.score ? $0.score < $1.score : $0.index < $1.index }.map(\.index)
    }

    /// Lower is better: the letters found in order, scored by the gaps between
    /// them and by how late the first one comes; nil when they are not all there.
    static func score(_ needle: [Character], in key: [Character]) -> Int? {
        var score = 0
        var j = 0
        var last = -1
        for (i, c) in key.enumerated() where j < needle.count && c == needle[j] {
            // A letter at a word's start costs nothing; a jump costs its length.
            let wordStart = i == 0 || key[i - 1] == " " || key[i - 1] == "-"
            score += last < 0 ? i : (i - last - 1) * (wordStart ? 1 : 2)
            last = i
            j += 1
        }
        return j == needle.count ? score : nil
    }

    /// Draws the palette as a box near the top of the frame.
    /// The box the palette is drawn in on a `width` × `height` screen; nil when it does not fit.
    public func box(width screenWidth: Int, height screenHeight: Int) -> Rect? {
        let width = min(screenWidth - 2, 72)
        let height = min(screenHeight - 2, 16)
        guard width >= 10, height >= 4 else { return nil }
        return Rect(row: 1, col: (screenWidth - width) / 2, width: width, height: height)
    }

    /// The first of `shown` drawn, so that the cursor's row is in the box.
    private func firstShown(rows: Int) -> Int { max(0, cursor - rows + 1) }

    /// The mouse: a click on a command chooses it, a click outside the box
    /// closes the palette, the wheel moves the cursor.
    public mutating func handle(mouse: MouseEvent, screenWidth: Int, screenHeight: Int) -> Outcome {
        guard let box = box(width: screenWidth, height: screenHeight) else { return .cancelled }
        switch mouse.action {
        case .wheelUp: moveCursor(by: -1)
        case .wheelDown: moveCursor(by: 1)
        case .press:
            guard box.contains(row: mouse.row, col: mouse.col) else { return .cancelled }
            let rows = box.height - 3
            let offset = mouse.row - box.row - 2
            let position = firstShown(rows: rows) + offset
            if offset >= 0, offset < rows, position < shown.count {
                cursor = position
                return .chosen(items[shown[position]].id)
            }
        default: break
        }
        return .browsing
    }

    public func render(into frame: inout Frame, theme: Theme) {
        guard let box = box(width: frame.width, height: frame.height) else { return }
        let width = box.width, height = box.height
        frame.fill(box, style: theme.dialog)
        Border.draw(box, title: label, into: &frame, style: theme.dialogBorder)
        var field = query
        field.setView(width: width - 6, height: 1)
        frame.put("›", row: box.row + 1, col: box.col + 2, style: theme.dialogBorder)
        field.render(into: &frame, in: Rect(row: box.row + 1, col: box.col + 4, width: width - 6, height: 1), theme: theme)
        let rows = height - 3
        let first = firstShown(rows: rows)
        for (offset, index) in shown.dropFirst(first).prefix(rows).enumerated() {
            let item = items[index]
            let row = box.row + 2 + offset
            let style = first + offset == cursor ? theme.selected : theme.dialog
            frame.fill(Rect(row: row, col: box.col + 1, width: width - 2, height: 1), style: style)
            let detailWidth = DisplayWidth.of(item.detail)
            frame.put(item.title, row: row, col: box.col + 2, style: style, maxWidth: width - 5 - detailWidth, ellipsis: true)
            frame.put(item.detail, row: row, col: box.right - 2 - detailWidth, style: style)
        }
    }
}
