import Foundation
import NewsroomKit
import VietText

/// A site of the sample province.
public struct SiteSeed: Sendable, Hashable {
    public var code: String
    public var name: String
    public var kind: Site.Kind
    public var language: String
    public var parentCode: String?
    /// How the site's news names itself at the start of a sapo.
    public var byline: String
    /// Fields of work its news is about.
    public var fields: [String]
}

public struct ContributorSeed: Sendable, Hashable {
    public var fullName: String
    public var penName: String?
    public var email: String
}

/// A known spelling mistake planted in a sample submission, for the spell checker's tests.
public struct Misspelling: Sendable, Hashable {
    public var wrong: String
    public var right: String
}

public struct SubmissionSeed: Sendable, Hashable {
    public var siteCode: String
    /// Index into `SampleCorpus.contributors()`.
    public var contributor: Int
    public var title: String
    public var sapo: String
    public var body: String
    public var category: Category
    public var language: String
    public var status: SubmissionStatus
    public var receivedAt: Date
    public var misspelling: Misspelling?
    /// Co-authors (indexes into `SampleCorpus.contributors()`) and their shares in percent.
    public var coAuthors: [Int: Int] = [:]
    /// The editor's grading, on the decree's table (published items only).
    public var grading: Grading?
    /// Its photos (a photo story's), each credited to a contributor or to someone with no record.
    public var photos: [PhotoSeed] = []
}

/// A sample photo: its caption, and the contributor its credit names (an index into
/// `SampleCorpus.contributors()`), or nil for an outside photographer who is not paid.
public struct PhotoSeed: Sendable, Hashable {
    public var caption: String
    public var credit: String
    public var photographer: Int?
}

