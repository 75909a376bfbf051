import Foundation
import Polling

/// Debian's LibreOffice (libreoffice-calc-nogui), headless, as an independent reader of the
/// XLSX files: it opens them, computes their formulas and writes the first sheet as CSV.
enum LibreOffice {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Calc's setting "recalculation on file load" for Excel 2007 and newer: 0, always.
    static let recalculateOnLoad = """
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
        </oor:items>
        """

    static let candidates = ["/usr/bin/libreoffice", "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"]

    /// The first sheet of `xlsx` as CSV text (UTF-8, comma, figures as shown in en-US, so
    /// `#,##0` gives 1,234,567). Each call has its own profile, so parallel runs never meet.
    static func sheetAsCSV(_ xlsx: Data, timeout: TimeInterval = 180) throws -> String {
        guard let program = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Failure(description: "LibreOffice is missing: install libreoffice-calc-nogui (make test-deps does)")
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("bientap-lo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let profile = work.appendingPathComponent("profile"), out = work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // The exports cache each formula's value; LibreOffice shows cached values of an XLSX
        // unless told to recompute on load, and these tests are about what the formulas compute.
        let settings = profile.appendingPathComponent("user")
        try FileManager.default.createDirectory(at: settings, withIntermediateDirectories: true)
        try Data(recalculateOnLoad.utf8).write(to: settings.appendingPathComponent("registrymodifications.xcu"))
        let input = work.appendingPathComponent("export.xlsx")
        try xlsx.write(to: input)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        // Filter options: comma, double quote, UTF-8, from line 1, no column types, en-US,
        // quoted fields not as text, special numbers detected, cells as shown.
        process.arguments = ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore",
                             "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true",
                             "--outdir", out.path, input.path]
        let log = Pipe()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let result = out.appendingPathComponent("export.csv")
        // Poll, never a fixed sleep: first for LibreOffice to end, then (briefly) for its file.
        if !eventually(timeout: timeout, { !process.isRunning }) {
            process.terminate()
            throw Failure(description: "LibreOffice did not finish within \(Int(timeout)) s")
        }
        eventually(timeout: 5) { FileManager.default.fileExists(atPath: result.path) }
        let said = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard let data = FileManager.default.contents(atPath: result.path) else {
            throw Failure(description: "LibreOffice wrote no CSV (exit \(process.terminationStatus)): \(said)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
