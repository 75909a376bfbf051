import Foundation

/// Real words written for other real words: the confusions of s/x, ch/tr,
/// d/gi/r, n/l, hỏi/ngã and i/y that a syllable check cannot see. Each line
/// is "wrong → right"; the phrase is matched whole, whatever the letter case
/// and tone style.
enum Confusions {
    static let source = """
    sử lý → xử lý
    xử dụng → sử dụng
    sắp sếp → sắp xếp
    xắp xếp → sắp xếp
    sơ xuất → sơ suất
    suất sắc → xuất sắc
    sản suất → sản xuất
    năng xuất → năng suất
    đột suất → đột xuất
    suất khẩu → xuất khẩu
    xem sét → xem xét
    sét xử → xét xử
    sét duyệt → xét duyệt
    bổ xung → bổ sung
    xát nhập → sáp nhập
    sung phong → xung phong
    xơ sài → sơ sài
    sây dựng → xây dựng
    sáng lạng → xán lạn
    xán lạng → xán lạn
    chính chắn → chín chắn
    chỉnh chu → chỉn chu
    chuẩn đoán → chẩn đoán
    chau chuốt → trau chuốt
    trân thành → chân thành
    chân trọng → trân trọng
    chí tuệ → trí tuệ
    chí thức → tri thức
    trí hướng → chí hướng
    tuyên chuyền → tuyên truyền
    chuyền thống → truyền thống
    chuyền thông → truyền thông
    giành dụm → dành dụm
    dành độc lập → giành độc lập
    dành chiến thắng → giành chiến thắng
    dành giật → giành giật
    dành mạch → rành mạch
    dám sát → giám sát
    giữ liệu → dữ liệu
    dữ gìn → giữ gìn
    lỗ lực → nỗ lực
    lòng cốt → nòng cốt
    lâng cao → nâng cao
    lông thôn → nông thôn
    liêm yết → niêm yết
    niêm chính → liêm chính
    nãnh đạo → lãnh đạo
    hổ trợ → hỗ trợ
    cũng cố → củng cố
    cỗ vũ → cổ vũ
    sữa chữa → sửa chữa
    sửa chửa → sửa chữa
    giử gìn → giữ gìn
    kỷ lưỡng → kỹ lưỡng
    kỹ luật → kỷ luật
    kỷ thuật → kỹ thuật
    vẽ vang → vẻ vang
    nghĩ ngơi → nghỉ ngơi
    suy nghỉ → suy nghĩ
    bức phá → bứt phá
    thái độ bàng quang → thái độ bàng quan
    """

    /// The confusions as syllables: the wrong phrase's, and the right text.
    static let entries: [(wrong: [Syllable], right: String)] = source.split(separator: "\n").compactMap { line in
        let sides = line.components(separatedBy: " → ")
        guard sides.count == 2 else { return nil }
        return (sides[0].split(separator: " ").map { Syllable.parse(String($0))! }, sides[1])
    }

    /// Syllables in the longest wrong phrase.
    static let longest = entries.map(\.wrong.count).max() ?? 1
}