/// A realistic, deterministic sample of a provincial portal (Quảng Ngãi): its
/// portal, departments, districts and English page; contributors with pen
/// names; submissions in every workflow state. Same output on every machine.
public enum SampleCorpus {
    public static func sites() -> [SiteSeed] {
        let portal = "cong-tinh"
        func department(_ code: String, _ name: String, _ short: String, _ fields: [String]) -> SiteSeed {
            SiteSeed(code: code, name: name, kind: .department, language: "vi", parentCode: portal, byline: short, fields: fields)
        }
        func district(_ code: String, _ name: String, _ fields: [String]) -> SiteSeed {
            SiteSeed(code: code, name: "UBND " + name, kind: .district, language: "vi", parentCode: portal, byline: name, fields: fields)
        }
        let common = ["cải cách hành chính", "chuyển đổi số", "xây dựng nông thôn mới", "giảm nghèo bền vững"]
        return [
            SiteSeed(code: portal, name: "Cổng TTĐT tỉnh Quảng Ngãi", kind: .portal, language: "vi", parentCode: nil,
                     byline: "Cổng TTĐT tỉnh", fields: common + ["thu hút đầu tư", "phòng, chống thiên tai"]),
            department("so-xay-dung", "Sở Xây dựng", "Sở Xây dựng", ["quy hoạch đô thị", "nhà ở xã hội", "quản lý chất lượng công trình", "vật liệu xây dựng"]),
            department("so-gtvt", "Sở Giao thông vận tải", "Sở GTVT", ["an toàn giao thông", "bảo trì đường bộ", "vận tải hành khách", "đăng kiểm phương tiện"]),
            department("so-y-te", "Sở Y tế", "Sở Y tế", ["tiêm chủng mở rộng", "khám chữa bệnh", "an toàn thực phẩm", "y tế cơ sở"]),
            department("so-gddt", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT", ["tuyển sinh lớp 10", "chuyển đổi số trong giáo dục", "giáo dục vùng khó khăn", "bồi dưỡng giáo viên"]),
            department("so-nnptnt", "Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT", ["phòng chống dịch bệnh gia súc", "trồng rừng gỗ lớn", "chương trình OCOP", "nuôi trồng thủy sản"]),
            department("ban-dan-toc", "Ban Dân tộc", "Ban Dân tộc", ["chính sách dân tộc", "hỗ trợ đồng bào vùng cao", "bảo tồn văn hóa Cor", "người có uy tín"]),
            department("so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL", ["du lịch biển đảo", "lễ hội truyền thống", "thể thao quần chúng", "di tích lịch sử"]),
            district("huyen-ba-to", "huyện Ba Tơ", common + ["trồng quế", "hỗ trợ đồng bào Hrê"]),
            district("huyen-tra-bong", "huyện Trà Bồng", common + ["trồng quế", "bảo tồn văn hóa Cor"]),
            district("huyen-ly-son", "huyện Lý Sơn", common + ["du lịch biển đảo", "trồng tỏi", "khai thác hải sản"]),
            district("huyen-son-tinh", "huyện Sơn Tịnh", common + ["chương trình OCOP"]),
            district("huyen-binh-son", "huyện Bình Sơn", common + ["thu hút đầu tư", "giải phóng mặt bằng"]),
            district("thi-xa-duc-pho", "thị xã Đức Phổ", common + ["khai thác hải sản", "phát triển đô thị"]),
            district("huyen-minh-long", "huyện Minh Long", common + ["trồng rừng gỗ lớn"]),
            SiteSeed(code: "english", name: "Quang Ngai Portal — English", kind: .language, language: "en", parentCode: portal,
                     byline: "Quang Ngai Portal", fields: ["investment", "tourism", "the economy"]),
        ]
    }

    public static func contributors() -> [ContributorSeed] {
        let people: [(String, String?)] = [
            ("Nguyễn Thị Minh Châu", "Minh Châu"), ("Trần Văn Hải", nil), ("Lê Thị Hà Anh", "Hà Anh"),
            ("Phạm Quốc Bảo", nil), ("Huỳnh Thị Thu Thủy", "Thu Thủy"), ("Võ Văn Đức", "Đức Võ"),
            ("Đặng Thị Ngọc Ánh", nil), ("Bùi Xuân Trường", "Xuân Trường"), ("Đinh Văn Mười", nil),
            ("Hồ Thị Kim Yến", "Kim Yến"), ("Ngô Minh Tuấn", nil), ("Dương Thị Phương", "Phương Dương"),
            ("Lý Văn Sơn", "Hải Đăng"), ("Phan Thanh Tùng", nil), ("Trương Thị Diệu Linh", "Diệu Linh"),
            ("Đỗ Văn Thắng", nil), ("Cao Thị Hồng Nhung", "Hồng Nhung"), ("Lương Văn Phúc", nil),
            ("Mai Thị Thanh Hương", "Thanh Hương"), ("Tạ Quang Vinh", nil), ("Đinh Thị Hrê", "Y Hrê"),
            ("Hà Văn Lực", nil), ("Nguyễn Hữu Nghĩa", "Hữu Nghĩa"), ("Trần Thị Bích Ngọc", nil),
            ("Lê Văn Quyết", "Quyết Lê"), ("Phạm Thị Uyên", nil), ("Võ Thị Ỷ Lan", "Ỷ Lan"),
            ("Nguyễn Đình Khôi", nil), ("Huỳnh Văn Lộc", "Lộc Huỳnh"), ("Đoàn Thị Mỹ Duyên", nil),
            ("Nguyễn Văn Toàn", "Trà Giang"), ("Phạm Ngọc Sương", nil), ("Lê Thị Nguyệt", "Nguyệt Minh"),
        ]
        return people.enumerated().map { i, person in
            ContributorSeed(fullName: person.0, penName: person.1,
                            email: Diacritics.searchKey(person.0).replacingOccurrences(of: " ", with: ".") + "\(i)@quangngai.gov.vn")
        }
    }

    /// How many submissions of each status the sample holds (240 in all, 66 waiting for an editor);
    /// one of the published ones is then taken down (`unpublished`, its page answers 410).
    public static let statusMix: [(SubmissionStatus, Int)] = [
        (.submitted, 50), (.resubmitted, 16), (.inReview, 20), (.returned, 18), (.approved, 22),
        (.scheduled, 14), (.published, 80), (.rejected, 10), (.withdrawn, 10),
    ]

    /// Every sample submission: those still in the workflow received during the 60 days before
    /// `now`; the published ones spread over the 14 months up to `now`, graded, so the
    /// royalty desk has open, closed and paid months (see `royaltyHistory`).
    public static func submissions(now: Date) -> [SubmissionSeed] {
        takeDownOne(of: royaltyHistory(of: drafts(now: now), now: now))
    }

    /// The first Vietnamese news item published, taken down since (an error found after publication):
    /// its page, graded royalties and all, stay as the publication wrote them; the social queue's
    /// items, the newest published, stay as they were.
    private static func takeDownOne(of seeds: [SubmissionSeed]) -> [SubmissionSeed] {
        var seeds = seeds
        if let index = seeds.firstIndex(where: { $0.status == .published && $0.language == "vi" && $0.category == .news }) {
            seeds[index].status = .unpublished
        }
        return seeds
    }

    /// The sample as the desk's tests first knew it: everything received during the 60 days before `now`.
    private static func drafts(now: Date) -> [SubmissionSeed] {
        var random = SplitMix64(seed: 0x6269_656e_7461_70)
        let sites = sites()
        let vietnameseSites = sites.filter { $0.language == "vi" }
        let people = contributors().count
        var statuses: [SubmissionStatus] = statusMix.flatMap { Array(repeating: $0.0, count: $0.1) }
        statuses.shuffle(using: &random)
        let englishSlots = Set(stride(from: 7, to: statuses.count, by: 16))
        // Most planted mistakes wait in the queue, where an editor meets them first; the rest are
        // spread over the other tabs.
        let vietnamese = statuses.indices.filter { !englishSlots.contains($0) }
        let waiting = vietnamese.filter { [.submitted, .resubmitted].contains(statuses[$0]) }
        let others = vietnamese.filter { ![.submitted, .resubmitted].contains(statuses[$0]) }
        let misspelledSlots = stride(from: 2, to: waiting.count, by: 12).prefix(5).map { waiting[$0] }
            + stride(from: 3, to: others.count, by: 53).prefix(plantedMistakes.count - 5).map { others[$0] }
        var seeds: [SubmissionSeed] = []
        for (index, status) in statuses.enumerated() {
            // Waiting items are recent; settled ones spread over two months.
            let maxAgeHours = [.submitted, .resubmitted, .inReview].contains(status) ? 24 * 9 : 24 * 60
            let received = now.addingTimeInterval(-Double(random.next(in: 1...maxAgeHours)) * 3600 - Double(random.next(in: 0...3599)))
            let contributor = random.next(in: 0...(people - 1))
            if englishSlots.contains(index) {
                seeds.append(englishItem(index: index, status: status, received: received, contributor: contributor,
                                         site: sites.last!, random: &random))
                continue
            }
            let site = vietnameseSites[random.next(in: 0...(vietnameseSites.count - 1))]
            var seed = vietnameseItem(status: status, received: received, contributor: contributor, site: site,
                                      districts: vietnameseSites.filter { $0.kind == .district }, random: &random)
            // A photo story's photographer is credited on the photos, paid for them (not a share of
            // the text); its last photo is an outside photographer's, paid by no one. One item in
            // seven was written by two.
            if seed.category == .photoStory {
                let photographer = (contributor + 1 + index % 3) % people
                let name = contributors()[photographer].fullName
                seed.photos = [PhotoSeed(caption: "Toàn cảnh: " + seed.title, credit: "Ảnh: " + name, photographer: photographer),
                               PhotoSeed(caption: "Người dân địa phương", credit: "Ảnh: " + name, photographer: photographer),
                               PhotoSeed(caption: "Ảnh tư liệu", credit: "Ảnh: Cộng tác viên", photographer: nil)]
            } else if index % 7 == 2 {
                seed.coAuthors[(contributor + 1 + index % 3) % people] = 30
            }
            if let slot = misspelledSlots.firstIndex(of: index) {
                let mistake = plantedMistakes[slot % plantedMistakes.count]
                seed.body += "\n\n" + mistake.sentence
                seed.misspelling = Misspelling(wrong: mistake.wrong, right: mistake.right)
            }
            seeds.append(seed)
        }
        return seeds.map { seed in
            var s = seed
            s.title = Normalization.nfc(s.title)
            s.sapo = Normalization.nfc(s.sapo)
            s.body = Normalization.nfc(s.body)
            return s
        }
    }

    // MARK: - Royalties

    /// How many months of published items the sample holds, the current one included: enough
    /// for the 2026-07-01 change of base salary and of the tax threshold to fall inside.
    public static let royaltyMonths = 14

    /// The first day (Vietnam time) of the month `back` months before the one `now` falls in.
    static func monthStart(_ back: Int, before now: Date) -> VietnamDay? {
        let today = VietnamDay(containing: now).text
        let parts = today.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let index = parts[0] * 12 + (parts[1] - 1) - back
        return VietnamDay(String(format: "%04d-%02d-01", index / 12, index % 12 + 1))
    }

    /// The published items graded as an editor would on the decree's table, seven in ten of
    /// them moved back into the earlier months (one in fourteen per month), a co-author given
    /// to one in three more: the other tabs, and the random stream that made them, stay as they were.
    private static func royaltyHistory(of seeds: [SubmissionSeed], now: Date) -> [SubmissionSeed] {
        var random = SplitMix64(seed: 0x6e68_7561_6e62_7574)
        let people = contributors().count
        var seeds = seeds
        var moved = 0
        for (number, index) in seeds.indices.filter({ seeds[$0].status == .published }).enumerated() {
            var seed = seeds[index]
            seed.grading = grading(of: seed.category, random: &random)
            if seed.coAuthors.isEmpty, number % 3 == 0 {
                seed.coAuthors[(seed.contributor + 5 + number % 20) % people] = [30, 40, 50][(number / 3) % 3]
            }
            if number % 10 < 7, let start = monthStart(moved % royaltyMonths, before: now),
               let next = monthStart(moved % royaltyMonths - 1, before: now) {
                // Within the month, three hours before the latest it could be published.
                let end = min(next.start, now).addingTimeInterval(-3 * 3600 - 120)
                let span = max(0, end.timeIntervalSince(start.start))
                seed.receivedAt = start.start.addingTimeInterval(span * Double(random.next(in: 0...999)) / 1000)
                moved += 1
            }
            seeds[index] = seed
        }
        return seeds
    }

    /// A grading within Nghị định 18/2014's maxima, as provincial portals grade: a news item
    /// 1–3, a feature (phóng sự) 4–10, a photo story as its photos (Ảnh) 1–2; an English item
    /// as news; a document posted is not paid.
    private static func grading(of category: Category, random: inout SplitMix64) -> Grading? {
        switch category {
        case .news: return Grading(genre: "tin", coefficient: Double(random.next(in: 2...6)) / 2)
        case .article:
            return random.next(in: 0...3) == 0 ? Grading(genre: "chinh-luan", coefficient: Double(random.next(in: 5...12)))
                : Grading(genre: "phong-su", coefficient: Double(random.next(in: 4...10)))
        case .photoStory: return Grading(genre: "anh", coefficient: Double(random.next(in: 2...4)) / 2)
        case .document: return nil
        }
    }

    /// Payment details of every contributor, in the order of `contributors()` (`contributorId`
    /// is that index): a third staff of the agencies, the rest outside collaborators, some of
    /// them with a commitment form (mẫu 08/CK-TNCN) signed early in `now`'s year.
    public static func paymentDetails(now: Date) -> [Payee] {
        var random = SplitMix64(seed: 0x7468_616e_6874_6f61)
        let year = String(VietnamDay(containing: now).text.prefix(4))
        let staffUnits = ["Văn phòng UBND tỉnh Quảng Ngãi", "Sở Xây dựng", "Sở Giao thông vận tải", "Sở Y tế", "Sở Giáo dục và Đào tạo",
                          "Sở Nông nghiệp và Phát triển nông thôn", "Ban Dân tộc", "Sở Văn hóa, Thể thao và Du lịch",
                          "Văn phòng HĐND và UBND huyện Ba Tơ", "Văn phòng HĐND và UBND huyện Lý Sơn", "Trung tâm Văn hóa – Thể thao thị xã Đức Phổ"]
        let outsideUnits = ["Cộng tác viên tự do", "Trường THPT Trần Quốc Tuấn", "Hội Nhà báo tỉnh Quảng Ngãi", "Hội Văn học Nghệ thuật tỉnh",
                            "Trường Đại học Phạm Văn Đồng", "Hội Nông dân huyện Sơn Tịnh", "Đồn Biên phòng Lý Sơn"]
        // Branch in Quảng Ngãi, and how its account numbers begin and how long they are.
        let banks: [(name: String, prefix: String, digits: Int)] = [
            ("Ngân hàng TMCP Ngoại thương Việt Nam (Vietcombank) – CN Quảng Ngãi", "0541000", 13),
            ("Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam (Agribank) – CN tỉnh Quảng Ngãi", "4200205", 13),
            ("Ngân hàng TMCP Công Thương Việt Nam (VietinBank) – CN Quảng Ngãi", "1010", 12),
            ("Ngân hàng TMCP Đầu tư và Phát triển Việt Nam (BIDV) – CN Quảng Ngãi", "5810000", 14),
            ("Ngân hàng TMCP Quân đội (MB) – CN Quảng Ngãi", "0680", 13),
        ]
        func digits(_ count: Int) -> String { (0..<count).map { _ in String(random.next(in: 0...9)) }.joined() }
        return contributors().enumerated().map { index, person in
            let staff = index % 3 == 0
            let bank = banks[random.next(in: 0...(banks.count - 1))]
            let born = random.next(in: 1968...2001)
            // CCCD: 051 (Quảng Ngãi), century and sex, year of birth, six digits.
            let female = person.fullName.contains(" Thị ")
            let idNumber = "051" + String((born >= 2000 ? 2 : 0) + (female ? 1 : 0)) + String(format: "%02d", born % 100) + digits(6)
            let unit = staff ? staffUnits[index / 3 % staffUnits.count] : outsideUnits[random.next(in: 0...(outsideUnits.count - 1))]
            return Payee(contributorId: Int64(index), fullName: person.fullName, penName: person.penName, unit: unit, idNumber: idNumber,
                         taxCode: "8" + digits(9), bankAccount: bank.prefix + digits(bank.digits - bank.prefix.count), bank: bank.name,
                         kind: staff ? .staff : .outside,
                         commitmentSignedOn: !staff && index % 4 == 1 ? year + String(format: "-01-%02d", 5 + index % 20) : nil)
        }
    }

    // MARK: - Vietnamese items

    /// `template` with each `{name}` that `values` knows replaced, in one pass (seeding every
    /// test's store spent a quarter of its time in Foundation's repeated replacing).
    static func substitute(_ template: String, _ values: [String: String]) -> String {
        var result = ""
        result.reserveCapacity(template.utf8.count + 64)
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest.index(after: open)
            if let close = rest[after...].firstIndex(of: "}"), let value = values[String(rest[after..<close])] {
                result += value
                rest = rest[rest.index(after: close)...]
            } else {
                result += "{"
                rest = rest[after...]
            }
        }
        result += rest
        return result
    }

