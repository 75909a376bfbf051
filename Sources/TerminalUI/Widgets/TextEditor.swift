import VietText

/// A place in a text: a line and a column counted in graphemes.
public struct TextPosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: Self, b: Self) -> Bool {
        a.line != b.line ? a.line < b.line : a.column < b.column
    }
}

/// A span of one line to draw in a style: a checker's finding, a diff's word.
public struct TextHighlight: Sendable, Hashable {
    public var line: Int
    /// Columns, in graphemes.
    public var columns: Range<Int>
    public var style: Style

    public init(line: Int, columns: Range<Int>, style: Style) {
        self.line = line
        self.columns = columns
        self.style = style
    }
}

/// What an editor does on its own; the raw values are the action ids keymaps bind.
public enum EditorCommand: String, CaseIterable, Sendable {
    case left = "cursor-left", right = "cursor-right", up = "cursor-up", down = "cursor-down"
    case wordLeft = "word-left", wordRight = "word-right"
    case lineStart = "line-start", lineEnd = "line-end"
    case documentStart = "document-start", documentEnd = "document-end"
    case pageUp = "page-up", pageDown = "page-down"
    case deleteBackward = "delete-backward", deleteForward = "delete-forward"
    case deleteWordBackward = "delete-word-backward", deleteToLineEnd = "delete-to-line-end"
    case newline
    case undo, redo
    case toggleSelection = "toggle-selection", selectAll = "select-all", clearSelection = "clear-selection"
    case cut, copy, paste
    case cycleInputMethod = "cycle-input-method"
}

/// A multi-line text editor: lines wrapped at spaces to the view's width
/// (counted per grapheme: Vietnamese letters one column, CJK two), undo and
/// redo by word, a selection with cut, copy and paste, search and replace,
/// go to line, and Vietnamese typing with Telex or VNI for machines with no
/// input method. Every insertion is NFC.
public struct TextEditor: Sendable {
    /// The text, a line per element, each line its graphemes.
    public private(set) var lines: [[Character]] = [[]]
    /// Each grapheme's columns, with `spaceFlag` set on spaces: wrapping reads
    /// these small numbers instead of asking Unicode about every grapheme on
    /// every key press. Changed only where `lines` is.
    private var widths: [[UInt8]] = [[]]
    private static let spaceFlag: UInt8 = 0x80
    public private(set) var cursor = TextPosition(line: 0, column: 0)
    /// The other end of the selection, when there is one.
    public private(set) var anchor: TextPosition?
    /// Telex, VNI, or nil for keys as they are.
    public var inputMethod: InputMethod?
    public var toneStyle: ToneStyle = .new
    /// Whether the text differs from what was loaded or saved last (`markSaved`): undoing
    /// back to that point makes it unmodified again.
    public var isModified: Bool { (undoStack.last?.serial ?? 0) != savedSerial }
    /// The undo step the saved text is at (0: before any), nil when no undo reaches it.
    private var savedSerial: Int? = 0
    /// Numbers undo steps; a step that grows gets a new one.
    private var lastSerial = 0
    /// Counts the changes made to the text: something kept elsewhere (a journal) is
    /// up to date while this number is the one it saw.
    public private(set) var changes = 0
    /// What cut and copy took, for paste.
    public private(set) var clipboard = ""
    /// The view the text is wrapped for.
    public private(set) var viewWidth = 80
    public private(set) var viewHeight = 24
    /// The first visible row: a line and which of its wrapped segments.
    public private(set) var top = (line: 0, segment: 0)
    /// The text searched for last, for the next search and for highlighting.
    public var searchQuery = ""

    /// The column a run of up and down moves keeps to.
    private var preferredX: Int?
    private var composer = WordComposer()
    /// Where the word being composed starts, and how long it is on screen.
    private var composing: (start: TextPosition, length: Int)?

