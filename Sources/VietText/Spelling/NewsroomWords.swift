/// Words of two or more syllables that government news is written with, and
/// set phrases: the pairs of syllables a text is expected to hold. A pair the
/// list lacks, whose syllable differs by one usual slip (a tone, s/x, ch/tr,
/// d/gi/r, n/l, c/t, n/ng, i/y) from a pair it has, is a real word used for
/// another (thực hiên → thực hiện). One entry a line or comma-separated.
enum NewsroomWords {
    static let text = """
    # Administration and the state
    ủy ban, nhân dân, hội đồng, chủ tịch, phó chủ tịch, bí thư, tỉnh ủy, huyện ủy, thành ủy, đảng ủy, thường trực, thường vụ
    chính phủ, quốc hội, nhà nước, trung ương, địa phương, chính quyền, cơ quan, đơn vị, tổ chức, cá nhân, công dân, người dân
    cán bộ, công chức, viên chức, người lao động, lãnh đạo, chỉ đạo, điều hành, quản lý, thủ trưởng, giám đốc, phó giám đốc
    chánh văn phòng, văn phòng, trưởng phòng, phó trưởng phòng, chuyên viên, thanh tra, kiểm tra, giám sát, kiểm toán, kiểm soát
    sở ban ngành, ban ngành, các sở, thị xã, thị trấn, thành phố, huyện, xã phường, tổ dân phố, thôn bản, khu dân cư, địa bàn
    đặc khu, hải đảo, miền núi, vùng sâu, vùng xa, đồng bằng, ven biển, biên giới, nông thôn, đô thị, thành thị
    văn bản, công văn, quyết định, nghị định, nghị quyết, thông tư, chỉ thị, kế hoạch, báo cáo, tờ trình, thông báo, kết luận
    quy chế, quy định, quy trình, quy phạm, pháp luật, luật pháp, hiến pháp, điều khoản, hiệu lực, thi hành, ban hành, sửa đổi
    bổ sung, thay thế, bãi bỏ, hủy bỏ, phê duyệt, phê chuẩn, thẩm định, thẩm quyền, trách nhiệm, nhiệm vụ, quyền hạn, chức năng
    chức vụ, chức danh, danh xưng, danh sách, danh mục, danh hiệu, danh nghĩa, danh dự, họ tên, bút danh, chữ ký, ký số, ký hiệu
    thủ tục, hành chính, cải cách, một cửa, liên thông, hồ sơ, giấy tờ, giấy phép, chứng nhận, chứng thực, xác thực, xác nhận
    tiếp nhận, giải quyết, trả lời, phản ánh, kiến nghị, đề nghị, đề xuất, khiếu nại, tố cáo, tiếp công dân, đối thoại, chất vấn
    thực hiện, triển khai, tổ chức thực hiện, phối hợp, chủ trì, hướng dẫn, đôn đốc, theo dõi, tổng hợp, đánh giá, sơ kết, tổng kết
    kiện toàn, thành lập, sáp nhập, hợp nhất, giải thể, phân công, phân cấp, phân quyền, ủy quyền, kiêm nhiệm, bổ nhiệm, miễn nhiệm
    khen thưởng, kỷ luật, thi đua, xét thi đua, tiêu chí, tiêu chuẩn, chỉ tiêu, mục tiêu, mục đích, yêu cầu, nội dung, hình thức
    phương hướng, phương án, phương thức, phương pháp, giải pháp, biện pháp, chính sách, chủ trương, đường lối, chiến lược, quy hoạch
    đề án, dự án, chương trình, đề tài, nhiệm vụ chi, dự toán, quyết toán, ngân sách, kinh phí, nguồn vốn, vốn vay, đầu tư, giải ngân
    tài chính, tài sản, tài khoản, kế toán, thủ quỹ, kho bạc, ngân hàng, chuyển khoản, tiền mặt, thanh toán, chi trả, hoàn trả, khấu trừ
    thuế thu nhập, thu nhập, cá nhân, doanh thu, lợi nhuận, chi phí, giá trị, mức lương, lương cơ sở, hệ số, phụ cấp, trợ cấp, đãi ngộ
    nhuận bút, thù lao, tác giả, tác phẩm, thể loại, chất lượng, số lượng, khối lượng, tỷ lệ, tỷ trọng, bình quân, trung bình, tối thiểu, tối đa
    triệu đồng, tỷ đồng, nghìn đồng, đồng chí, đồng bào, đồng thời, đồng thuận, đồng bộ, đồng ý, đồng hành
    # Work and its qualities
    công tác, công việc, làm việc, ngày làm việc, thời gian, thời hạn, thời điểm, thời kỳ, giai đoạn, định kỳ, thường xuyên, liên tục
    kịp thời, chậm nhất, sớm nhất, ít nhất, nhiều nhất, cao nhất, thấp nhất, duy nhất, thống nhất, chính xác, khách quan, trung thực
    cụ thể, chi tiết, đầy đủ, rõ ràng, rành mạch, ngắn gọn, dễ hiểu, dễ nhớ, phù hợp, hợp lý, hợp pháp, hợp lệ, cần thiết, quan trọng
    chủ yếu, cơ bản, trọng tâm, trọng điểm, chuyên sâu, chuyên môn, chuyên nghiệp, chuyên mục, chuyên trang, chuyên đề, chuyên gia
    trình độ, năng lực, kỹ năng, kinh nghiệm, nghiệp vụ, bồi dưỡng, đào tạo, tập huấn, học tập, nghiên cứu, khoa học, công nghệ
    nhận thức, quán triệt, tuyên truyền, truyền thông, thông tin, truyền thanh, truyền hình, phát thanh, báo chí, báo điện tử, xuất bản
    chính tả, ngữ pháp, tiếng Việt, biên tập, biên tập viên, phóng viên, cộng tác viên, bài viết, tin bài, phóng sự, bình luận, ghi nhanh
    chú thích, ghi rõ, ghi nhận, ghi chép, trích dẫn, nguồn tin, đăng tải, đăng ký, cung cấp, chia sẻ, sao chép, chỉnh sửa, sửa chữa
    sai sót, sai lệch, sai phạm, vi phạm, sơ suất, thiếu sót, hạn chế, tồn tại, khó khăn, vướng mắc, bất cập, yếu kém, tháo gỡ
    khắc phục, xử lý, giải trình, chấn chỉnh, nhắc nhở, phê bình, rút kinh nghiệm, quan tâm, chú trọng, ưu tiên, tập trung, quyết liệt
    nghiêm túc, nghiêm khắc, hiệu quả, hiệu lực, kết quả, thành tích, thành tựu, tích cực, chủ động, sáng tạo, linh hoạt, thẳng thắn
    sơ sài, sơ lược, sơ bộ, tóm tắt, tổng quát, toàn diện, toàn bộ, toàn trình, trực tuyến, trực tiếp, gián tiếp, trực quan
    ổn định, bền vững, an toàn, an ninh, trật tự, quốc phòng, bảo đảm, bảo vệ, bảo mật, bảo quản, bảo trì, bảo hiểm, bảo tàng
    nâng cao, nâng cấp, tăng cường, đẩy mạnh, mở rộng, phát triển, phát huy, phát hiện, phát động, phát sóng, phát biểu, phát hành
    xây dựng, hoàn thiện, hoàn thành, hoàn chỉnh, thực tế, thực tiễn, thực trạng, thực chất, thực sự, thật sự, sự thật, sự kiện
    xem xét, xét duyệt, xét xử, phê duyệt, duyệt đăng, thẩm tra, rà soát, kiểm điểm, đánh giá, xếp loại, xếp hạng, sắp xếp
    hỗ trợ, giúp đỡ, hưởng ứng, tham gia, tham mưu, tham khảo, tham dự, góp phần, đóng góp, huy động, vận động, kêu gọi
    # Digital transformation
    chuyển đổi số, chuyển đổi, chính quyền số, kinh tế số, xã hội số, công dân số, nền tảng số, hạ tầng số, dữ liệu số, kỹ năng số
    dữ liệu, cơ sở dữ liệu, dữ liệu mở, kho dữ liệu, trung tâm dữ liệu, số hóa, số liệu, điện tử, thương mại điện tử, chữ ký số
    dịch vụ công, dịch vụ, trực tuyến toàn trình, cổng thông tin, trang thông tin, thành phần, truy cập, tài khoản, định danh, mật khẩu
    an toàn thông tin, an ninh mạng, tấn công, sự cố, ứng cứu, diễn tập, cảnh báo, lừa đảo, tin giả, điện thoại, thông minh
    điện toán, đám mây, phần mềm, phần cứng, máy tính, thiết bị, di động, băng rộng, cáp quang, viễn thông, phủ sóng, trạm phát sóng
    kết nối, liên kết, tích hợp, ứng dụng, cài đặt, sử dụng, vận hành, quản trị, nhập liệu, tra cứu, hiển thị, giao thức, mạng xã hội
    # Economy, society
    kinh tế, xã hội, văn hóa, giáo dục, y tế, môi trường, tài nguyên, nông nghiệp, công nghiệp, dịch vụ, du lịch, thương mại, giao thông
    doanh nghiệp, hợp tác xã, hiệp hội, nhà đầu tư, sản xuất, kinh doanh, sản phẩm, hàng hóa, thị trường, xuất khẩu, nhập khẩu, năng suất
    tăng trưởng, thu hút, cạnh tranh, năng lực cạnh tranh, thu nhập bình quân, hộ nghèo, giảm nghèo, an sinh, việc làm, lao động
    nông thôn mới, đạt chuẩn, tiêu chí, kiểu mẫu, chỉ dẫn, địa lý, đất đai, đền bù, giải phóng mặt bằng, tái định cư, hiến đất
    công trình, khởi công, khánh thành, thi công, chủ đầu tư, tiến độ, mức đầu tư, tổng mức, tuyến đường, mặt đường, cầu cống
    giao thương, vận chuyển, vận tải, đi lại, cảnh quan, di tích, danh thắng, lễ hội, truyền thống, bản sắc, dân tộc, đồng bào
    trường học, học sinh, sinh viên, giáo viên, học bạ, sổ điểm, khám chữa bệnh, bệnh viện, trạm y tế, bệnh án, tiêm chủng, phòng bệnh
    sức khỏe, theo dõi, quấy khóc, kéo dài, khuyến cáo, phụ huynh, trẻ em, người cao tuổi, phụ nữ, thanh niên, đoàn viên, hội viên
    rác thải, thu gom, phân loại, làm sạch, ô nhiễm, biến đổi khí hậu, thiên tai, mưa bão, sạt lở, lũ lụt, phòng chống, cứu hộ
    xúc động, phấn khởi, cảm ơn, biểu dương, tuyên dương, khen ngợi, tri ân, trân trọng, chân thành, nỗ lực, cố gắng, quyết tâm
    # Everyday phrases of reports
    so với, cùng kỳ, năm trước, năm nay, hằng năm, hằng tháng, hằng quý, cuối năm, đầu năm, sau khi, trước khi, trong khi, kể từ
    bên cạnh, đồng thời, tuy nhiên, trong đó, ngoài ra, bao gồm, căn cứ, theo đó, nhằm, để, nếu có, trường hợp, tùy theo, tùy tính chất
    tính chất, mức độ, hậu quả, ảnh hưởng, tác động, tác dụng, định hướng, dư luận, lĩnh vực, phạm vi, đối tượng, điều chỉnh, áp dụng
    nguyên tắc, nguyên nhân, lý do, cơ chế, động lực, nguồn lực, nhân lực, vật lực, tài lực, sức mạnh, đoàn kết, thống nhất
    sưu tầm, tư liệu, tài liệu, lưu trữ, hồ sơ lưu, tư liệu ảnh, hình ảnh, video clip, âm thanh, đoạn phim, độ phân giải, điểm ảnh
    thỏa thuận, hợp đồng, cam kết, ký kết, thương thảo, đàm phán, hợp tác, quan hệ, đối ngoại, hội nghị, hội thảo, tọa đàm, giao ban
    """

    /// The entries, each as its syllables ("thực", "hiện"); words
    /// that are no syllable (video) break an entry where they stand.
    static var entries: [[Syllable]] {
        var entries: [[Syllable]] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            for entry in line.split(separator: ",") {
                var syllables: [Syllable] = []
                for word in entry.split(separator: " ") {
                    if let syllable = Syllable.parse(String(word)) {
                        syllables.append(syllable)
                    } else {
                        entries.append(syllables)
                        syllables = []
                    }
                }
                entries.append(syllables)
            }
        }
        return entries
    }
}