    private static func vietnameseItem(status: SubmissionStatus, received: Date, contributor: Int, site: SiteSeed,
                                       districts: [SiteSeed], random: inout SplitMix64) -> SubmissionSeed {
        let field = site.fields[random.next(in: 0...(site.fields.count - 1))]
        let place = site.kind == .district ? site.byline : districts[random.next(in: 0...(districts.count - 1))].byline
        let roll = random.next(in: 0...99)
        let category: Category = roll < 55 ? .news : roll < 82 ? .article : roll < 92 ? .photoStory : .document
        let day = VietnamDay.calendar.dateComponents(in: VietnamDay.calendar.timeZone, from: received)
        func fill(_ template: String) -> String {
            // The three numbers are drawn on every call, in this order, whether the template
            // uses them or not: the sample stays the same for a seed.
            let values = ["field": field, "place": place, "Place": place.prefix(1).uppercased() + place.dropFirst(),
                          "agency": site.byline, "Agency": site.byline.prefix(1).uppercased() + site.byline.dropFirst(),
                          "n": String(random.next(in: 3...48)), "money": String(random.next(in: 2...95) * 100),
                          "percent": String(random.next(in: 62...98)), "date": "\(day.day ?? 1)/\(day.month ?? 1)"]
            return substitute(template, values)
        }
        let titles: [String]
        switch category {
        case .news: titles = newsTitles
        case .article: titles = articleTitles
        case .photoStory: titles = photoTitles
        case .document: titles = documentTitles
        }
        let title = fill(titles[random.next(in: 0...(titles.count - 1))])
        let sapo = "(" + site.byline + ") - " + fill(leads[random.next(in: 0...(leads.count - 1))])
        let paragraphCount: Int
        switch category {
        case .news: paragraphCount = random.next(in: 3...6)
        case .article: paragraphCount = random.next(in: 7...14)
        case .photoStory: paragraphCount = random.next(in: 3...5)
        case .document: paragraphCount = random.next(in: 4...7)
        }
        var pool = Array(paragraphs.indices)
        pool.shuffle(using: &random)
        var body: [String] = []
        for (i, p) in pool.prefix(paragraphCount).enumerated() {
            if category == .article && i == paragraphCount / 2 {
                body.append("## " + fill(headings[random.next(in: 0...(headings.count - 1))]))
            }
            if category == .photoStory {
                body.append("[Ảnh \(i + 1)] " + fill(captions[random.next(in: 0...(captions.count - 1))]))
            }
            body.append(fill(paragraphs[p]))
            if category == .document && i == 1 {
                body.append(contentsOf: documentPoints.map { "- " + fill($0) })
            }
        }
        return SubmissionSeed(siteCode: site.code, contributor: contributor, title: title, sapo: sapo,
                              body: body.joined(separator: "\n\n"), category: category, language: "vi",
                              status: status, receivedAt: received, misspelling: nil)
    }

