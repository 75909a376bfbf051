import Foundation

/// Text a social network sent (an error message, a trace id), made fit to store and to
/// show later: NFC, one line, no control or reordering characters, and short.
enum UntrustedText {
    static let maximumCharacters = 300

    static func line(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            let blank = isHidden(scalar) || scalar.properties.isWhitespace
            if blank {
                // Line breaks, tabs and control characters become one space between words.
                if !lastWasSpace, !out.isEmpty { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(scalar)
                lastWasSpace = false
            }
        }
        var result = String(out)
        while result.hasSuffix(" ") { result.removeLast() }
        if result.count > maximumCharacters {
            result = String(result.prefix(maximumCharacters - 1)) + "…"
        }
        return result
    }

    /// Characters a terminal acts on (C0, DEL, C1) or that reorder or hide the text around them.
    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2069, 0xFEFF: return true
        default: return false
        }
    }
}

/// Reading JSON that came from outside: nothing is assumed about its shape or types.
enum UntrustedJSON {
    static func object(_ data: Data) -> [String: Any]? {
        guard !data.isEmpty else { return nil }
        return (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) as? [String: Any]
    }

    /// An integer sent as a number or as a string of digits (Zalo sends both).
    static func int(_ value: Any?) -> Int? {
        switch value {
        case let number as NSNumber:
            let double = number.doubleValue
            guard double.rounded() == double, abs(double) < 1e15 else { return nil }
            return Int(double)
        case let text as String:
            return Int(text.trimmingCharacters(in: .whitespaces))
        default:
            return nil
        }
    }

    /// A string, or a number written out (ids arrive as either).
    static func identifier(_ value: Any?) -> String? {
        switch value {
        case let text as String:
            return text
        case let number as NSNumber:
            return int(number).map(String.init)
        default:
            return nil
        }
    }
}
