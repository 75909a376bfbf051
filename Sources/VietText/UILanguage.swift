/// The language of the user interface: Vietnamese by default, English when
/// the locale asks for it.
public enum UILanguage: String, Sendable, CaseIterable {
    case vi, en

    /// The language named by `LC_ALL`, `LC_MESSAGES` or `LANG` (first one set):
    /// English for `en*`, Vietnamese otherwise.
    public static func fromEnvironment(_ env: [String: String]) -> UILanguage {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = env[key], !value.isEmpty {
                return value.lowercased().hasPrefix("en") ? .en : .vi
            }
        }
        return .vi
    }
}

/// A UI string in both languages.
public struct Localized: Sendable, Hashable {
    public let vi: String
    public let en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    public func callAsFunction(_ language: UILanguage) -> String {
        language == .en ? en : vi
    }
}