    private static let newsTitles = [
        "{Place} khởi công tuyến đường liên xã phục vụ {field}",
        "Hội nghị sơ kết 6 tháng công tác {field} tại {place}",
        "{Agency} kiểm tra tiến độ thực hiện {field}",
        "Tập huấn nghiệp vụ {field} cho cán bộ cơ sở {place}",
        "{Place} hỗ trợ người dân vùng lũ ổn định cuộc sống",
        "Đẩy mạnh {field} gắn với cải thiện chỉ số hài lòng của người dân",
        "Trao {n} căn nhà tình nghĩa cho hộ nghèo ở {place}",
        "Lãnh đạo tỉnh làm việc với {place} về {field}",
        "Tăng cường phòng, chống thiên tai trong mùa mưa bão tại {place}",
        "Ra quân tổng vệ sinh môi trường, hưởng ứng {field}",
        "Giải ngân vốn đầu tư công cho {field} đạt {percent}% kế hoạch",
        "Tổ công tác của tỉnh tiếp xúc, đối thoại với nhân dân {place}",
    ]
    private static let articleTitles = [
        "Bài 1: Những chuyển động mới trong {field} ở {place}",
        "Gỡ vướng cho {field}: cần sự vào cuộc đồng bộ",
        "Nhìn lại một năm triển khai {field} tại {place}",
        "Người giữ lửa {field} nơi vùng cao {place}",
        "Từ chủ trương đến hiện thực: {field} thay đổi diện mạo {place}",
        "Kinh nghiệm từ {place} trong thực hiện {field}",
    ]
    private static let photoTitles = [
        "Phóng sự ảnh: Mùa vàng trên đồng ruộng {place}",
        "Phóng sự ảnh: Sắc màu lễ hội ở {place}",
        "Phóng sự ảnh: Một ngày cùng cán bộ {field} ở {place}",
        "Phóng sự ảnh: Đường về bản mới ở {place}",
    ]
    private static let documentTitles = [
        "Hướng dẫn thực hiện Nghị định 43/2026/NĐ-CP về {field}",
        "Kế hoạch số {n}/KH-UBND triển khai {field} năm 2027",
        "Thông báo kết luận của Chủ tịch UBND tỉnh về {field}",
        "Quyết định phê duyệt danh mục dự án {field} tại {place}",
    ]
    private static let leads = [
        "Sáng {date}, {agency} tổ chức hội nghị đánh giá kết quả {field} và triển khai nhiệm vụ thời gian tới.",
        "Chiều {date}, đoàn công tác của {agency} đã đến kiểm tra thực tế việc triển khai {field} tại {place}.",
        "Thời gian qua, {place} đã có nhiều cách làm sáng tạo trong {field}, bước đầu mang lại kết quả tích cực.",
        "Ngày {date}, {agency} phối hợp với UBND {place} tổ chức lớp tập huấn về {field} cho {n} học viên.",
        "Với tổng kinh phí hơn {money} triệu đồng, chương trình {field} đã góp phần cải thiện đời sống người dân {place}.",
    ]
    private static let headings = [
        "Những kết quả bước đầu", "Khó khăn, vướng mắc cần tháo gỡ", "Giải pháp trong thời gian tới",
        "Sự đồng thuận của người dân", "Kiến nghị, đề xuất",
    ]
    private static let captions = [
        "Người dân {place} phấn khởi đón nhận thành quả của {field}.",
        "Cán bộ {agency} hướng dẫn bà con thực hiện các thủ tục cần thiết.",
        "Toàn cảnh buổi lễ tại trung tâm {place}.",
        "Những con đường bê tông mới nối liền các thôn, xóm.",
    ]
    private static let documentPoints = [
        "Phạm vi áp dụng: các cơ quan, đơn vị, địa phương trên địa bàn tỉnh.",
        "Thời hạn báo cáo kết quả: trước ngày 15 hằng tháng.",
        "Kinh phí thực hiện: từ nguồn ngân sách nhà nước và các nguồn hợp pháp khác.",
        "Giao {agency} chủ trì, theo dõi, đôn đốc và tổng hợp kết quả.",
    ]
    private static let paragraphs = [
        "Theo báo cáo của {agency}, từ đầu năm đến nay, công tác {field} trên địa bàn {place} đã đạt được nhiều kết quả quan trọng. Các chỉ tiêu chủ yếu đều hoàn thành và vượt kế hoạch đề ra, trong đó có {n} chỉ tiêu đạt trên {percent}%. Đây là kết quả của sự vào cuộc quyết liệt của cả hệ thống chính trị và sự đồng thuận của nhân dân.",
        "Phát biểu tại buổi làm việc, đồng chí Phó Chủ tịch UBND tỉnh đánh giá cao những nỗ lực của {place} trong thời gian qua. Đồng chí đề nghị địa phương tiếp tục rà soát, tháo gỡ những khó khăn, vướng mắc, nhất là trong công tác giải phóng mặt bằng và huy động nguồn lực xã hội hóa.",
        "Tổng kinh phí thực hiện giai đoạn này hơn {money} triệu đồng, trong đó ngân sách trung ương hỗ trợ khoảng {percent}%, phần còn lại do ngân sách tỉnh, huyện và nhân dân đóng góp. Nhiều hộ dân đã tự nguyện hiến đất, tháo dỡ vật kiến trúc để công trình sớm được triển khai.",
        "Bên cạnh những kết quả đạt được, công tác {field} vẫn còn một số hạn chế như: nguồn lực đầu tư còn thấp so với nhu cầu; một bộ phận cán bộ cơ sở chưa thật sự chủ động; việc ứng dụng công nghệ thông tin trong quản lý còn chậm. Những tồn tại này cần được khắc phục trong thời gian tới.",
        "Ông Nguyễn Văn Tâm, người dân thôn {n}, chia sẻ: \"Trước đây, mỗi lần đi làm thủ tục phải mất cả ngày đường. Nay chỉ cần ngồi ở nhà nộp hồ sơ trực tuyến, vừa tiết kiệm thời gian vừa đỡ tốn kém. Bà con ai cũng phấn khởi.\"",
        "Để nâng cao hiệu quả {field}, {agency} đề nghị các đơn vị tăng cường công tác tuyên truyền, nâng cao nhận thức của cán bộ và người dân; đồng thời đẩy mạnh kiểm tra, giám sát, kịp thời phát hiện và chấn chỉnh những sai sót trong quá trình triển khai.",
        "Năm 2027, {place} phấn đấu hoàn thành {n} công trình trọng điểm, đưa tỷ lệ hộ nghèo giảm xuống dưới {n}%. Để làm được điều đó, huyện xác định phải phát huy vai trò chủ thể của người dân, lấy sự hài lòng của nhân dân làm thước đo hiệu quả.",
        "Tại hội nghị, các đại biểu đã tập trung thảo luận, làm rõ nguyên nhân của những tồn tại, hạn chế, đồng thời đề xuất nhiều giải pháp thiết thực. Nhiều ý kiến cho rằng cần có cơ chế đặc thù để thu hút doanh nghiệp đầu tư vào lĩnh vực {field} ở vùng đồng bào dân tộc thiểu số và miền núi.",
        "Dịp này, UBND tỉnh đã tặng Bằng khen cho {n} tập thể và cá nhân có thành tích xuất sắc trong thực hiện {field}. Nhiều mô hình hay, cách làm hiệu quả đã được nhân rộng ra các địa phương khác trong tỉnh.",
        "Theo kế hoạch, trong quý IV, {agency} sẽ phối hợp với các sở, ngành liên quan tổ chức kiểm tra, đánh giá toàn diện việc thực hiện {field}; kịp thời đề xuất UBND tỉnh biểu dương những địa phương làm tốt và chấn chỉnh những nơi còn chậm trễ.",
        "Được biết, chương trình được triển khai trên địa bàn {n} xã, thị trấn với sự tham gia của hàng nghìn hộ gia đình. Qua đó, thu nhập bình quân đầu người của {place} đã tăng đáng kể, đời sống vật chất và tinh thần của nhân dân từng bước được cải thiện.",
        "Đồng chí Chủ tịch UBND {place} khẳng định, địa phương sẽ tiếp thu đầy đủ các ý kiến chỉ đạo, khẩn trương xây dựng kế hoạch cụ thể, phân công rõ người, rõ việc, rõ thời gian hoàn thành, bảo đảm tiến độ và chất lượng.",
        "Thực hiện chủ trương chuyển đổi số, hiện nay {percent}% hồ sơ thủ tục hành chính của {place} được tiếp nhận và giải quyết trực tuyến toàn trình. Người dân có thể theo dõi tình trạng hồ sơ của mình trên Cổng Dịch vụ công quốc gia và ứng dụng VNeID.",
        "Mùa mưa bão năm nay được dự báo diễn biến phức tạp. Vì vậy, {agency} yêu cầu các địa phương chủ động phương án sơ tán dân ở vùng trũng thấp, vùng có nguy cơ sạt lở đất; chuẩn bị đầy đủ lương thực, thuốc men và phương tiện cứu hộ theo phương châm bốn tại chỗ.",
        "Với đồng bào Hrê, Cor ở vùng cao, những chính sách hỗ trợ về nhà ở, đất sản xuất và nước sinh hoạt đã tạo động lực để bà con yên tâm lao động sản xuất, từng bước vươn lên thoát nghèo bền vững.",
    ]