    private struct Edit: Sendable {
        var start: TextPosition
        var removed: [Character]
        var inserted: [Character]
        var cursorBefore: TextPosition
        var cursorAfter: TextPosition
        var serial = 0
    }
    private var undoStack: [Edit] = []
    private var redoStack: [Edit] = []
    /// Whether the next edit may join the last one in a single undo step.
    private var extendsLastEdit = false
    /// Undo steps kept; older ones are dropped.
    private static let undoLimit = 10_000

    public init(text: String = "") {
        load(text)
    }

    /// Replaces the whole text (NFC, any line endings), as unmodified, with no undo history.
    public mutating func load(_ text: String) {
        lines = Self.split(Normalization.nfc(text))
        widths = lines.map(Self.widths)
        cursor = TextPosition(line: 0, column: 0)
        anchor = nil
        top = (0, 0)
        undoStack = []
        redoStack = []
        composing = nil
        savedSerial = 0
    }

    /// The whole text, lines joined by newlines.
    public var text: String {
        var out = ""
        for (i, line) in lines.enumerated() {
            if i > 0 { out.append("\n") }
            out.append(contentsOf: line)
        }
        return out
    }

    public mutating func markSaved() {
        savedSerial = undoStack.last?.serial ?? 0
        extendsLastEdit = false   // typing on after a save is a step of its own
    }

    /// Replaces the whole text with words kept from an earlier session: loaded like
    /// `load`, but modified, since they have not been saved.
    public mutating func restore(_ text: String) {
        load(text)
        savedSerial = nil
        changes += 1
    }

    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    /// Sets the size of the view the text is wrapped for and keeps the cursor in it.
    public mutating func setView(width: Int, height: Int) {
        viewWidth = max(1, width)
        viewHeight = max(1, height)
        top.segment = min(top.segment, segments(top.line).count - 1)
        keepCursorVisible()
    }

    // MARK: - Typing

    /// Types one key: through the input method when one is on, else as it is.
    public mutating func type(_ key: Character) {
        preferredX = nil
        deleteSelectionIfAny()
        guard let method = inputMethod else {
            composing = nil
            insertGraphemes([key], typing: true)
            return
        }
        if composer.method != method || composer.style != toneStyle {
            composer = WordComposer(method: method, style: toneStyle)
            composing = nil
        }
        let stillComposing = composing.map { $0.start.line == cursor.line && $0.start.column + $0.length == cursor.column } ?? false
        if !stillComposing {
            let start = wordStart(before: cursor)
            composer.load(String(lines[cursor.line][start.column..<cursor.column]))
            composing = (start, cursor.column - start.column)
        }
        guard composer.takes(key), let c = composing else {
            composing = nil
            insertGraphemes([key], typing: true)
            return
        }
        composer.type(key)
        let word = Array(composer.text)
        replace(from: c.start, to: cursor, with: word, typing: true)
        composing = (c.start, word.count)
    }

    /// Inserts text as it is (a paste, a suggestion), NFC, replacing the selection.
    public mutating func insert(_ text: String) {
        preferredX = nil
        composing = nil
        deleteSelectionIfAny()
        extendsLastEdit = false
        insertGraphemes(Self.flatten(Normalization.nfc(text)), typing: false)
        extendsLastEdit = false
    }

    private mutating func insertGraphemes(_ graphemes: [Character], typing: Bool) {
        var text = graphemes
        var start = cursor
        // A combining mark typed or pasted on its own joins the letter before it.
        if let first = text.first?.unicodeScalars.first, first.properties.generalCategory == .nonspacingMark, start.column > 0 {
            start.column -= 1
            text = Array(Normalization.nfc(String(lines[start.line][start.column]) + String(text)))
        }
        // Word by word undo: a space after a word starts a new step.
        if typing, let last = undoStack.last, text == [" "], last.inserted.last != " " { extendsLastEdit = false }
        replace(from: start, to: cursor, with: text, typing: typing)
    }

    // MARK: - Commands

