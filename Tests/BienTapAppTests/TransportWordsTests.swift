@testable import BienTapApp
import CurlHTTP
import NewsroomKit
import PortalClient
import VietText
import XCTest

/// libcurl says what went wrong in English; the desk says it in the interface's language.
final class TransportWordsTests: XCTestCase {
    func testLibcurlFailuresAreSaidInBothLanguages() {
        let cases: [(code: Int, vi: String, en: String)] = [
            (6, "không tìm thấy máy chủ theo tên", "host name could not be resolved"),
            (7, "máy chủ không nhận kết nối", "refused the connection"),
            (28, "quá thời gian chờ", "no answer came in time"),
            (60, "kết nối bảo mật", "secure connection"),
            (52, "kết nối bị ngắt giữa chừng", "broke off"),
            (56, "kết nối bị ngắt giữa chừng", "broke off"),
        ]
        for (code, vi, en) in cases {
            let error = PortalError.transport(TransportError(curlCode: code, message: "Couldn't connect to server", url: "http://x/api"))
            let (detailVi, detailEn) = (Strings.errorDetail(error, language: .vi) ?? "", Strings.errorDetail(error, language: .en) ?? "")
            XCTAssertTrue(detailVi.lowercased().contains(vi) && detailEn.lowercased().contains(en), "\(code): \(detailVi) / \(detailEn)")
            let said = Strings.portalError(error, portal: "http://x")
            for text in [said.vi, said.en, detailVi, detailEn] {
                XCTAssertFalse(text.contains("libcurl") || text.contains("Couldn't"), text)
            }
        }
        let odd = PortalError.transport(TransportError(curlCode: 99, message: "Some libcurl trouble", url: "http://x/api"))
        XCTAssertEqual(Strings.errorDetail(odd, language: .vi), "Lỗi mạng không rõ loại (mã 99): Some libcurl trouble",
                       "libcurl's own words only where the catalogue has none")
        // The catalogue's own words never name the library, whatever the code.
        for code in -1...120 {
            let words = Strings.transportReason(TransportError(curlCode: code, message: "", url: "").kind)
            XCTAssertFalse(words.vi.lowercased().contains("curl") || words.en.lowercased().contains("curl"), "\(code): \(words)")
        }
        let outOfMemory = PortalError.transport(TransportError(curlCode: 27, message: "Out of memory", url: "http://x/api"))
        XCTAssertEqual(Strings.errorDetail(outOfMemory, language: .en),
                       "This computer could not send the request (out of memory, or the network library lacks a feature).")
        // A command's retry says why in the same words.
        let retry = Strings.retrying(attempt: 1, of: 3, reason: Strings.transportReason(TransportError(curlCode: 7, message: "", url: "").kind)(.vi))
        XCTAssertTrue(retry.vi.contains("không gửi được (máy chủ không nhận kết nối"), retry.vi)
    }

    /// A refused token points to signing in, not to a token on the command line (others see it in ps).
    func testARefusedTokenPointsToSigningIn() {
        let said = Strings.portalError(PortalError.api(status: 401, body: APIErrorBody(code: .unauthorized)), portal: "http://x")
        XCTAssertTrue(said.vi.contains("bientap login") && said.en.contains("bientap login"), "\(said)")
        XCTAssertFalse(said.vi.contains("--token") || said.en.contains("--token"), "\(said)")
    }
}