    /// Sentences with a mistake Vietnamese newsrooms often make, and the right form.
    static let plantedMistakes: [(sentence: String, wrong: String, right: String)] = [
        ("Đoàn kiểm tra yêu cầu các đơn vị khẩn trương sử lý dứt điểm các tồn tại trước ngày 30 tháng này.", "sử lý", "xử lý"),
        ("Bệnh viện đã trang bị thêm máy móc hiện đại phục vụ công tác chuẩn đoán sớm bệnh cho người dân.", "chuẩn đoán", "chẩn đoán"),
        ("Việc xát nhập các thôn, tổ dân phố được thực hiện đúng quy trình, bảo đảm dân chủ.", "xát nhập", "sáp nhập"),
        ("Đơn vị đã giành nhiều kinh phí cho việc sửa chữa trường học trước năm học mới.", "giành nhiều kinh phí", "dành nhiều kinh phí"),
        ("Các hộ dân được hỗ trợ kinh phí để xây dựng nhà ở kiên cố, tránh bảo an toàn.", "tránh bảo", "tránh bão"),
        ("Lãnh đạo huyện đã trực tiếp đến thăm hỏi, động viên các gia đình bị thiệt hại do mưa lũ và trao quà hổ trợ.", "hổ trợ", "hỗ trợ"),
        ("Dự án sẽ góp phần nâng cao chất lượng cuộc sống, đời sống của nhân dân ngày càng được cải thiện, đáp ứng đuợc nguyện vọng của bà con.", "đuợc", "được"),
        ("Công tác tuyên truyền được triển khai sâu rộng, góp phần nâng cao ý thức chấp hành pháp luật của nhân dân trên địa bàng.", "địa bàng", "địa bàn"),
    ]

