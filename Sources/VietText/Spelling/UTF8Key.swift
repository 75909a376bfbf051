/// A string hashed and compared by its UTF-8 bytes. For text known to be NFC
/// (the checker normalises first; the lexicon stores NFC), bytes tell
/// spellings apart as well as `String` does, at a fraction of the cost of
/// its normalising hash and comparison.
struct UTF8Key: Hashable, Sendable {
    var text: String

    init(_ text: String) { self.text = text }

    static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        var (x, y) = (a.text, b.text)
        return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && p.elementsEqual(q) } }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