    public mutating func perform(_ command: EditorCommand) {
        let isVertical = [.up, .down, .pageUp, .pageDown].contains(command)
        if !isVertical { preferredX = nil }
        if command != .cycleInputMethod { composing = nil }
        switch command {
        case .left: move(to: cursor.column > 0 ? TextPosition(line: cursor.line, column: cursor.column - 1)
                         : cursor.line > 0 ? TextPosition(line: cursor.line - 1, column: lines[cursor.line - 1].count) : cursor)
        case .right: move(to: cursor.column < lines[cursor.line].count ? TextPosition(line: cursor.line, column: cursor.column + 1)
                          : cursor.line + 1 < lines.count ? TextPosition(line: cursor.line + 1, column: 0) : cursor)
        case .up: moveVertically(by: -1)
        case .down: moveVertically(by: 1)
        case .pageUp: moveVertically(by: -max(1, viewHeight - 1))
        case .pageDown: moveVertically(by: max(1, viewHeight - 1))
        case .wordLeft: move(to: wordBoundary(from: cursor, forward: false))
        case .wordRight: move(to: wordBoundary(from: cursor, forward: true))
        case .lineStart:
            // Like most editors: to the segment's start, then to the line's.
            let start = segmentStart(of: cursor)
            move(to: TextPosition(line: cursor.line, column: cursor.column == start ? 0 : start))
        case .lineEnd: move(to: TextPosition(line: cursor.line, column: lines[cursor.line].count))
        case .documentStart: move(to: TextPosition(line: 0, column: 0))
        case .documentEnd: move(to: TextPosition(line: lines.count - 1, column: lines[lines.count - 1].count))
        case .deleteBackward:
            if deleteSelectionIfAny() { break }
            let from = cursor.column > 0 ? TextPosition(line: cursor.line, column: cursor.column - 1)
                : cursor.line > 0 ? TextPosition(line: cursor.line - 1, column: lines[cursor.line - 1].count) : cursor
            if from != cursor { replace(from: from, to: cursor, with: [], typing: true) }
        case .deleteForward:
            if deleteSelectionIfAny() { break }
            let to = cursor.column < lines[cursor.line].count ? TextPosition(line: cursor.line, column: cursor.column + 1)
                : cursor.line + 1 < lines.count ? TextPosition(line: cursor.line + 1, column: 0) : cursor
            if to != cursor { replace(from: cursor, to: to, with: [], typing: false) }
        case .deleteWordBackward:
            if deleteSelectionIfAny() { break }
            let from = wordBoundary(from: cursor, forward: false)
            if from != cursor { replace(from: from, to: cursor, with: [], typing: false) }
        case .deleteToLineEnd:
            let end = TextPosition(line: cursor.line, column: lines[cursor.line].count)
            let to = end != cursor ? end : cursor.line + 1 < lines.count ? TextPosition(line: cursor.line + 1, column: 0) : cursor
            if to != cursor {
                clipboard = String(textBetween(cursor, to))
                replace(from: cursor, to: to, with: [], typing: false)
            }
        case .newline:
            deleteSelectionIfAny()
            extendsLastEdit = false
            replace(from: cursor, to: cursor, with: ["\n"], typing: false)
        case .undo: undo()
        case .redo: redo()
        case .toggleSelection: anchor = anchor == nil ? cursor : nil
        case .selectAll:
            anchor = TextPosition(line: 0, column: 0)
            cursor = TextPosition(line: lines.count - 1, column: lines[lines.count - 1].count)
        case .clearSelection: anchor = nil
        case .copy:
            if let range = selection { clipboard = String(textBetween(range.lowerBound, range.upperBound)) }
            anchor = nil
        case .cut:
            if let range = selection {
                clipboard = String(textBetween(range.lowerBound, range.upperBound))
                deleteSelectionIfAny()
            }
        case .paste:
            if !clipboard.isEmpty { insert(clipboard) }
        case .cycleInputMethod:
            composing = nil
            switch inputMethod {
            case nil: inputMethod = .telex
            case .telex?: inputMethod = .vni
            case .vni?: inputMethod = nil
            }
        }
        // A run of backspaces is one undo step; any other command ends a step.
        if command != .deleteBackward { extendsLastEdit = false }
        keepCursorVisible()
    }