    // MARK: - English items

    private static func englishItem(index: Int, status: SubmissionStatus, received: Date, contributor: Int,
                                    site: SiteSeed, random: inout SplitMix64) -> SubmissionSeed {
        let titles = [
            "Quang Ngai promotes digital transformation in public services",
            "Ly Son island welcomes record number of visitors",
            "Dung Quat Economic Zone attracts new investment projects",
            "Quang Ngai farmers adopt OCOP standards for local products",
            "Provincial leaders meet foreign investors in Ho Chi Minh City",
            "Ba To district preserves the culture of the Hre people",
            "New coastal road links Duc Pho town with Sa Huynh beach",
            "Quang Ngai prepares for the typhoon season",
        ]
        let body = [
            "The People's Committee of Quang Ngai province has set a target of handling ninety percent of administrative procedures online by the end of next year, according to a plan approved this week.",
            "Officials said the province would continue to improve its business environment, simplify procedures and support investors in land clearance, so that projects can start on schedule.",
            "Local residents welcomed the change. \"We no longer have to travel to the district centre to submit papers,\" said a farmer from Son Tinh district.",
            "In the first ten months of the year, the province's industrial production grew by more than eight percent, led by the Dung Quat oil refinery and the steel complex in Binh Son district.",
            "Tourism on Ly Son island has recovered strongly, with homestays, seafood restaurants and diving tours reporting full bookings during the summer months.",
            "The provincial Department of Agriculture and Rural Development advised farmers to harvest crops early and move livestock to higher ground ahead of the storm season.",
        ]
        var pool = Array(body.indices)
        pool.shuffle(using: &random)
        let count = random.next(in: 3...6)
        return SubmissionSeed(siteCode: site.code, contributor: contributor, title: titles[(index / 16) % titles.count],
                              sapo: "(Quang Ngai Portal) - " + body[pool[0]], body: pool.dropFirst().prefix(count).map { body[$0] }.joined(separator: "\n\n"),
                              category: random.next(in: 0...3) == 0 ? .article : .news, language: "en",
                              status: status, receivedAt: received, misspelling: nil)
    }
}

/// A small seeded generator (SplitMix64), so the sample is the same everywhere.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }
}
