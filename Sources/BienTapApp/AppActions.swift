import TerminalUI
import VietText

/// The one catalogue of what a user can do; keymaps, the help screen and
/// (later) the command palette are all generated from it.
public enum AppActions {
    /// Screen contexts a binding can name (plus `global`).
    public static let queue = "queue"
    public static let reader = "reader"
    public static let help = "help"
    public static let editor = "editor"
    /// The merge view, after someone else saved the submission being edited.
    public static let merge = "merge"
    /// The duty view: the next 72 hours' schedule, per site.
    public static let duty = "duty"
    /// The accountant's screen: a month's payment list (nhuận bút), per site.
    public static let royalties = "royalties"
    /// The yearly activity report: what each site published, against the year before.
    public static let activity = "activity"
    /// The social queue: the posts to Zalo OA and Facebook Page, per channel and state.
    public static let social = "social"
    private static let everywhere = [queue, reader, help, editor]
    private static let lists = [queue, reader, help]
    /// Views that only scroll.
    private static let scrolling = [queue, reader, help, merge, duty, royalties, activity, social]
    /// The screens of the accountant.
    private static let ledger = [royalties, activity]

    public static let catalogue = ActionCatalogue([
        Action(id: "move-down", contexts: scrolling, description: Localized(vi: "Xuống một dòng", en: "Down one line")),
        Action(id: "move-up", contexts: scrolling, description: Localized(vi: "Lên một dòng", en: "Up one line")),
        Action(id: "page-down", contexts: everywhere + [merge, duty] + ledger + [social], description: Localized(vi: "Xuống một trang", en: "Down one page")),
        Action(id: "page-up", contexts: everywhere + [merge, duty] + ledger + [social], description: Localized(vi: "Lên một trang", en: "Up one page")),
        Action(id: "first", contexts: scrolling, description: Localized(vi: "Về đầu danh sách", en: "Go to the top")),
        Action(id: "last", contexts: scrolling, description: Localized(vi: "Xuống cuối danh sách", en: "Go to the bottom")),
        Action(id: "open", contexts: [queue, duty, royalties, social], description: Localized(vi: "Mở bài đang chọn (chỉ đọc); ở nhuận bút: bảng kê của người đang chọn", en: "Open the selected item (read-only); in royalties: the selected person's statement")),
        Action(id: "edit", contexts: [queue, reader], description: Localized(vi: "Sửa bài: nhận bài, giữ quyền sửa và mở trình soạn thảo", en: "Edit: claim the item, hold its edit lease and open the editor")),
        Action(id: "approve", contexts: [queue, reader], description: Localized(vi: "Duyệt: chấm nhuận bút theo khung đang áp dụng, chọn kênh mạng xã hội", en: "Approve: grade the royalty by the active rate table, pick social channels")),
        Action(id: "return", contexts: [queue, reader], description: Localized(vi: "Trả lại cho tác giả, kèm ghi chú cần sửa gì", en: "Return to the contributor with a note on what to fix")),
        Action(id: "reject", contexts: [queue, reader], description: Localized(vi: "Từ chối, kèm lý do", en: "Reject, saying why")),
        Action(id: "schedule", contexts: [queue, reader, duty], description: Localized(vi: "Lên lịch đăng (1 giờ nữa, 7:00 mai, 7:00 thứ Hai, hoặc giờ gõ vào)", en: "Schedule (in an hour, tomorrow 07:00, Monday 07:00, or a typed time)")),
        Action(id: "publish", contexts: [queue, reader, duty], description: Localized(vi: "Đăng ngay (hỏi lại trước)", en: "Publish now (asks first)")),
        Action(id: "duty", contexts: [queue], description: Localized(vi: "Trực: lịch đăng 72 giờ tới theo chuyên trang, ngày trống tô đỏ", en: "Duty: the next 72 hours' schedule per site, empty days in red")),
        Action(id: "royalties", contexts: [queue, activity], description: Localized(vi: "Nhuận bút: danh sách chi trả từng tháng theo chuyên trang (kế toán)", en: "Royalties: each month's payment list per site (accountants)")),
        Action(id: "activity-report", contexts: [queue, royalties], description: Localized(vi: "Báo cáo hoạt động năm: tin, bài, ảnh, văn bản từng chuyên trang", en: "Yearly activity report: news, articles, photos, documents per site")),
        Action(id: "previous-month", contexts: [royalties], description: Localized(vi: "Về tháng trước", en: "Previous month")),
        Action(id: "next-month", contexts: [royalties], description: Localized(vi: "Sang tháng sau", en: "Next month")),
        Action(id: "go-to-month", contexts: [royalties], description: Localized(vi: "Đến tháng… (gõ 10/2026)", en: "Go to a month… (type 10/2026)")),
        Action(id: "next-site", contexts: [royalties], description: Localized(vi: "Sang chuyên trang sau", en: "Next site")),
        Action(id: "previous-site", contexts: [royalties], description: Localized(vi: "Về chuyên trang trước", en: "Previous site")),
        Action(id: "close-month", contexts: [royalties], description: Localized(vi: "Chốt tháng (hỏi lại trước); đã chốt thì không đổi được", en: "Close the month (asks first); a closed month never changes")),
        Action(id: "record-payment", contexts: [royalties], description: Localized(vi: "Ghi nhận đã chi, với số chứng từ", en: "Record the payment, with its reference")),
        Action(id: "export-payment-list", contexts: [royalties], description: Localized(vi: "Xuất danh sách chi trả ra tệp CSV hoặc XLSX", en: "Export the payment list as CSV or XLSX")),
        Action(id: "social-queue", contexts: [queue, duty], description: Localized(vi: "Hàng đăng mạng xã hội: Zalo OA, Facebook Page (thử lại, huỷ, xử lý)", en: "Social queue: Zalo OA and Facebook Page posts (retry, cancel, resolve)")),
        Action(id: "next-state", contexts: [social], description: Localized(vi: "Lọc trạng thái sau (mọi trạng thái → Chờ đăng → …)", en: "Next state filter (every state → queued → …)")),
        Action(id: "previous-state", contexts: [social], description: Localized(vi: "Lọc trạng thái trước", en: "Previous state filter")),
        Action(id: "next-channel", contexts: [social], description: Localized(vi: "Lọc kênh: mọi kênh → Zalo OA → Facebook Page", en: "Channel filter: every channel → Zalo OA → Facebook Page")),
        Action(id: "retry-post", contexts: [social], description: Localized(vi: "Thử lại bài Thất bại (bài Chưa rõ: hỏi trước, như xử lý)", en: "Retry a failed post (an uncertain one: asks first, as resolving does)")),
        Action(id: "cancel-post", contexts: [social], description: Localized(vi: "Huỷ bài chưa gửi (hỏi lại trước)", en: "Cancel a post not sent yet (asks first)")),
        Action(id: "resolve-post", contexts: [social], description: Localized(vi: "Xử lý bài Chưa rõ: đã lên trang (kèm liên kết) hay gửi lại", en: "Resolve an uncertain post: it is there (its link), or send it again")),
        Action(id: "edit-post-text", contexts: [social], description: Localized(vi: "Sửa lời đăng trước khi gửi (Zalo OA: tối đa 300 ký tự)", en: "Edit the text before it is sent (Zalo OA: at most 300 characters)")),
        Action(id: "previous-year", contexts: [activity], description: Localized(vi: "Về năm trước", en: "Previous year")),
        Action(id: "next-year", contexts: [activity], description: Localized(vi: "Sang năm sau", en: "Next year")),
        Action(id: "go-to-year", contexts: [activity], description: Localized(vi: "Đến năm… (gõ 2026)", en: "Go to a year… (type 2026)")),
        Action(id: "add-note", contexts: [reader], description: Localized(vi: "Thêm ghi chú cho Ban Biên tập (hoặc cho cả tác giả)", en: "Add a note for the board (or for the contributor too)")),
        Action(id: "differences", contexts: [reader], description: Localized(vi: "Khác biệt: bản của tác giả → bản hiện tại, từng chữ (bấm lại để về bài)", en: "Differences: the contributor's original → now, word by word (again: back to the text)")),
        Action(id: "compare-revisions", contexts: [reader], description: Localized(vi: "So sánh hai phiên bản bất kỳ của bài, từng chữ", en: "Compare any two revisions of the item, word by word")),
        Action(id: "back", contexts: everywhere + [merge, duty] + ledger + [social], description: Localized(vi: "Quay lại; thoát khi ở hàng chờ", en: "Go back; quit from the queue")),
        Action(id: "quit", contexts: everywhere + [duty] + ledger + [social], description: Localized(vi: "Thoát bientap", en: "Quit bientap")),
        Action(id: "help", contexts: everywhere + [merge, duty] + ledger + [social], description: Localized(vi: "Xem các phím tắt", en: "Show the key bindings")),
        Action(id: "refresh", contexts: lists + [duty] + ledger + [social], description: Localized(vi: "Tải lại từ cổng thông tin (thử lại khi lỗi)", en: "Reload from the portal (retry after an error)")),
        Action(id: "redraw", contexts: everywhere + [duty] + ledger + [social], description: Localized(vi: "Vẽ lại màn hình", en: "Redraw the screen")),
        Action(id: "suspend", contexts: everywhere + [duty] + ledger + [social], description: Localized(vi: "Tạm dừng, về dòng lệnh (fg để quay lại)", en: "Suspend to the shell (fg to come back)")),
        Action(id: "palette", contexts: everywhere + [duty] + ledger + [social], description: Localized(vi: "Bảng lệnh: tìm và chạy mọi lệnh", en: "Command palette: find and run any command")),
        Action(id: "search", contexts: everywhere, description: Localized(vi: "Tìm (không phân biệt dấu)", en: "Search (diacritics ignored)")),
        Action(id: "search-next", contexts: everywhere, description: Localized(vi: "Tìm tiếp", en: "Next match")),
        Action(id: "search-previous", contexts: everywhere, description: Localized(vi: "Tìm ngược lại", en: "Previous match")),
        Action(id: "filter", contexts: [queue], description: Localized(vi: "Lọc: chỉ hiện các dòng có chữ đã gõ", en: "Filter: show only rows containing the text")),
        Action(id: "filter-form", contexts: [queue], description: Localized(vi: "Lọc nâng cao: chuyên trang, thể loại, tác giả, ngày nhận", en: "Filter by site, category, contributor, date received")),
        Action(id: "next-tab", contexts: [queue], description: Localized(vi: "Sang thẻ sau (Chờ duyệt → Đang biên tập → …)", en: "Next tab (Pending → In review → …)")),
        Action(id: "previous-tab", contexts: [queue], description: Localized(vi: "Về thẻ trước", en: "Previous tab")),
        Action(id: "sort", contexts: [queue], description: Localized(vi: "Sắp xếp: lần lượt theo từng cột, tăng rồi giảm", en: "Sort: by each column in turn, up then down")),
        Action(id: "toggle-mark", contexts: [queue], description: Localized(vi: "Đánh dấu / bỏ đánh dấu dòng", en: "Mark or unmark the row")),
        Action(id: "toggle-mark-all", contexts: [queue], description: Localized(vi: "Đánh dấu / bỏ đánh dấu mọi dòng đang hiện", en: "Mark or unmark every shown row")),
        Action(id: "save", contexts: [editor], description: Localized(vi: "Lưu", en: "Save")),
        Action(id: "replace", contexts: [editor], description: Localized(vi: "Thay thế tất cả", en: "Replace all")),
        Action(id: "go-to-line", contexts: [editor], description: Localized(vi: "Đến dòng số…", en: "Go to line…")),
        Action(id: "external-editor", contexts: [editor], description: Localized(vi: "Sửa trong trình soạn thảo ngoài ($VISUAL, $EDITOR), rồi quay lại", en: "Edit in your own editor ($VISUAL, $EDITOR), then come back")),
        Action(id: "next-finding", contexts: [editor, reader], description: Localized(vi: "Đến lỗi chính tả sau", en: "Next spelling finding")),
        Action(id: "previous-finding", contexts: [editor, reader], description: Localized(vi: "Về lỗi chính tả trước", en: "Previous spelling finding")),
        Action(id: "fix-finding", contexts: [editor, reader], description: Localized(vi: "Sửa lỗi chính tả: gợi ý, từ điển, bỏ qua (khi đọc: mở bài để sửa)", en: "Fix a spelling finding: a suggestion, the dictionary, ignore (reading: open to edit)")),
        Action(id: "next-hunk", contexts: [merge], description: Localized(vi: "Sang chỗ khác nhau sau", en: "Next hunk")),
        Action(id: "previous-hunk", contexts: [merge], description: Localized(vi: "Về chỗ khác nhau trước", en: "Previous hunk")),
        Action(id: "take-theirs", contexts: [merge], description: Localized(vi: "Chỗ này lấy bản trên cổng", en: "Take the portal's version of this hunk")),
        Action(id: "take-mine", contexts: [merge], description: Localized(vi: "Chỗ này lấy bản của tôi", en: "Take my version of this hunk")),
        Action(id: "take-both", contexts: [merge], description: Localized(vi: "Chỗ này giữ cả hai (bản trên cổng trước)", en: "Keep both versions of this hunk (the portal's first)")),
        Action(id: "take-combined", contexts: [merge], description: Localized(vi: "Chỗ này gộp từng chữ của cả hai bên", en: "Combine both sides' changes word by word")),
        Action(id: "apply-merge", contexts: [merge], description: Localized(vi: "Gộp theo các lựa chọn và lưu", en: "Merge as chosen and save")),
    ] + editorActions, textContexts: [editor])