    /// The selection, in text order.
    public var selection: Range<TextPosition>? {
        guard let anchor, anchor != cursor else { return nil }
        return min(anchor, cursor)..<max(anchor, cursor)
    }

    /// The selected text.
    public var selectedText: String? {
        selection.map { String(textBetween($0.lowerBound, $0.upperBound)) }
    }

    // MARK: - Search, replace, go to line

    /// Moves to the next (or previous) place `query` occurs, ignoring case and
    /// diacritics ("tim" finds "tìm"), wrapping around; false when it is nowhere.
    @discardableResult
    public mutating func find(_ query: String, forward: Bool = true) -> Bool {
        searchQuery = query
        let needle = Array(Diacritics.searchKey(Normalization.nfc(query)))
        guard !needle.isEmpty else { return false }
        composing = nil
        let count = lines.count
        for step in 0...count {
            let index = forward ? (cursor.line + step) % count : ((cursor.line - step) % count + count) % count
            let matches = Self.matches(of: needle, in: lines[index])
            let candidate: Int?
            if step == 0 {
                candidate = forward ? matches.first { $0 > cursor.column } : matches.last { $0 < cursor.column }
            } else if step == count {
                candidate = forward ? matches.first { $0 <= cursor.column } : matches.last { $0 >= cursor.column }
            } else {
                candidate = forward ? matches.first : matches.last
            }
            if let column = candidate {
                anchor = nil
                cursor = TextPosition(line: index, column: column)
                keepCursorVisible()
                return true
            }
        }
        return false
    }

    /// Columns where `needle` (a search key) starts in `line`, compared grapheme by grapheme.
    static func matches(of needle: [Character], in line: [Character]) -> [Int] {
        guard line.count >= needle.count else { return [] }
        let keys = line.map { Diacritics.searchKey(String($0)).first ?? $0 }
        var found: [Int] = []
        var i = 0
        while i + needle.count <= keys.count {
            if keys[i] == needle[0], Array(keys[i..<(i + needle.count)]) == needle { found.append(i) }
            i += 1
        }
        return found
    }

    /// Lines at least partly in view: each takes a row or more, so no more than the view's height.
    public var visibleLines: Range<Int> { top.line..<min(lines.count, top.line + viewHeight) }

    /// Where the last search's text occurs in the visible lines, as highlights
    /// in `style`; only those, as this runs on every frame.
    public func searchHighlights(style: Style) -> [TextHighlight] {
        let needle = Array(Diacritics.searchKey(Normalization.nfc(searchQuery)))
        guard !needle.isEmpty else { return [] }
        var out: [TextHighlight] = []
        for index in visibleLines {
            for column in Self.matches(of: needle, in: lines[index]) {
                out.append(TextHighlight(line: index, columns: column..<(column + needle.count), style: style))
            }
        }
        return out
    }

    /// Replaces every exact occurrence of `query` with `replacement` as one
    /// undo step; returns how many were replaced.
    @discardableResult
    public mutating func replaceAll(_ query: String, with replacement: String) -> Int {
        let needle = Array(Normalization.nfc(query))
        guard !needle.isEmpty else { return 0 }
        let text = Self.flatten(Normalization.nfc(replacement))
        var count = 0
        var newLines: [[Character]] = []
        for line in lines {
            var out: [Character] = []
            var i = 0
            while i < line.count {
                if i + needle.count <= line.count, line[i] == needle[0], Array(line[i..<(i + needle.count)]) == needle {
                    out += text
                    i += needle.count
                    count += 1
                } else {
                    out.append(line[i])
                    i += 1
                }
            }
            newLines.append(out)
        }
        guard count > 0 else { return 0 }
        var joined: [Character] = []
        for (i, line) in newLines.enumerated() {
            if i > 0 { joined.append("\n") }
            joined += line
        }
        replaceText(joined)
        return count
    }

