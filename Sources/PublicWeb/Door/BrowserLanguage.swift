import VietText

/// The language a door page speaks: Vietnamese unless the browser's `Accept-Language`
/// prefers English to Vietnamese (by its quality values, then its order).
public enum BrowserLanguage {
    public static func of(acceptLanguage header: String?) -> UILanguage {
        guard let header else { return .vi }
        var best: (language: UILanguage, quality: Double)?
        for entry in header.split(separator: ",") {
            let parts = entry.split(separator: ";")
            guard let tag = parts.first?.trimmingCharacters(in: .whitespaces).lowercased() else { continue }
            let language: UILanguage
            if tag == "en" || tag.hasPrefix("en-") {
                language = .en
            } else if tag == "vi" || tag.hasPrefix("vi-") {
                language = .vi
            } else {
                continue
            }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2, pair[0] == "q", let value = Double(pair[1]), value.isFinite { quality = min(max(value, 0), 1) }
            }
            guard quality > 0 else { continue }
            if best == nil || quality > best?.quality ?? 0 { best = (language, quality) }
        }
        return best?.language ?? .vi
    }
}
