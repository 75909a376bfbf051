import Foundation

/// File names for exports: the parts joined by hyphens, kept to letters, digits, `-` and `_`
/// so a name from the data cannot reach outside the folder it is saved in.
enum ExportFileName {
    static func make(_ parts: [String?], _ format: ExportFormat) -> String {
        let safe = parts.compactMap { $0 }.map { part in
            String(part.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }
                .map(Character.init))
        }.filter { !$0.isEmpty }
        return (safe.isEmpty ? "export" : safe.joined(separator: "-")) + "." + format.fileExtension
    }
}
