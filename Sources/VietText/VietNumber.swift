import Foundation

/// Numbers as Vietnamese documents write them: digits grouped by dots with a
/// decimal comma (1.250.000; 2,5), and amounts in words for payment lists
/// ("Một triệu hai trăm năm mươi nghìn đồng").
public enum VietNumber {
    /// `value` with dot thousand separators: 1250000 → "1.250.000".
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = value < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(".") }
            out.append(digit)
        }
        return out
    }

    /// `value` rounded to `fractionDigits`, dot-grouped, with a decimal comma: 1234.5 → "1.234,50".
    public static func grouped(_ value: Double, fractionDigits: Int) -> String {
        let scale = (0..<fractionDigits).reduce(1.0) { acc, _ in acc * 10 }
        let scaled = (value.magnitude * scale).rounded()
        guard scaled < 9.0e18 else { return String(value) }
        let units = Int(scaled)
        let whole = units / Int(scale), fraction = units % Int(scale)
        var out = (value < 0 && units != 0 ? "-" : "") + grouped(whole)
        if fractionDigits > 0 {
            let digits = String(fraction)
            out += "," + String(repeating: "0", count: fractionDigits - digits.count) + digits
        }
        return out
    }

    /// The whole number in `text` written with or without dot (or space)
    /// separators and an optional currency mark: "1.250.000", "1 250 000 đ",
    /// "1.250.000đ", "1250000 đồng"; nil when it is not one.
    public static func parse(_ text: String) -> Int? {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        for suffix in ["đồng", "VNĐ", "VND", "đ", "₫"] where body.hasSuffix(suffix) {
            body = body.dropLast(suffix.count)
            break
        }
        body = Substring(body.trimmingCharacters(in: .whitespaces))
        var negative = false
        if body.first == "-" {
            negative = true
            body = body.dropFirst()
        }
        let groups = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == " " || $0 == "\u{00A0}" })
        guard let first = groups.first, !first.isEmpty, first.count <= (groups.count > 1 ? 3 : 18),
              groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              groups.dropFirst().allSatisfy({ $0.count == 3 }), let value = Int(groups.joined()) else { return nil }
        return negative ? -value : value
    }

    /// `value` in words, lower case: 1250000 → "một triệu hai trăm năm mươi nghìn".
    /// A missing tens digit is read "lẻ" (một trăm lẻ năm) unless `zeroTens` says "linh".
    public static func words(_ value: Int, zeroTens: String = "lẻ") -> String {
        if value == 0 { return "không" }
        if value < 0 { return "âm " + words(value == Int.min ? Int.max : -value, zeroTens: zeroTens) }
        // Groups of three digits, lowest first.
        var groups: [Int] = []
        var rest = value
        while rest > 0 {
            groups.append(rest % 1000)
            rest /= 1000
        }
        var parts: [String] = []
        for index in stride(from: groups.count - 1, through: 0, by: -1) where groups[index] > 0 {
            let isFirst = index == groups.count - 1
            parts.append(threeDigits(groups[index], full: !isFirst, zeroTens: zeroTens))
            if let scale = scaleName(index) { parts.append(scale) }
        }
        return parts.joined(separator: " ")
    }

    /// An amount of money in words, as written under a payment list's total:
    /// "1.250.000" → "Một triệu hai trăm năm mươi nghìn đồng"; nil when `text` is no amount.
    public static func amountInWords(_ text: String, currency: String = "đồng") -> String? {
        parse(text).map { amountInWords($0, currency: currency) }
    }

    public static func amountInWords(_ value: Int, currency: String = "đồng") -> String {
        let spoken = words(value) + " " + currency
        return spoken.prefix(1).uppercased() + spoken.dropFirst()
    }

    private static let digitNames = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]

    /// nghìn, triệu, tỷ, then nghìn tỷ, triệu tỷ, tỷ tỷ.
    private static func scaleName(_ index: Int) -> String? {
        switch index {
        case 0: return nil
        case 1: return "nghìn"
        case 2: return "triệu"
        case 3: return "tỷ"
        default: return [scaleName(index - 3), "tỷ"].compactMap { $0 }.joined(separator: " ")
        }
    }

    /// 0–999; `full` reads the hundreds even when they are zero (một triệu
    /// không trăm lẻ năm nghìn), as every group after the first one does.
    private static func threeDigits(_ n: Int, full: Bool, zeroTens: String) -> String {
        let hundreds = n / 100, tens = n / 10 % 10, units = n % 10
        var parts: [String] = []
        if hundreds > 0 || full { parts += [digitNames[hundreds], "trăm"] }
        switch tens {
        case 0:
            if units > 0 && !parts.isEmpty { parts.append(zeroTens) }
        case 1:
            parts.append("mười")
        default:
            parts += [digitNames[tens], "mươi"]
        }
        switch units {
        case 0: break
        case 1 where tens >= 2: parts.append("mốt")
        case 4 where tens >= 2: parts.append("tư")
        case 5 where tens >= 1: parts.append("lăm")
        default: parts.append(digitNames[units])
        }
        return parts.joined(separator: " ")
    }
}
