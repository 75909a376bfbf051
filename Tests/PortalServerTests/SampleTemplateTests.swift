@testable import PortalServer
import Testing

/// The sample corpus's templates: `{name}` replaced in one pass.
struct SampleTemplateTests {
    @Test func knownNamesAreReplacedAndTheRestKeptAsWritten() {
        let values = ["place": "xã Tịnh Khê", "n": "12", "Place": "Xã Tịnh Khê"]
        #expect(SampleCorpus.substitute("{Place}: {n} hộ ở {place}", values) == "Xã Tịnh Khê: 12 hộ ở xã Tịnh Khê")
        // Unknown names, stray and unclosed braces stay as they are.
        #expect(SampleCorpus.substitute("{x} {{n}} {n", values) == "{x} {12} {n")
        #expect(SampleCorpus.substitute("", values) == "")
        #expect(SampleCorpus.substitute("không có gì", [:]) == "không có gì")
        // A value holding a name is not replaced again.
        #expect(SampleCorpus.substitute("{a}{b}", ["a": "{b}", "b": "2"]) == "{b}2")
    }
}