    /// Replaces the whole text (a merge, another editor's result) as one undo step; the
    /// cursor stays where it was, as far as the new text reaches.
    public mutating func replaceAll(with text: String) {
        replaceText(Self.flatten(Normalization.nfc(text)))
    }

    private mutating func replaceText(_ joined: [Character]) {
        let before = cursor
        composing = nil
        anchor = nil
        extendsLastEdit = false
        replace(from: TextPosition(line: 0, column: 0),
                to: TextPosition(line: lines.count - 1, column: lines[lines.count - 1].count), with: joined, typing: false)
        cursor = before
        clampCursor()
        extendsLastEdit = false
        keepCursorVisible()
    }

    /// Selects `length` characters from `start` (a word to fix): the cursor after them,
    /// so that typing replaces them.
    public mutating func select(from start: TextPosition, length: Int) {
        composing = nil
        let line = min(max(0, start.line), lines.count - 1)
        let from = min(max(0, start.column), lines[line].count)
        anchor = TextPosition(line: line, column: from)
        cursor = TextPosition(line: line, column: min(lines[line].count, from + max(0, length)))
        preferredX = nil
        keepCursorVisible()
    }

    /// Puts the cursor at the start of line `number` (from 1), clamped to the text.
    public mutating func goToLine(_ number: Int) {
        composing = nil
        anchor = nil
        move(to: TextPosition(line: min(max(1, number), lines.count) - 1, column: 0))
        keepCursorVisible()
    }

    // MARK: - Editing primitive

    /// Replaces the text between two positions; every change goes through here,
    /// which records it for undo.
    private mutating func replace(from start: TextPosition, to end: TextPosition, with text: [Character], typing: Bool) {
        let removed = textBetween(start, end)
        let before = cursor
        let after = apply(start: start, end: end, text: text)
        cursor = after
        anchor = nil
        changes += 1
        redoStack.removeAll()
        lastSerial += 1
        let edit = Edit(start: start, removed: removed, inserted: text, cursorBefore: before, cursorAfter: after, serial: lastSerial)
        if typing, extendsLastEdit, var last = undoStack.last, Self.merge(edit, into: &last) {
            last.serial = lastSerial
            undoStack[undoStack.count - 1] = last
        } else {
            undoStack.append(edit)
            if undoStack.count > Self.undoLimit { undoStack.removeFirst(undoStack.count - Self.undoLimit) }
        }
        extendsLastEdit = typing
        keepCursorVisible()
    }

    /// Folds `edit` into `last` when it only rewrites text `last` inserted on
    /// one line (typing on, a Telex mark, a backspace over what was typed).
    private static func merge(_ edit: Edit, into last: inout Edit) -> Bool {
        guard !last.inserted.contains("\n"), !edit.inserted.contains("\n"), !edit.removed.contains("\n"),
              edit.start.line == last.start.line else { return false }
        let offset = edit.start.column - last.start.column
        guard offset >= 0, offset + edit.removed.count <= last.inserted.count else {
            // A backspace just before what was typed: the step grows to the left.
            guard edit.inserted.isEmpty, edit.start.column + edit.removed.count == last.start.column else { return false }
            last.removed = edit.removed + last.removed
            last.start = edit.start
            last.cursorAfter = edit.cursorAfter
            return true
        }
        last.inserted.replaceSubrange(offset..<(offset + edit.removed.count), with: edit.inserted)
        last.cursorAfter = edit.cursorAfter
        return true
    }

