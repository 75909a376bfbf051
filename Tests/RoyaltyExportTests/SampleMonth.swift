import Foundation
import NewsroomKit

/// October 2026, paid on 10 November 2026 (the 5,000,000 đ threshold of NĐ 253/2026; one
/// unit = 10% of 2,530,000 = 253,000 đ). Every amount below is worked out by hand.
enum SampleMonth {
    static let unit: Int64 = 253_000
    static let paidOn = "2026-11-10"

    /// An outside collaborator over the threshold: 10% withheld.
    static let binh = Payee(contributorId: 1, fullName: "Trần Văn Bình", penName: "Hải Bình", unit: "Báo Ninh Thuận",
                            idNumber: "058090001234", bankAccount: "0071000123456", bank: "Vietcombank Ninh Thuận", kind: .outside)
    /// Staff: taxed by payroll, nothing withheld.
    static let an = Payee(contributorId: 2, fullName: "Nguyễn Thị An", unit: "Văn phòng UBND tỉnh", idNumber: "058190004321",
                          bankAccount: "3700205123456", bank: "Agribank", kind: .staff)
    /// Outside, over the threshold, but a signed commitment (08/CK-TNCN) suspends withholding.
    static let chau = Payee(contributorId: 3, fullName: "Lê Minh Châu", penName: "Minh Châu", unit: "Cộng tác viên",
                            idNumber: "058200007777", taxCode: "8012345678", bankAccount: "19033344455566", bank: "Techcombank",
                            kind: .outside, commitmentSignedOn: "2026-01-05")
    /// A name a spreadsheet would run as a formula, with a comma and quotes for CSV's quoting.
    static let hostileName = "=HYPERLINK(\"http://x.invalid\",\"Dũng\")"
    static let hostile = Payee(contributorId: 4, fullName: hostileName, penName: "@Dũng", unit: "+84 Phan Rang",
                               idNumber: "-1", bankAccount: "0123", bank: "BIDV", kind: .outside)

    /// 00:30 on 1 October in Vietnam is still 30 September in UTC: the statement must say 01/10/2026.
    static let firstOfOctober = Date(timeIntervalSince1970: 1_790_789_400) // 2026-09-30T17:30:00Z
    static let lateOctober = Date(timeIntervalSince1970: 1_793_457_600) // 2026-10-31T14:40:00Z = 21:40 in Vietnam

    static func line(_ id: Int64, item: Int64, _ title: String, to person: Int64, coefficient: Double, share: Int,
                     itemAmount: Int64, amount: Int64, at date: Date, genre: String = "Bài phản ánh") -> RoyaltyEntitlement {
        RoyaltyEntitlement(id: id, submissionId: item, title: title, siteCode: "ninhthuan", siteName: "Cổng TTĐT Ninh Thuận",
                           contributorId: person, genre: "bai", genreName: genre, coefficient: coefficient, sharePercent: share,
                           itemAmount: itemAmount, amount: amount, baseSalary: 2_530_000, unitValue: unit,
                           basis: "QĐ 23/2020/QĐ-UBND; Nghị định 161/2026/NĐ-CP", publishedAt: date, month: "2026-10")
    }

    static let entitlements: [RoyaltyEntitlement] = [
        // 15 × 253,000 = 3,795,000, all Bình's.
        line(1, item: 101, "Phóng sự: mùa nho, \"vàng\" ở Phan Rang", to: 1, coefficient: 15, share: 100,
             itemAmount: 3_795_000, amount: 3_795_000, at: firstOfOctober, genre: "Phóng sự"),
        // 12 × 253,000 = 3,036,000, split 70/30: 2,125,200 and 910,800.
        line(2, item: 102, "Điện gió Đầm Nại", to: 1, coefficient: 12, share: 70, itemAmount: 3_036_000, amount: 2_125_200,
             at: lateOctober),
        line(3, item: 102, "Điện gió Đầm Nại", to: 2, coefficient: 12, share: 30, itemAmount: 3_036_000, amount: 910_800,
             at: lateOctober),
        // A photo, 2 × 253,000 = 506,000.
        line(4, item: 103, "Ảnh: Tháp Po Klong Garai", to: 2, coefficient: 2, share: 100, itemAmount: 506_000, amount: 506_000,
             at: firstOfOctober, genre: "Ảnh"),
        // 25 × 253,000 = 6,325,000.
        line(5, item: 104, "Nghiên cứu: nước ngầm vùng khô hạn", to: 3, coefficient: 25, share: 100, itemAmount: 6_325_000,
             amount: 6_325_000, at: lateOctober, genre: "Nghiên cứu"),
        // 3 × 253,000 = 759,000.
        line(6, item: 105, "=1+2", to: 4, coefficient: 3, share: 100, itemAmount: 759_000, amount: 759_000, at: lateOctober,
             genre: "Tin"),
    ]

    static var list: PaymentList {
        PaymentList.make(month: "2026-10", site: "ninhthuan", paidOn: VietnamDay(paidOn) ?? VietnamDay(containing: Date()),
                         entitlements: entitlements, payees: [1: binh, 2: an, 3: chau, 4: hostile])
    }

    /// By hand, per person: items, coefficient total, gross, tax, net.
    /// Bình: 2 items, 15 + 12 × 0.7 = 23.4, 3,795,000 + 2,125,200 = 5,920,200 ≥ 5,000,000: tax 592,020, net 5,328,180.
    /// An: 2 items, 12 × 0.3 + 2 = 5.6, 910,800 + 506,000 = 1,416,800, staff: no tax.
    /// Châu: 1 item, 25, 6,325,000, commitment: no tax.
    /// The hostile name: 1 item, 3, 759,000, under the threshold: no tax.
    static let expected: [Int64: (items: Int64, coefficients: String, gross: Int64, tax: Int64, net: Int64)] = [
        1: (2, "23.4", 5_920_200, 592_020, 5_328_180),
        2: (2, "5.6", 1_416_800, 0, 1_416_800),
        3: (1, "25", 6_325_000, 0, 6_325_000),
        4: (1, "3", 759_000, 0, 759_000),
    ]
    /// 5,920,200 + 1,416,800 + 6,325,000 + 759,000 = 14,421,000; tax 592,020; net 13,828,980.
    static let grossTotal: Int64 = 14_421_000
    static let taxTotal: Int64 = 592_020
    static let netTotal: Int64 = 13_828_980
    static let netInWords = "Bằng chữ: Mười ba triệu tám trăm hai mươi tám nghìn chín trăm tám mươi đồng chẵn."
}
