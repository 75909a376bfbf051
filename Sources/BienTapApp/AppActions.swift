import NewsroomKit
import TerminalUI
import VietText

/// The contexts of the desk's screens, and the catalogue of `DeskAction`s that keymaps,
/// the help screen and the command palette are generated from.
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

    /// Every context, in the order the help screen and `bientap keys --list` show them.
    public static let contexts = [DeskKeymap.global, queue, reader, duty, royalties, activity, social, help, editor, merge]

    public static let catalogue = ActionCatalogue(DeskAction.allCases.map {
        Action(id: $0, contexts: $0.contexts, description: $0.description)
    }, textContexts: [editor])

    /// Where the action means something, and what help and the palette say of it: the one
    /// table, as tig's request.h (the default keys are Keymaps/default.keymap).
    fileprivate static func entry(_ action: DeskAction) -> (contexts: [String], description: Localized) {
        switch action {
        case .moveDown: (scrolling, Localized(vi: "Xuống một dòng", en: "Down one line"))
        case .moveUp: (scrolling, Localized(vi: "Lên một dòng", en: "Up one line"))
        case .pageDown: (everywhere + [merge, duty] + ledger + [social], Localized(vi: "Xuống một trang", en: "Down one page"))
        case .pageUp: (everywhere + [merge, duty] + ledger + [social], Localized(vi: "Lên một trang", en: "Up one page"))
        case .first: (scrolling, Localized(vi: "Về đầu danh sách", en: "Go to the top"))
        case .last: (scrolling, Localized(vi: "Xuống cuối danh sách", en: "Go to the bottom"))
        case .open: ([queue, duty, royalties, social], Localized(vi: "Mở bài đang chọn (chỉ đọc); ở nhuận bút: bảng kê của người đang chọn", en: "Open the selected item (read-only); in royalties: the selected person's statement"))
        case .edit: ([queue, reader], Localized(vi: "Sửa bài: nhận bài, giữ quyền sửa và mở trình soạn thảo", en: "Edit: claim the item, hold its edit lease and open the editor"))
        case .approve: ([queue, reader], Localized(vi: "Duyệt: chấm nhuận bút theo khung đang áp dụng, chọn kênh mạng xã hội", en: "Approve: grade the royalty by the active rate table, pick social channels"))
        case .return: ([queue, reader], Localized(vi: "Trả lại cho tác giả, kèm ghi chú cần sửa gì", en: "Return to the contributor with a note on what to fix"))
        case .reject: ([queue, reader], Localized(vi: "Từ chối, kèm lý do", en: "Reject, saying why"))
        case .schedule: ([queue, reader, duty], Localized(vi: "Lên lịch đăng (1 giờ nữa, 7:00 mai, 7:00 thứ Hai, hoặc giờ gõ vào)", en: "Schedule (in an hour, tomorrow 07:00, Monday 07:00, or a typed time)"))
        case .publish: ([queue, reader, duty], Localized(vi: "Đăng ngay (hỏi lại trước)", en: "Publish now (asks first)"))
        case .duty: ([queue], Localized(vi: "Trực: lịch đăng 72 giờ tới theo chuyên trang, ngày trống tô đỏ", en: "Duty: the next 72 hours' schedule per site, empty days in red"))
        case .royalties: ([queue, activity], Localized(vi: "Nhuận bút: danh sách chi trả từng tháng theo chuyên trang (kế toán)", en: "Royalties: each month's payment list per site (accountants)"))
        case .activityReport: ([queue, royalties], Localized(vi: "Báo cáo hoạt động năm: tin, bài, ảnh, văn bản từng chuyên trang", en: "Yearly activity report: news, articles, photos, documents per site"))
        case .previousMonth: ([royalties], Localized(vi: "Về tháng trước", en: "Previous month"))
        case .nextMonth: ([royalties], Localized(vi: "Sang tháng sau", en: "Next month"))
        case .goToMonth: ([royalties], Localized(vi: "Đến tháng… (gõ 10/2026)", en: "Go to a month… (type 10/2026)"))
        case .nextSite: ([royalties], Localized(vi: "Sang chuyên trang sau", en: "Next site"))
        case .previousSite: ([royalties], Localized(vi: "Về chuyên trang trước", en: "Previous site"))
        case .closeMonth: ([royalties], Localized(vi: "Chốt tháng (hỏi lại trước); đã chốt thì không đổi được", en: "Close the month (asks first); a closed month never changes"))
        case .recordPayment: ([royalties], Localized(vi: "Ghi nhận đã chi, với số chứng từ", en: "Record the payment, with its reference"))
        case .exportPaymentList: ([royalties], Localized(vi: "Xuất danh sách chi trả ra tệp CSV hoặc XLSX", en: "Export the payment list as CSV or XLSX"))
        case .socialQueue: ([queue, duty], Localized(vi: "Hàng đăng mạng xã hội: Zalo OA, Facebook Page (thử lại, huỷ, xử lý)", en: "Social queue: Zalo OA and Facebook Page posts (retry, cancel, resolve)"))
        case .nextState: ([social], Localized(vi: "Lọc trạng thái sau (mọi trạng thái → Chờ đăng → …)", en: "Next state filter (every state → queued → …)"))
        case .previousState: ([social], Localized(vi: "Lọc trạng thái trước", en: "Previous state filter"))
        case .nextChannel: ([social], Localized(vi: "Lọc kênh: mọi kênh → Zalo OA → Facebook Page", en: "Channel filter: every channel → Zalo OA → Facebook Page"))
        case .retryPost: ([social], Localized(vi: "Thử lại bài Thất bại (bài Chưa rõ: hỏi trước, như xử lý)", en: "Retry a failed post (an uncertain one: asks first, as resolving does)"))
        case .cancelPost: ([social], Localized(vi: "Huỷ bài chưa gửi (hỏi lại trước)", en: "Cancel a post not sent yet (asks first)"))
        case .resolvePost: ([social], Localized(vi: "Xử lý bài Chưa rõ: đã lên trang (kèm liên kết) hay gửi lại", en: "Resolve an uncertain post: it is there (its link), or send it again"))
        case .editPostText: ([social], Localized(vi: "Sửa lời đăng trước khi gửi (Zalo OA: tối đa 300 ký tự)", en: "Edit the text before it is sent (Zalo OA: at most 300 characters)"))
        case .previousYear: ([activity], Localized(vi: "Về năm trước", en: "Previous year"))
        case .nextYear: ([activity], Localized(vi: "Sang năm sau", en: "Next year"))
        case .goToYear: ([activity], Localized(vi: "Đến năm… (gõ 2026)", en: "Go to a year… (type 2026)"))
        case .addNote: ([reader], Localized(vi: "Thêm ghi chú cho Ban Biên tập (hoặc cho cả tác giả)", en: "Add a note for the board (or for the contributor too)"))
        case .differences: ([reader], Localized(vi: "Khác biệt: bản của tác giả → bản hiện tại, từng chữ (bấm lại để về bài)", en: "Differences: the contributor's original → now, word by word (again: back to the text)"))
        case .compareRevisions: ([reader], Localized(vi: "So sánh hai phiên bản bất kỳ của bài, từng chữ", en: "Compare any two revisions of the item, word by word"))
        case .back: (everywhere + [merge, duty] + ledger + [social], Localized(vi: "Quay lại; thoát khi ở hàng chờ", en: "Go back; quit from the queue"))
        case .quit: (everywhere + [duty] + ledger + [social], Localized(vi: "Thoát bientap", en: "Quit bientap"))
        case .help: (everywhere + [merge, duty] + ledger + [social], Localized(vi: "Xem các phím tắt", en: "Show the key bindings"))
        case .refresh: (lists + [duty] + ledger + [social], Localized(vi: "Tải lại từ cổng thông tin (thử lại khi lỗi)", en: "Reload from the portal (retry after an error)"))
        case .redraw: (everywhere + [duty] + ledger + [social], Localized(vi: "Vẽ lại màn hình", en: "Redraw the screen"))
        case .suspend: (everywhere + [duty] + ledger + [social], Localized(vi: "Tạm dừng, về dòng lệnh (fg để quay lại)", en: "Suspend to the shell (fg to come back)"))
        case .palette: (everywhere + [duty] + ledger + [social], Localized(vi: "Bảng lệnh: tìm và chạy mọi lệnh", en: "Command palette: find and run any command"))
        case .search: (everywhere, Localized(vi: "Tìm (không phân biệt dấu)", en: "Search (diacritics ignored)"))
        case .searchNext: (everywhere, Localized(vi: "Tìm tiếp", en: "Next match"))
        case .searchPrevious: (everywhere, Localized(vi: "Tìm ngược lại", en: "Previous match"))
        case .filter: ([queue], Localized(vi: "Lọc: chỉ hiện các dòng có chữ đã gõ", en: "Filter: show only rows containing the text"))
        case .filterForm: ([queue], Localized(vi: "Lọc nâng cao: chuyên trang, thể loại, tác giả, ngày nhận", en: "Filter by site, category, contributor, date received"))
        case .nextTab: ([queue], Localized(vi: "Sang thẻ sau (Chờ duyệt → Đang biên tập → …)", en: "Next tab (Pending → In review → …)"))
        case .previousTab: ([queue], Localized(vi: "Về thẻ trước", en: "Previous tab"))
        case .sort: ([queue], Localized(vi: "Sắp xếp: lần lượt theo từng cột, tăng rồi giảm", en: "Sort: by each column in turn, up then down"))
        case .toggleMark: ([queue], Localized(vi: "Đánh dấu / bỏ đánh dấu dòng", en: "Mark or unmark the row"))
        case .toggleMarkAll: ([queue], Localized(vi: "Đánh dấu / bỏ đánh dấu mọi dòng đang hiện", en: "Mark or unmark every shown row"))
        case .save: ([editor], Localized(vi: "Lưu", en: "Save"))
        case .replace: ([editor], Localized(vi: "Thay thế tất cả", en: "Replace all"))
        case .goToLine: ([editor], Localized(vi: "Đến dòng số…", en: "Go to line…"))
        case .externalEditor: ([editor], Localized(vi: "Sửa trong trình soạn thảo ngoài ($VISUAL, $EDITOR), rồi quay lại", en: "Edit in your own editor ($VISUAL, $EDITOR), then come back"))
        case .nextFinding: ([editor, reader], Localized(vi: "Đến lỗi chính tả sau", en: "Next spelling finding"))
        case .previousFinding: ([editor, reader], Localized(vi: "Về lỗi chính tả trước", en: "Previous spelling finding"))
        case .fixFinding: ([editor, reader], Localized(vi: "Sửa lỗi chính tả: gợi ý, từ điển, bỏ qua (khi đọc: mở bài để sửa)", en: "Fix a spelling finding: a suggestion, the dictionary, ignore (reading: open to edit)"))
        case .nextHunk: ([merge], Localized(vi: "Sang chỗ khác nhau sau", en: "Next hunk"))
        case .previousHunk: ([merge], Localized(vi: "Về chỗ khác nhau trước", en: "Previous hunk"))
        case .takeTheirs: ([merge], Localized(vi: "Chỗ này lấy bản trên cổng", en: "Take the portal's version of this hunk"))
        case .takeMine: ([merge], Localized(vi: "Chỗ này lấy bản của tôi", en: "Take my version of this hunk"))
        case .takeBoth: ([merge], Localized(vi: "Chỗ này giữ cả hai (bản trên cổng trước)", en: "Keep both versions of this hunk (the portal's first)"))
        case .takeCombined: ([merge], Localized(vi: "Chỗ này gộp từng chữ của cả hai bên", en: "Combine both sides' changes word by word"))
        case .applyMerge: ([merge], Localized(vi: "Gộp theo các lựa chọn và lưu", en: "Merge as chosen and save"))
        case .cursorLeft: ([editor], Localized(vi: "Sang trái một chữ", en: "Left one character"))
        case .cursorRight: ([editor], Localized(vi: "Sang phải một chữ", en: "Right one character"))
        case .cursorUp: ([editor], Localized(vi: "Lên một dòng", en: "Up one row"))
        case .cursorDown: ([editor], Localized(vi: "Xuống một dòng", en: "Down one row"))
        case .wordLeft: ([editor], Localized(vi: "Về từ trước", en: "Back one word"))
        case .wordRight: ([editor], Localized(vi: "Sang từ sau", en: "Forward one word"))
        case .lineStart: ([editor], Localized(vi: "Về đầu dòng", en: "Start of the line"))
        case .lineEnd: ([editor], Localized(vi: "Về cuối dòng", en: "End of the line"))
        case .documentStart: ([editor], Localized(vi: "Về đầu văn bản", en: "Start of the text"))
        case .documentEnd: ([editor], Localized(vi: "Về cuối văn bản", en: "End of the text"))
        case .deleteBackward: ([editor], Localized(vi: "Xoá chữ trước con trỏ", en: "Delete the character before the cursor"))
        case .deleteForward: ([editor], Localized(vi: "Xoá chữ tại con trỏ", en: "Delete the character at the cursor"))
        case .deleteWordBackward: ([editor], Localized(vi: "Xoá từ trước con trỏ", en: "Delete the word before the cursor"))
        case .deleteToLineEnd: ([editor], Localized(vi: "Cắt đến cuối dòng", en: "Cut to the end of the line"))
        case .newline: ([editor], Localized(vi: "Xuống dòng", en: "New line"))
        case .undo: ([editor], Localized(vi: "Hoàn tác", en: "Undo"))
        case .redo: ([editor], Localized(vi: "Làm lại", en: "Redo"))
        case .toggleSelection: ([editor], Localized(vi: "Bắt đầu / bỏ vùng chọn", en: "Start or drop a selection"))
        case .selectAll: ([editor], Localized(vi: "Chọn tất cả", en: "Select all"))
        case .clearSelection: ([editor], Localized(vi: "Bỏ vùng chọn", en: "Drop the selection"))
        case .cut: ([editor], Localized(vi: "Cắt vùng chọn", en: "Cut the selection"))
        case .copy: ([editor], Localized(vi: "Chép vùng chọn", en: "Copy the selection"))
        case .paste: ([editor], Localized(vi: "Dán", en: "Paste"))
        case .cycleInputMethod: ([editor], Localized(vi: "Đổi kiểu gõ: Telex → VNI → tắt", en: "Switch input method: Telex → VNI → off"))
        }
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

/// Everything a user of the desk can do, by the name keymap files use; a keymap line
/// naming anything else is refused where it is read, with its file and line.
/// The order is the help screen's.
public enum DeskAction: String, ActionID, CaseIterable {
    case moveDown = "move-down"
    case moveUp = "move-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case first
    case last
    case open
    case edit
    case approve
    case `return`
    case reject
    case schedule
    case publish
    case duty
    case royalties
    case activityReport = "activity-report"
    case previousMonth = "previous-month"
    case nextMonth = "next-month"
    case goToMonth = "go-to-month"
    case nextSite = "next-site"
    case previousSite = "previous-site"
    case closeMonth = "close-month"
    case recordPayment = "record-payment"
    case exportPaymentList = "export-payment-list"
    case socialQueue = "social-queue"
    case nextState = "next-state"
    case previousState = "previous-state"
    case nextChannel = "next-channel"
    case retryPost = "retry-post"
    case cancelPost = "cancel-post"
    case resolvePost = "resolve-post"
    case editPostText = "edit-post-text"
    case previousYear = "previous-year"
    case nextYear = "next-year"
    case goToYear = "go-to-year"
    case addNote = "add-note"
    case differences
    case compareRevisions = "compare-revisions"
    case back
    case quit
    case help
    case refresh
    case redraw
    case suspend
    case palette
    case search
    case searchNext = "search-next"
    case searchPrevious = "search-previous"
    case filter
    case filterForm = "filter-form"
    case nextTab = "next-tab"
    case previousTab = "previous-tab"
    case sort
    case toggleMark = "toggle-mark"
    case toggleMarkAll = "toggle-mark-all"
    case save
    case replace
    case goToLine = "go-to-line"
    case externalEditor = "external-editor"
    case nextFinding = "next-finding"
    case previousFinding = "previous-finding"
    case fixFinding = "fix-finding"
    case nextHunk = "next-hunk"
    case previousHunk = "previous-hunk"
    case takeTheirs = "take-theirs"
    case takeMine = "take-mine"
    case takeBoth = "take-both"
    case takeCombined = "take-combined"
    case applyMerge = "apply-merge"
    case cursorLeft = "cursor-left"
    case cursorRight = "cursor-right"
    case cursorUp = "cursor-up"
    case cursorDown = "cursor-down"
    case wordLeft = "word-left"
    case wordRight = "word-right"
    case lineStart = "line-start"
    case lineEnd = "line-end"
    case documentStart = "document-start"
    case documentEnd = "document-end"
    case deleteBackward = "delete-backward"
    case deleteForward = "delete-forward"
    case deleteWordBackward = "delete-word-backward"
    case deleteToLineEnd = "delete-to-line-end"
    case newline
    case undo
    case redo
    case toggleSelection = "toggle-selection"
    case selectAll = "select-all"
    case clearSelection = "clear-selection"
    case cut
    case copy
    case paste
    case cycleInputMethod = "cycle-input-method"

    public var contexts: [String] { AppActions.entry(self).contexts }
    public var description: Localized { AppActions.entry(self).description }

    /// The movement the action is, when it is one.
    var move: Move? {
        switch self {
        case .moveDown: .down
        case .moveUp: .up
        case .pageDown: .pageDown
        case .pageUp: .pageUp
        case .first: .first
        case .last: .last
        default: nil
        }
    }

    /// The editing command of the text the action is, when it is one (by the same name).
    var editorCommand: EditorCommand? { EditorCommand(rawValue: rawValue) }

    /// The workflow decision the action asks for, when it is one.
    var decision: WorkflowAction? {
        switch self {
        case .approve: .approve
        case .return: .return
        case .reject: .reject
        case .schedule: .schedule
        case .publish: .publish
        default: nil
        }
    }
}
