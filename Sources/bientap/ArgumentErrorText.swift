import ArgumentParser
import BienTapApp
import VietText

/// swift-argument-parser's complaints about the command line, said in the catalogue's
/// language. The parser's error types are internal, so its messages (fixed for the
/// pinned version) are recognised by their wording; one not recognised is shown as it came.
enum ArgumentErrorText {
    /// The whole report for `error`: what is wrong, then the usage line and where help is.
    static func report(_ error: Error, language: UILanguage) -> String {
        let message = localized(BienTap.message(for: error), language: language)
        let full = BienTap.fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false)
        // The usage and the pointer to --help, without the parser's English "Help:" abstract.
        let usage = full.drop { !$0.hasPrefix("Usage:") }.map { line -> String in
            if line.hasPrefix("Usage:") { return Strings.usageLabel(language) + line.dropFirst("Usage:".count) }
            if let match = line.wholeMatch(of: #/\s*See '(?<help>.+)' for more information\./#) {
                return "  " + Strings.seeHelp(String(match.help))(language)
            }
            return String(line)
        }
        return (["bientap: " + message] + usage).joined(separator: "\n")
    }

    /// One message of the parser, in `language`.
    static func localized(_ message: String, language: UILanguage) -> String {
        if let m = message.firstMatch(of: #/^The value '(?<value>.*)' is invalid for '(?<name>[^']*)'/#) {
            return Strings.invalidArgumentValue(String(m.value), for: String(m.name))(language)
        }
        if let m = message.firstMatch(of: #/^The value '(?<value>.*)' is invalid\./#) {
            return Strings.invalidArgumentValue(String(m.value), for: nil)(language)
        }
        if let m = message.firstMatch(of: #/^Missing expected argument '(?<name>[^']*)'/#) {
            return Strings.missingArgument(String(m.name))(language)
        }
        if let m = message.firstMatch(of: #/^Missing one of: '(?<names>.*)'/#) {
            return Strings.missingArgument(String(m.names))(language)
        }
        if let m = message.firstMatch(of: #/^Missing value for '(?<name>[^']*)'/#) {
            return Strings.missingOptionValue(String(m.name))(language)
        }
        if let m = message.firstMatch(of: #/^Unknown option '(?<name>[^']*)'/#) {
            return Strings.unknownOption(String(m.name))(language)
        }
        if let m = message.firstMatch(of: #/^Unexpected argument '(?<value>.*)'$/#) {
            return Strings.unexpectedArguments(String(m.value))(language)
        }
        if let m = message.firstMatch(of: #/^\d+ unexpected arguments: '(?<values>.*)'$/#) {
            return Strings.unexpectedArguments(String(m.values))(language)
        }
        if let m = message.firstMatch(of: #/^The option '(?<name>[^']*)' does not take any value, but '(?<value>.*)' was specified\./#) {
            return Strings.optionTakesNoValue(String(m.name), given: String(m.value))(language)
        }
        return message
    }
}