    /// Changes the lines; returns where the inserted text ends.
    private mutating func apply(start: TextPosition, end: TextPosition, text: [Character]) -> TextPosition {
        var pieces: [[Character]] = [[]]
        for c in text {
            if c == "\n" { pieces.append([]) } else { pieces[pieces.count - 1].append(c) }
        }
        let prefix = lines[start.line][..<start.column]
        let suffix = lines[end.line][end.column...]
        let endColumn = pieces.count == 1 ? start.column + pieces[0].count : pieces[pieces.count - 1].count
        pieces[0].insert(contentsOf: prefix, at: 0)
        pieces[pieces.count - 1].append(contentsOf: suffix)
        if start.line == end.line && pieces.count == 1 {
            // Typing: only the new graphemes need measuring.
            widths[start.line].replaceSubrange(start.column..<end.column, with: Self.widths(Array(text)))
            lines[start.line] = pieces[0]
        } else {
            lines.replaceSubrange(start.line...end.line, with: pieces)
            widths.replaceSubrange(start.line...end.line, with: pieces.map(Self.widths))
        }
        return TextPosition(line: start.line + pieces.count - 1, column: endColumn)
    }

    private func end(of start: TextPosition, _ text: [Character]) -> TextPosition {
        var position = start
        for c in text {
            if c == "\n" { position = TextPosition(line: position.line + 1, column: 0) } else { position.column += 1 }
        }
        return position
    }

    private mutating func undo() {
        guard let edit = undoStack.popLast() else { return }
        replay(edit, backwards: true)
        redoStack.append(edit)
    }

    private mutating func redo() {
        guard let edit = redoStack.popLast() else { return }
        replay(edit, backwards: false)
        undoStack.append(edit)
    }

    /// Takes an edit back (undo) or makes it again (redo).
    private mutating func replay(_ edit: Edit, backwards: Bool) {
        let (old, new) = backwards ? (edit.inserted, edit.removed) : (edit.removed, edit.inserted)
        _ = apply(start: edit.start, end: end(of: edit.start, old), text: new)
        cursor = backwards ? edit.cursorBefore : edit.cursorAfter
        clampCursor()
        anchor = nil
        changes += 1
    }

    @discardableResult
    private mutating func deleteSelectionIfAny() -> Bool {
        guard let range = selection else {
            anchor = nil
            return false
        }
        extendsLastEdit = false
        replace(from: range.lowerBound, to: range.upperBound, with: [], typing: false)
        extendsLastEdit = false
        return true
    }

    private func textBetween(_ a: TextPosition, _ b: TextPosition) -> [Character] {
        if a.line == b.line { return Array(lines[a.line][a.column..<b.column]) }
        var out = Array(lines[a.line][a.column...])
        for line in (a.line + 1)..<b.line {
            out.append("\n")
            out += lines[line]
        }
        out.append("\n")
        out += lines[b.line][..<b.column]
        return out
    }

    private static func split(_ text: String) -> [[Character]] {
        var result: [[Character]] = [[]]
        for c in text {
            if c == "\n" || c == "\r\n" || c == "\r" { result.append([]) } else { result[result.count - 1].append(c) }
        }
        return result
    }

    /// Graphemes with any line ending as "\n".
    private static func flatten(_ text: String) -> [Character] {
        text.map { $0 == "\r\n" || $0 == "\r" ? "\n" : $0 }
    }

    private mutating func clampCursor() {
        cursor.line = min(max(0, cursor.line), lines.count - 1)
        cursor.column = min(max(0, cursor.column), lines[cursor.line].count)
    }

    // MARK: - Moving

    private mutating func move(to position: TextPosition) {
        cursor = position
        clampCursor()
    }

    private static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// The start of the run of letters that ends at `position`.
    private func wordStart(before position: TextPosition) -> TextPosition {
        let line = lines[position.line]
        var column = position.column
        while column > 0, line[column - 1].isLetter { column -= 1 }
        return TextPosition(line: position.line, column: column)
    }

