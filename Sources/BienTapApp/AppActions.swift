import TerminalUI
import VietText

/// The one catalogue of what a user can do; keymaps, the help screen and
/// (later) the command palette are all generated from it.
public enum AppActions {
    /// Screen contexts a binding can name (plus `global`).
    public static let queue = "queue"
    public static let reader = "reader"
    public static let help = "help"
    private static let everywhere = [queue, reader, help]

    public static let catalogue = ActionCatalogue([
        Action(id: "move-down", contexts: everywhere, description: Localized(vi: "Xuống một dòng", en: "Down one line")),
        Action(id: "move-up", contexts: everywhere, description: Localized(vi: "Lên một dòng", en: "Up one line")),
        Action(id: "page-down", contexts: everywhere, description: Localized(vi: "Xuống một trang", en: "Down one page")),
        Action(id: "page-up", contexts: everywhere, description: Localized(vi: "Lên một trang", en: "Up one page")),
        Action(id: "first", contexts: everywhere, description: Localized(vi: "Về đầu danh sách", en: "Go to the top")),
        Action(id: "last", contexts: everywhere, description: Localized(vi: "Xuống cuối danh sách", en: "Go to the bottom")),
        Action(id: "open", contexts: [queue], description: Localized(vi: "Mở bài đang chọn (chỉ đọc)", en: "Open the selected item (read-only)")),
        Action(id: "back", contexts: everywhere, description: Localized(vi: "Quay lại; thoát khi ở hàng chờ", en: "Go back; quit from the queue")),
        Action(id: "quit", contexts: everywhere, description: Localized(vi: "Thoát bientap", en: "Quit bientap")),
        Action(id: "help", contexts: everywhere, description: Localized(vi: "Xem các phím tắt", en: "Show the key bindings")),
        Action(id: "refresh", contexts: everywhere, description: Localized(vi: "Tải lại từ cổng thông tin (thử lại khi lỗi)", en: "Reload from the portal (retry after an error)")),
        Action(id: "redraw", contexts: everywhere, description: Localized(vi: "Vẽ lại màn hình", en: "Redraw the screen")),
    ])

    /// Titles of the contexts on the help screen.
    public static let contextTitles: [String: Localized] = [
        "global": Strings.contextGlobal,
        queue: Strings.contextQueue,
        reader: Strings.contextReader,
        help: Strings.contextHelp,
    ]
}
