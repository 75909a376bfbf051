import Foundation
import VietText

/// The subset of TOML bientap's `config.toml` uses: `[section]` headers,
/// `key = "string"` (or 'literal'), `key = true|false|number`, `#` comments.
/// Keys inside a section are returned as `section.key`.
public struct ConfigFile: Sendable, Equatable {
    public var values: [String: String]

    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public enum Problem: Equatable, Sendable {
            case sectionHeader(String)
            case keyValue
            case key(String)
            case value(key: String, raw: String)
        }
        public var file: String
        public var line: Int
        public var problem: Problem

        public func message(_ language: UILanguage) -> String {
            "\(file):\(line): " + Strings.configProblem(problem)(language)
        }
        public var description: String { message(.vi) }
    }

    public init(values: [String: String] = [:]) {
        self.values = values
    }

    public init(parsing text: String, file: String) throws {
        values = [:]
        var section = ""
        for (index, rawLine) in text.textLines.enumerated() {
            let lineNumber = index + 1
            let line = Self.stripComment(String(rawLine)).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else {
                    throw ParseError(file: file, line: lineNumber, problem: .sectionHeader(line))
                }
                section = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let eq = line.firstIndex(of: "=") else {
                throw ParseError(file: file, line: lineNumber, problem: .keyValue)
            }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            let rawValue = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                throw ParseError(file: file, line: lineNumber, problem: .key(key))
            }
            guard let value = Self.parseValue(rawValue) else {
                throw ParseError(file: file, line: lineNumber, problem: .value(key: key, raw: rawValue))
            }
            values[section.isEmpty ? key : "\(section).\(key)"] = value
        }
    }

    public subscript(key: String) -> String? { values[key] }

    private static func stripComment(_ line: String) -> String {
        var inBasic = false, inLiteral = false, escaped = false
        for (offset, c) in line.enumerated() {
            if escaped { escaped = false; continue }
            if c == "\\" && inBasic { escaped = true; continue }
            if c == "\"" && !inLiteral { inBasic.toggle() }
            if c == "'" && !inBasic { inLiteral.toggle() }
            if c == "#" && !inBasic && !inLiteral { return String(line.prefix(offset)) }
        }
        return line
    }

    private static func parseValue(_ raw: String) -> String? {
        if raw.count >= 2, raw.hasPrefix("'"), raw.hasSuffix("'") {
            return String(raw.dropFirst().dropLast())
        }
        if raw.count >= 2, raw.hasPrefix("\""), raw.hasSuffix("\"") {
            var out = ""
            var escaped = false
            for c in raw.dropFirst().dropLast() {
                if escaped {
                    switch c {
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    case "\\": out.append("\\")
                    case "\"": out.append("\"")
                    default: return nil
                    }
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else if c == "\"" {
                    return nil
                } else {
                    out.append(c)
                }
            }
            return escaped ? nil : out
        }
        if raw == "true" || raw == "false" || Double(raw) != nil { return raw }
        return nil
    }
}