    /// The next word start (forward) or the previous one, across lines.
    private func wordBoundary(from position: TextPosition, forward: Bool) -> TextPosition {
        var p = position
        let line = lines[p.line]
        if forward {
            if p.column >= line.count { return p.line + 1 < lines.count ? TextPosition(line: p.line + 1, column: 0) : p }
            while p.column < line.count, Self.isWordCharacter(line[p.column]) { p.column += 1 }
            while p.column < line.count, !Self.isWordCharacter(line[p.column]) { p.column += 1 }
        } else {
            if p.column == 0 { return p.line > 0 ? TextPosition(line: p.line - 1, column: lines[p.line - 1].count) : p }
            while p.column > 0, !Self.isWordCharacter(line[p.column - 1]) { p.column -= 1 }
            while p.column > 0, Self.isWordCharacter(line[p.column - 1]) { p.column -= 1 }
        }
        return p
    }

    // MARK: - Wrapping

    /// Where each wrapped segment of a line starts: lines break after a space
    /// when the next word would pass the view's width, inside a word only when
    /// the word alone is wider than the view.
    func segments(_ index: Int) -> [Int] {
        widths[index].withUnsafeBufferPointer { line in
            var starts = [0]
            var x = 0
            var lastBreak = -1  // column after the last space in this segment
            var i = 0
            while i < line.count {
                let w = Int(line[i] & ~Self.spaceFlag)
                if x + w > viewWidth && i > starts[starts.count - 1] {
                    let start = lastBreak > starts[starts.count - 1] ? lastBreak : i
                    starts.append(start)
                    x = 0
                    for j in start..<i { x += Int(line[j] & ~Self.spaceFlag) }
                    lastBreak = -1
                    continue
                }
                x += w
                if line[i] & Self.spaceFlag != 0 { lastBreak = i + 1 }
                i += 1
            }
            return starts
        }
    }

    private static func widths(_ line: [Character]) -> [UInt8] {
        line.map { c in c.asciiValue == 0x20 ? 1 | spaceFlag : UInt8(DisplayWidth.of(c)) }
    }

    private func segmentIndex(of position: TextPosition, in starts: [Int]) -> Int {
        var s = starts.count - 1
        while s > 0 && starts[s] > position.column { s -= 1 }
        return s
    }

    private func segmentStart(of position: TextPosition) -> Int {
        let starts = segments(position.line)
        return starts[segmentIndex(of: position, in: starts)]
    }

    /// The screen column of a position within its segment.
    private func x(of position: TextPosition, starts: [Int]) -> Int {
        let s = segmentIndex(of: position, in: starts)
        var x = 0
        for j in starts[s]..<position.column { x += Int(widths[position.line][j] & ~Self.spaceFlag) }
        return x
    }

    private mutating func moveVertically(by rows: Int) {
        var starts = segments(cursor.line)
        var segment = segmentIndex(of: cursor, in: starts)
        let x = preferredX ?? self.x(of: cursor, starts: starts)
        preferredX = x
        var line = cursor.line
        var remaining = rows
        while remaining != 0 {
            if remaining > 0 {
                if segment + 1 < starts.count { segment += 1 }
                else if line + 1 < lines.count { line += 1; starts = segments(line); segment = 0 }
                else { cursor.column = lines[line].count; cursor.line = line; return }
                remaining -= 1
            } else {
                if segment > 0 { segment -= 1 }
                else if line > 0 { line -= 1; starts = segments(line); segment = starts.count - 1 }
                else { cursor = TextPosition(line: 0, column: 0); return }
                remaining += 1
            }
        }
        // The column nearest `x` without passing it, inside the segment.
        let end = segment + 1 < starts.count ? starts[segment + 1] - 1 : lines[line].count
        var column = starts[segment]
        var cx = 0
        while column < end {
            let w = Int(widths[line][column] & ~Self.spaceFlag)
            if cx + w > x { break }
            cx += w
            column += 1
        }
        cursor = TextPosition(line: line, column: column)
    }

