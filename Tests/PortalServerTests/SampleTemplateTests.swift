@testable import PortalServer
import XCTest

/// The sample corpus's templates: `{name}` replaced in one pass.
final class SampleTemplateTests: XCTestCase {
    func testKnownNamesAreReplacedAndTheRestKeptAsWritten() {
        let values = ["place": "xã Tịnh Khê", "n": "12", "Place": "Xã Tịnh Khê"]
        XCTAssertEqual(SampleCorpus.substitute("{Place}: {n} hộ ở {place}", values), "Xã Tịnh Khê: 12 hộ ở xã Tịnh Khê")
        // Unknown names, stray and unclosed braces stay as they are.
        XCTAssertEqual(SampleCorpus.substitute("{x} {{n}} {n", values), "{x} {12} {n")
        XCTAssertEqual(SampleCorpus.substitute("", values), "")
        XCTAssertEqual(SampleCorpus.substitute("không có gì", [:]), "không có gì")
        // A value holding a name is not replaced again.
        XCTAssertEqual(SampleCorpus.substitute("{a}{b}", ["a": "{b}", "b": "2"]), "{b}2")
    }
}
