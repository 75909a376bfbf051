/// A document's (văn bản) number as its title cites it: "Kế hoạch số 12/KH-UBND …" → "12/KH-UBND",
/// "… Nghị định 43/2026/NĐ-CP …" → "43/2026/NĐ-CP". The numbers follow Nghị định 30/2020/NĐ-CP:
/// a serial, an optional year, and the kind's and issuer's abbreviations joined by hyphens.
public enum DocumentNumber {
    public static func find(in text: String) -> String? {
        for word in text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" || $0 == "(" || $0 == ")" }) {
            let parts = word.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2 || parts.count == 3, let serial = parts.first, !serial.isEmpty, serial.allSatisfy(\.isASCII),
                  serial.allSatisfy(\.isNumber) else { continue }
            if parts.count == 3 {
                guard parts[1].count == 4, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { continue }
            }
            let issuer = parts[parts.count - 1]
            guard let first = issuer.first, first.isUppercase,
                  issuer.allSatisfy({ $0.isUppercase || $0 == "-" || ($0.isASCII && $0.isNumber) }), issuer.last != "-" else { continue }
            return String(word)
        }
        return nil
    }
}