    /// Scrolls so the cursor's row is in the view.
    private mutating func keepCursorVisible() {
        let starts = segments(cursor.line)
        let segment = segmentIndex(of: cursor, in: starts)
        if (cursor.line, segment) < (top.line, top.segment) {
            top = (cursor.line, segment)
            return
        }
        // The highest top that still shows the cursor on the last row.
        var line = cursor.line
        var seg = segment
        var rows = 1
        while rows < viewHeight {
            if seg > 0 { seg -= 1 }
            else if line > 0 { line -= 1; seg = segments(line).count - 1 }
            else { break }
            rows += 1
        }
        if (top.line, top.segment) < (line, seg) { top = (line, seg) }
    }

    // MARK: - Mouse

    /// Puts the cursor on the character drawn at (`row`, `x`) of the view, or
    /// the nearest one left of it; past the text, at its end.
    public mutating func place(viewRow row: Int, x: Int) {
        composing = nil
        anchor = nil
        extendsLastEdit = false
        let starts = segments(top.line)
        cursor = TextPosition(line: top.line, column: starts[min(top.segment, starts.count - 1)])
        preferredX = max(0, x)
        moveVertically(by: max(0, row))
        preferredX = nil
        keepCursorVisible()
    }

    /// The wheel: the cursor goes `rows` screen rows down (up when negative),
    /// keeping its column, and the view follows.
    public mutating func scroll(by rows: Int) {
        composing = nil
        extendsLastEdit = false
        moveVertically(by: rows)
        keepCursorVisible()
    }

    // MARK: - Drawing

    /// Draws the visible rows into `rect` (which should match `setView`), the
    /// selection and `highlights` in their styles, and sets the frame's cursor.
    public func render(into frame: inout Frame, in rect: Rect, theme: Theme, highlights: [TextHighlight] = [],
                       showCursor: Bool = true) {
        frame.fill(rect, style: theme.normal)
        guard rect.width > 0, rect.height > 0 else { return }
        var line = top.line
        var starts = segments(line)
        var segment = min(top.segment, starts.count - 1)
        let byLine = Dictionary(grouping: highlights, by: \.line)
        let selected = selection
        for row in rect.row..<rect.bottom {
            guard line < lines.count else { break }
            let from = starts[segment]
            let to = segment + 1 < starts.count ? starts[segment + 1] : lines[line].count
            drawSegment(line: line, from: from, to: to, row: row, col: rect.col, maxWidth: rect.width,
                        highlights: byLine[line] ?? [], selection: selected, theme: theme, into: &frame)
            if showCursor, cursor.line == line, cursor.column >= from,
               cursor.column < to || (segment + 1 == starts.count && cursor.column == to) {
                var cx = 0
                for j in from..<cursor.column { cx += Int(widths[line][j] & ~Self.spaceFlag) }
                frame.cursor = (row, rect.col + min(cx, rect.width - 1))
            }
            if segment + 1 < starts.count {
                segment += 1
            } else {
                line += 1
                segment = 0
                if line < lines.count { starts = segments(line) }
            }
        }
    }

    private func drawSegment(line: Int, from: Int, to: Int, row: Int, col: Int, maxWidth: Int,
                             highlights: [TextHighlight], selection: Range<TextPosition>?, theme: Theme,
                             into frame: inout Frame) {
        let chars = lines[line]
        func style(at column: Int) -> Style {
            let p = TextPosition(line: line, column: column)
            if let selection, selection.contains(p) { return theme.selection }
            var result = theme.normal
            for h in highlights where h.columns.contains(column) { result = h.style }
            return result
        }
        var x = col
        var runStart = from
        while runStart < to {
            let runStyle = style(at: runStart)
            var runEnd = runStart + 1
            while runEnd < to, style(at: runEnd) == runStyle { runEnd += 1 }
            let written = frame.put(String(chars[runStart..<runEnd]), row: row, col: x, style: runStyle,
                                    maxWidth: col + maxWidth - x)
            x += written
            runStart = runEnd
        }
    }

    /// Line and column (from 1) of the cursor, for a status bar.
    public var cursorLabel: (line: Int, column: Int) { (cursor.line + 1, cursor.column + 1) }
}
