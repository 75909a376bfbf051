import Foundation

extension RateTable {
    /// The frame every portal starts with: Nghị định 18/2014/NĐ-CP Điều 7.1's groups for báo
    /// điện tử with the decree's maximum coefficients and no minimum (the decree sets none;
    /// the managing agency sets the concrete rates within it). Docs/rate-tables/nd18-2014.json
    /// holds the same table for a province to copy.
    public static let decree18 = RateTable(
        name: "Khung hệ số nhuận bút tối đa cho báo điện tử (Nghị định 18/2014/NĐ-CP)",
        basis: "Nghị định 18/2014/NĐ-CP ngày 14/3/2014 về chế độ nhuận bút trong lĩnh vực báo chí, xuất bản, Điều 7 khoản 1 "
            + "(khung hệ số nhuận bút tối đa cho báo in, báo điện tử), khoản 2–3 (nhuận bút = hệ số × giá trị một đơn vị hệ số; "
            + "một đơn vị = 10% mức lương cơ sở). Cổng thông tin điện tử áp dụng theo Nghị định 42/2022/NĐ-CP Điều 22, "
            + "nay Nghị định 224/2026/NĐ-CP Điều 20 khoản 3: thủ trưởng cơ quan chủ quản quy định mức cụ thể trong khung.",
        effectiveFrom: "2014-06-01",
        unitPercentOfBaseSalary: decreeUnitPercent,
        genres: [
            Genre(code: "tin", name: "Tin; Trả lời bạn đọc", coefficient: Range(min: 0, max: 10)),
            Genre(code: "tranh", name: "Tranh", coefficient: Range(min: 0, max: 10)),
            Genre(code: "anh", name: "Ảnh", coefficient: Range(min: 0, max: 10)),
            Genre(code: "chinh-luan", name: "Chính luận", coefficient: Range(min: 0, max: 30)),
            Genre(code: "phong-su", name: "Phóng sự, Ký (một kỳ), Bài phỏng vấn", coefficient: Range(min: 0, max: 30)),
            Genre(code: "sang-tac", name: "Sáng tác văn học", coefficient: Range(min: 0, max: 30)),
            Genre(code: "nghien-cuu", name: "Nghiên cứu", coefficient: Range(min: 0, max: 30)),
            Genre(code: "truc-tuyen", name: "Trực tuyến, Media", coefficient: Range(min: 0, max: 50)),
        ])
}
