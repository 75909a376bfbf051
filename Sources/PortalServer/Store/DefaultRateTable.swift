import Foundation
import NewsroomKit

/// The rate table every portal starts with, after Nghị định 18/2014/NĐ-CP; the same
/// table is in Docs/rate-tables/nd18-2014.json (a test keeps the two equal), for a
/// province to copy, adapt and load with `bientap-portal rates import`.
enum DefaultRateTable {
    static let json = #"""
{
  "name": "Khung nhuận bút Cổng thông tin điện tử (mặc định)",
  "basis": "Theo Nghị định 18/2014/NĐ-CP về chế độ nhuận bút trong lĩnh vực báo chí, xuất bản: nhuận bút = hệ số × giá trị một đơn vị hệ số (10% mức lương cơ sở). Các khung hệ số dưới đây là điểm khởi đầu; cơ quan chủ quản đối chiếu với phụ lục của Nghị định và quyết định của tỉnh trước khi dùng để chi trả.",
  "effective_from": "2014-06-01",
  "unit_percent_of_base_salary": 10,
  "base_salary": 2340000,
  "genres": [
    { "code": "tin", "name": "Tin (tin thời sự, tin ngắn, tin tổng hợp)", "coefficient": { "min": 1, "max": 10 } },
    { "code": "phong-van", "name": "Phỏng vấn, trả lời phỏng vấn", "coefficient": { "min": 2, "max": 15 } },
    { "code": "phan-anh", "name": "Bài phản ánh, ghi nhanh, phóng sự, ký sự", "coefficient": { "min": 3, "max": 20 } },
    { "code": "binh-luan", "name": "Bình luận, chuyên luận, xã luận", "coefficient": { "min": 5, "max": 25 } },
    { "code": "nghien-cuu", "name": "Bài nghiên cứu, hướng dẫn thực hiện chính sách", "coefficient": { "min": 5, "max": 30 } },
    { "code": "anh", "name": "Ảnh đăng kèm tin, bài; tin ảnh", "coefficient": { "min": 0.5, "max": 5 } },
    { "code": "phong-su-anh", "name": "Phóng sự ảnh", "coefficient": { "min": 3, "max": 15 } },
    { "code": "video", "name": "Video clip tự sản xuất", "coefficient": { "min": 5, "max": 25 } },
    { "code": "dich", "name": "Bài dịch (trang tiếng nước ngoài)", "coefficient": { "min": 1, "max": 10 } },
    { "code": "van-ban", "name": "Đăng tải văn bản, tài liệu", "amount": { "min": 20000, "max": 200000 } }
  ]
}
"""#

    static var table: RateTable {
        // Checked by a test: the literal above decodes and is a usable table.
        try! WireFormat.decoder().decode(RateTable.self, from: Data(json.utf8))
    }
}
