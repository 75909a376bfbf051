@testable import TerminalUI
import Foundation
import VietText
import XCTest

/// Forms, dates typed into them, tabs, toasts and the activity spinner.
final class FormAndNoticeTests: XCTestCase {
    /// 10:30 on Monday 23/11/2026 in Vietnam.
    private let now = DateText.date(DateText.Fields(year: 2026, month: 11, day: 23, hour: 10, minute: 30))!

    private func at(_ text: String) -> String? { DateText.parse(text, now: now).map(DateText.full) }

    func testDatesAsPeopleTypeThemInVietnamTime() throws {
        XCTAssertEqual(at("07:00 24/11/2026"), "07:00 24/11/2026")
        XCTAssertEqual(at("24/11/2026 07:00"), "07:00 24/11/2026")
        XCTAssertEqual(at("24-11-2026"), "00:00 24/11/2026")
        XCTAssertEqual(at("7:05 1/1"), "07:05 01/01/2026", "no year: this year")
        XCTAssertEqual(at("18:00"), "18:00 23/11/2026", "no day: today")
        XCTAssertEqual(at("29/2/2028"), "00:00 29/02/2028")
        for bad in ["", "  ", "29/2/2027", "31/04/2026", "24:00", "7:5", "12/13", "hôm nay", "1/1/26", "07:00 07:00"] {
            XCTAssertNil(DateText.parse(bad, now: now), "'\(bad)' read as a date")
        }
        // The fields and the moment agree with Foundation's calendar in Asia/Ho_Chi_Minh.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try XCTUnwrap(TimeZone(identifier: "Asia/Ho_Chi_Minh"))
        let moment = try XCTUnwrap(DateText.date(DateText.Fields(year: 2027, month: 1, day: 1, hour: 0, minute: 15)))
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: moment)
        XCTAssertEqual([c.year, c.month, c.day, c.hour, c.minute], [2027, 1, 1, 0, 15])
        for seconds in stride(from: 0, to: 4_000_000_000, by: 7_777_777) {
            let date = Date(timeIntervalSince1970: Double(seconds / 60 * 60))
            XCTAssertEqual(DateText.date(DateText.Fields(date)), date)
        }
    }

    private func form() -> Form<String> {
        Form(title: "Lọc", fields: [
            .choice("site", "Chuyên trang", options: ["Tất cả", "Sở Xây dựng", "Sở Y tế", "UBND huyện Lý Sơn"]),
            .text("who", "Tác giả", inputMethod: .telex),
            .dateTime("from", "Nhận từ", value: nil, optional: true),
            .dateTime("at", "Đăng lúc", value: now),
            .checkbox("marked", "Chỉ bài đã đánh dấu"),
        ], labels: FormLabels(invalidDate: "%@: ngày giờ sai", hint: "Enter áp dụng"), now: now)
    }

    private func type(_ text: String, into form: inout Form<String>) {
        for c in text { _ = form.handle(.char(c), command: { _ in nil }) }
    }

    func testFormFieldsTakeKeysAndAnswer() {
        var f = form()
        let none: (Key) -> EditorCommand? = { _ in nil }
        // Choice: arrows cycle, a letter jumps to the next option starting with it (diacritics aside).
        _ = f.handle(.right, command: none)
        XCTAssertEqual(f.values["site"], .choice(1))
        _ = f.handle(.char("u"), command: none)
        XCTAssertEqual(f.values["site"], .choice(3))
        _ = f.handle(.right, command: none)
        XCTAssertEqual(f.values["site"], .choice(0), "wraps around")
        _ = f.handle(.left, command: none)
        XCTAssertEqual(f.values["site"], .choice(3))
        // Text typed with Telex, NFC.
        _ = f.handle(.tab, command: none)
        type("Nguyeenx", into: &f)
        XCTAssertEqual(f.values["who"], .text("Nguyễn"))
        // An optional date may stay empty; a required one may not be unreadable.
        _ = f.handle(.down, command: none)
        XCTAssertEqual(f.values["from"], .date(nil))
        type("1/11", into: &f)
        XCTAssertEqual(f.values["from"], .date(DateText.parse("01/11/2026", now: now)))
        _ = f.handle(.char("+"), command: none)
        XCTAssertEqual(f.values["from"], .date(DateText.parse("02/11/2026", now: now)), "+ moves a day on")
        _ = f.handle(.pageDown, command: none)
        XCTAssertEqual(f.values["from"], .date(DateText.parse("23:00 01/11/2026", now: now)), "PgDn an hour back")
        _ = f.handle(.tab, command: none)
        for _ in 0..<20 { _ = f.handle(.backspace, command: { $0 == .backspace ? .deleteBackward : nil }) }
        type("31/02", into: &f)
        _ = f.handle(.tab, command: none)
        XCTAssertEqual(f.focus, 4)
        // Checkbox: Space toggles.
        _ = f.handle(.char(" "), command: none)
        XCTAssertEqual(f.values["marked"], .checkbox(true))
        // Enter is refused while a date reads as none: the field gets the focus and the reason shows.
        XCTAssertEqual(f.handle(.enter, command: none), .editing)
        XCTAssertEqual(f.focus, 3)
        XCTAssertEqual(f.problem, "Đăng lúc: ngày giờ sai")
        var frame = Frame(width: 80, height: 20)
        f.render(into: &frame, theme: .default)
        XCTAssertTrue(frame.text.contains("Đăng lúc: ngày giờ sai"), frame.text)
        XCTAssertTrue(frame.text.contains("31/02") && frame.text.contains("?"), "the unreadable date is marked")
        for _ in 0..<5 { _ = f.handle(.backspace, command: { $0 == .backspace ? .deleteBackward : nil }) }
        type("07:00", into: &f)
        guard case .submitted(let values) = f.handle(.enter, command: none) else { return XCTFail("not submitted") }
        XCTAssertEqual(values["at"], .date(DateText.parse("07:00 23/11/2026", now: now)))
        XCTAssertEqual(values["site"], .choice(3))
        XCTAssertEqual(f.handle(.escape, command: none), .cancelled)
    }

    func testFormDrawsInABoxAndTakesClicks() {
        var f = form()
        var frame = Frame(width: 80, height: 20)
        f.render(into: &frame, theme: .default)
        let box = f.box(width: 80, height: 20)
        XCTAssertEqual(box.height, 5 + 4, "a row per field, the hint, the border")
        XCTAssertTrue(frame.rowText(box.row).contains("┌─ Lọc "), frame.text)
        XCTAssertTrue(frame.rowText(box.row + 1).contains("Chuyên trang") && frame.rowText(box.row + 1).contains("◀ Tất cả ▶"))
        XCTAssertTrue(frame.rowText(box.row + 4).contains("= 10:30 23/11/2026") == false,
                      "a date shown as typed has no reading after it")
        XCTAssertTrue(frame.rowText(box.row + 5).contains("[ ]"))
        XCTAssertTrue(frame.rowText(box.bottom - 2).contains("Enter áp dụng"))
        XCTAssertEqual(frame.style(atRow: box.row + 1, col: box.col + 2), Theme.default.accent, "the focused label")
        // A click on the checkbox's row focuses and toggles it; on a choice it moves on.
        f.click(row: box.row + 5, col: box.col + 30, screenWidth: 80, screenHeight: 20)
        XCTAssertEqual(f.focus, 4)
        XCTAssertEqual(f.values["marked"], .checkbox(true))
        f.click(row: box.row + 1, col: box.col + 30, screenWidth: 80, screenHeight: 20)
        XCTAssertEqual(f.values["site"], .choice(1))
        f.click(row: box.row + 2, col: box.col + 4, screenWidth: 80, screenHeight: 20)
        XCTAssertEqual(f.focus, 1, "a click on a label focuses its field")
        f.click(row: box.bottom + 1, col: 1, screenWidth: 80, screenHeight: 20)
        XCTAssertEqual(f.focus, 1, "a click outside changes nothing")
    }

    func testAWideFieldTakesTheScreensWidthForALongText() {
        let message = "Sở Y tế khám miễn phí cho 500 người cao tuổi ở huyện Lý Sơn, mời bạn đọc xem chi tiết"
        let labels = FormLabels(invalidDate: "%@", hint: "Enter")
        let narrow = Form<String>(title: "Duyệt", fields: [.text("message", "Lời đăng", value: message)], labels: labels, now: Date())
        let wide = Form<String>(title: "Duyệt", fields: [.text("message", "Lời đăng", value: message, wide: true)], labels: labels, now: Date())
        XCTAssertEqual(narrow.box(width: 120, height: 30).width, 48)
        XCTAssertEqual(wide.box(width: 120, height: 30).width, 114)
        XCTAssertEqual(wide.box(width: 60, height: 30).width, 54, "three columns of the screen left each side")
        var frame = Frame(width: 120, height: 30)
        wide.render(into: &frame, theme: .default)
        let row = wide.box(width: 120, height: 30).row + 1
        XCTAssertTrue(frame.rowText(row).contains("cho 500 người cao tuổi ở huyện Lý Sơn, mời bạn đọc xem chi tiết"), frame.rowText(row))
    }

    func testTabBarLayoutClicksAndNarrowScreens() {
        var bar = TabBar(titles: ["Chờ duyệt 12", "Đang biên tập", "Trả lại 3"])
        var frame = Frame(width: 60, height: 1)
        bar.render(into: &frame, row: 0, width: 60, theme: .default)
        XCTAssertEqual(frame.rowText(0).trimmingCharacters(in: .whitespaces), "Chờ duyệt 12 │ Đang biên tập │ Trả lại 3")
        XCTAssertEqual(frame.style(atRow: 0, col: 1), Theme.default.selected)
        XCTAssertEqual(bar.tab(atColumn: 0, width: 60), 0)
        XCTAssertEqual(bar.tab(atColumn: 16, width: 60), 1)
        XCTAssertNil(bar.tab(atColumn: 14, width: 60), "the separator is no tab")
        XCTAssertNil(bar.tab(atColumn: 59, width: 60))
        bar.move(by: -1)
        XCTAssertEqual(bar.selected, 2, "wraps around")
        // Too narrow for every title: the others are cut, the selected one stays whole.
        let narrow = bar.layout(width: 24)
        XCTAssertEqual(narrow[2].text, " Trả lại 3 ")
        XCTAssertTrue(narrow[0].text.hasPrefix(" ") && narrow[0].text.hasSuffix("… "), "cut inside its padding: \(narrow[0].text)")
        XCTAssertLessThanOrEqual(narrow.last.map { $0.col + $0.width } ?? 99, 24)
        var small = Frame(width: 24, height: 1)
        bar.render(into: &small, row: 0, width: 24, theme: .default)
        XCTAssertTrue(small.rowText(0).contains("Trả lại 3"), small.rowText(0))
    }

    func testToastsStackExpireAndDrawAboveTheStatusBar() {
        var toasts = Toasts()
        let t0 = Date(timeIntervalSince1970: 1_000)
        toasts.post("Đã lưu", now: t0)
        toasts.post("3 bài mới", kind: .success, now: t0.addingTimeInterval(1))
        toasts.post("Đã lưu", now: t0.addingTimeInterval(2))
        XCTAssertEqual(toasts.shown.map(\.text), ["3 bài mới", "Đã lưu"], "the same text again replaces the old one")
        XCTAssertEqual(toasts.nextExpiry, t0.addingTimeInterval(1 + Toasts.defaultDuration))
        var frame = Frame(width: 40, height: 6)
        toasts.render(into: &frame, aboveRow: 5, theme: .default)
        XCTAssertTrue(frame.rowText(4).hasSuffix("• Đã lưu"), frame.text)
        XCTAssertEqual(DisplayWidth.of(frame.rowText(4)), 38, "a padding space, then one column left free at the edge")
        XCTAssertTrue(frame.rowText(3).contains("✓ 3 bài mới"), frame.text)
        XCTAssertFalse(toasts.expire(now: t0.addingTimeInterval(4.9)))
        XCTAssertTrue(toasts.expire(now: t0.addingTimeInterval(5)))
        XCTAssertEqual(toasts.shown.map(\.text), ["Đã lưu"])
        for i in 0..<5 { toasts.post("tin \(i)", now: t0) }
        XCTAssertEqual(toasts.shown.map(\.text), ["tin 2", "tin 3", "tin 4"], "at most three, newest kept")
        XCTAssertTrue(toasts.expire(now: t0.addingTimeInterval(100)))
        XCTAssertTrue(toasts.shown.isEmpty)
    }

    func testSpinnerWaitsThenTurnsAndTheLoopWakesOnlyWhenNeeded() {
        XCTAssertNil(Activity.spinner(elapsed: 0))
        XCTAssertNil(Activity.spinner(elapsed: 0.199))
        let first = Activity.spinner(elapsed: 0.2)
        XCTAssertNotNil(first)
        XCTAssertNotEqual(Activity.spinner(elapsed: 0.35), first, "it turns every frame interval")
        XCTAssertEqual(Activity.spinner(elapsed: 0.2 + 10 * Activity.frameInterval + 0.01), first, "ten frames, then round again")
        var toasts = Toasts()
        let t0 = Date(timeIntervalSince1970: 1_000)
        XCTAssertNil(Activity.wakeMilliseconds(spinning: false, toasts: toasts, now: t0))
        toasts.post("Đã lưu", now: t0)
        XCTAssertEqual(Activity.wakeMilliseconds(spinning: false, toasts: toasts, now: t0.addingTimeInterval(1.5)), 2_500)
        XCTAssertEqual(Activity.wakeMilliseconds(spinning: true, toasts: toasts, now: t0), 100, "a turning spinner wins")
        XCTAssertEqual(Activity.wakeMilliseconds(spinning: false, toasts: toasts, now: t0.addingTimeInterval(9)), 1, "overdue: at once")
    }
}
