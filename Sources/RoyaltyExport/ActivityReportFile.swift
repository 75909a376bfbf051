import Foundation
import NewsroomKit

/// The yearly activity report (báo cáo hoạt động) as a file to hand on: a row a site with
/// what it published (tin, bài, phóng sự ảnh, ảnh, văn bản), its items against the same days
/// a year earlier and the change in percent, then its social posts and their engagement; the
/// totals as formulas in the XLSX.
public struct ActivityReportFile: Sendable {
    public var report: ActivityReport

    public init(_ report: ActivityReport) {
        self.report = report
    }

    /// The file's bytes in `format`.
    public func data(_ format: ExportFormat) throws -> Data {
        try sheet().data(format)
    }

    /// A name to save it under: `bao-cao-hoat-dong-2026-01-01-2026-12-31.xlsx`.
    public func fileName(_ format: ExportFormat) -> String {
        ExportFileName.make(["bao-cao-hoat-dong", report.from, report.to], format)
    }

    static let columns: [Sheet.Column] = [
        .init(heading: "Chuyên trang", kind: .text, width: 36),
        .init(heading: "Tin", kind: .integer, width: 8),
        .init(heading: "Bài", kind: .integer, width: 8),
        .init(heading: "Phóng sự ảnh", kind: .integer, width: 9),
        .init(heading: "Ảnh", kind: .integer, width: 8),
        .init(heading: "Văn bản", kind: .integer, width: 8),
        .init(heading: "Tổng số tin bài", kind: .integer, width: 10),
        .init(heading: "Cùng kỳ năm trước", kind: .integer, width: 10),
        .init(heading: "Tăng/giảm (%)", kind: .decimal, width: 10),
        .init(heading: "Bài đăng mạng xã hội", kind: .integer, width: 10),
        .init(heading: "Lượt xem", kind: .integer, width: 10),
        .init(heading: "Cảm xúc", kind: .integer, width: 10),
        .init(heading: "Chia sẻ", kind: .integer, width: 10),
    ]

    func sheet() throws -> Sheet {
        func counts(_ c: ActivityReport.Counts) -> [Sheet.Cell] {
            [c.news, c.articles, c.photoStories, c.photos, c.documents, c.items].map { .integer(Int64($0)) }
        }
        func change(_ value: Double?) -> Sheet.Cell { value.map { .decimal($0) } ?? .empty }
        func social(_ s: ActivityReport.Social) -> [Int] { [s.posts, s.views, s.reactions, s.shares] }
        let rows: [[Sheet.Cell]] = report.rows.map { row in
            [.text(row.site.name)] + counts(row.current) + [.integer(Int64(row.yearEarlier.items)), change(row.changePercent)]
                + social(row.social).map { .integer(Int64($0)) }
        }
        let t = report.total
        let sums = [t.news, t.articles, t.photoStories, t.photos, t.documents, t.items, report.totalYearEarlier.items]
            .map { Sheet.Cell.columnSum(Int64($0)) }
        // The change of the totals is not a sum of the sites' changes: it is written as a value.
        let totals: [Sheet.Cell] = [.text("Tổng cộng")] + sums + [change(report.totalChangePercent)]
            + social(report.totalSocial).map { Sheet.Cell.columnSum(Int64($0)) }
        let days = [report.from, report.to].map { VietnamDay($0).map(Sheet.dayText) ?? $0 }
        return Sheet(name: "Báo cáo hoạt động",
                     title: ["BÁO CÁO HOẠT ĐỘNG CỔNG THÔNG TIN ĐIỆN TỬ", "Từ ngày \(days[0]) đến ngày \(days[1]), so với cùng kỳ năm trước"],
                     columns: Self.columns, rows: rows, totals: totals, after: [], signatures: Sheet.signatories)
    }
}
