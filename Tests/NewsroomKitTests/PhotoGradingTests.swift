import Foundation
import NewsroomKit
import XCTest

/// A photo's grading as the command line writes it, and as the wire carries it.
final class PhotoGradingTests: XCTestCase {
    func testTheCommandLinesPhotoOptionReadsNumberCoefficientAndGenre() {
        XCTAssertEqual(PhotoGrading.option("1=1,5"), PhotoGrading(number: 1, grading: Grading(genre: "anh", coefficient: 1.5)))
        XCTAssertEqual(PhotoGrading.option(" 2 = 0.8 : tin-anh"), PhotoGrading(number: 2, grading: Grading(genre: "tin-anh", coefficient: 0.8)))
        for wrong in ["", "1", "=2", "0=1", "-1=1", "một=2", "1=", "1=hai", "1=nan", "1=2:", "1=inf"] {
            XCTAssertNil(PhotoGrading.option(wrong), wrong)
        }
    }

    func testOldAnswersStillDecodeAndARegradeNamesItsPhotoBesideTheGrading() throws {
        let old = #"{"number":1,"filename":"a.png","content_type":"image/png","size":4,"sha256":"x","caption":"c","credit":"Ảnh: Hải"}"#
        let photo = try WireFormat.decoder().decode(Attachment.self, from: Data(old.utf8))
        XCTAssertNil(photo.creditContributor)
        XCTAssertNil(photo.grading)
        let regrade = try WireFormat.decoder().decode(Regrade.self, from: Data(#"{"genre":"anh","coefficient":2,"photo":3}"#.utf8))
        XCTAssertEqual(regrade, Regrade(Grading(genre: "anh", coefficient: 2), photo: 3))
        let encoded = String(decoding: try WireFormat.encoder().encode(regrade), as: UTF8.self)
        XCTAssertTrue(encoded.contains(#""photo":3"#) && encoded.contains(#""genre":"anh""#), encoded)
        XCTAssertNil(try WireFormat.decoder().decode(Regrade.self, from: Data(#"{"genre":"tin","coefficient":2}"#.utf8)).photo)
        XCTAssertFalse(PhotoGrading.areValid([PhotoGrading(number: 1, grading: Grading(genre: "anh")),
                                              PhotoGrading(number: 1, grading: Grading(genre: "anh"))]))
        XCTAssertFalse(PhotoGrading.areValid([PhotoGrading(number: 21, grading: Grading(genre: "anh"))]))
    }
}