    /// The editor's own commands, described for keymaps, help and the palette.
    static let editorActions: [Action] = EditorCommand.allCases.compactMap { command in
        let d: Localized
        switch command {
        case .left: d = Localized(vi: "Sang trái một chữ", en: "Left one character")
        case .right: d = Localized(vi: "Sang phải một chữ", en: "Right one character")
        case .up: d = Localized(vi: "Lên một dòng", en: "Up one row")
        case .down: d = Localized(vi: "Xuống một dòng", en: "Down one row")
        case .wordLeft: d = Localized(vi: "Về từ trước", en: "Back one word")
        case .wordRight: d = Localized(vi: "Sang từ sau", en: "Forward one word")
        case .lineStart: d = Localized(vi: "Về đầu dòng", en: "Start of the line")
        case .lineEnd: d = Localized(vi: "Về cuối dòng", en: "End of the line")
        case .documentStart: d = Localized(vi: "Về đầu văn bản", en: "Start of the text")
        case .documentEnd: d = Localized(vi: "Về cuối văn bản", en: "End of the text")
        case .pageUp, .pageDown: return nil  // the list actions of the same name
        case .deleteBackward: d = Localized(vi: "Xoá chữ trước con trỏ", en: "Delete the character before the cursor")
        case .deleteForward: d = Localized(vi: "Xoá chữ tại con trỏ", en: "Delete the character at the cursor")
        case .deleteWordBackward: d = Localized(vi: "Xoá từ trước con trỏ", en: "Delete the word before the cursor")
        case .deleteToLineEnd: d = Localized(vi: "Cắt đến cuối dòng", en: "Cut to the end of the line")
        case .newline: d = Localized(vi: "Xuống dòng", en: "New line")
        case .undo: d = Localized(vi: "Hoàn tác", en: "Undo")
        case .redo: d = Localized(vi: "Làm lại", en: "Redo")
        case .toggleSelection: d = Localized(vi: "Bắt đầu / bỏ vùng chọn", en: "Start or drop a selection")
        case .selectAll: d = Localized(vi: "Chọn tất cả", en: "Select all")
        case .clearSelection: d = Localized(vi: "Bỏ vùng chọn", en: "Drop the selection")
        case .cut: d = Localized(vi: "Cắt vùng chọn", en: "Cut the selection")
        case .copy: d = Localized(vi: "Chép vùng chọn", en: "Copy the selection")
        case .paste: d = Localized(vi: "Dán", en: "Paste")
        case .cycleInputMethod: d = Localized(vi: "Đổi kiểu gõ: Telex → VNI → tắt", en: "Switch input method: Telex → VNI → off")
        }
        return Action(id: command.rawValue, contexts: [editor], description: d)
    }

    /// Titles of the contexts on the help screen.
    public static let contextTitles: [String: Localized] = [
        "global": Strings.contextGlobal,
        queue: Strings.contextQueue,
        reader: Strings.contextReader,
        help: Strings.contextHelp,
        editor: Strings.contextEditor,
        merge: Strings.contextMerge,
        duty: Strings.contextDuty,
        royalties: Strings.contextRoyalties,
        activity: Strings.contextActivity,
        social: Strings.contextSocial,
    ]
}
