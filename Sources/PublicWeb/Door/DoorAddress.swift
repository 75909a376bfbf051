/// Where the contributors' door lives on the portal (cộng tác viên: contributors).
public enum DoorAddress {
    public static let root = "/cong-tac-vien/"
    public static let signIn = "/cong-tac-vien/dang-nhap"
    public static let signOut = "/cong-tac-vien/dang-xuat"
    public static let compose = "/cong-tac-vien/bai-moi"
    /// The cookies' path: the door, and nothing else of the portal.
    public static let cookiePath = "/cong-tac-vien"

    /// One of one's items.
    public static func item(_ id: Int64) -> String { "/cong-tac-vien/bai/\(id)" }
    public static func answer(_ id: Int64) -> String { item(id) + "/tra-loi" }
    public static func resubmit(_ id: Int64) -> String { item(id) + "/gui-lai" }
    public static func withdraw(_ id: Int64) -> String { item(id) + "/rut" }
}

/// The door's few rules of style beside the public pages' stylesheet: forms that fit a phone.
public enum DoorStylesheet {
    public static let path = "/cong-tac-vien/door.css"

    public static let text = """
        nav.door{font-family:system-ui,sans-serif;font-size:.95rem;margin-bottom:1rem}
        nav.door form.inline{display:inline;margin-left:.5rem}
        form.door label{display:block;font-family:system-ui,sans-serif;font-weight:600;margin-bottom:.2rem}
        form.door input:not([type=file]),form.door select,form.door textarea{width:100%;font:inherit;padding:.4rem;border:1px solid #999;border-radius:3px}
        form.door .coauthor input{width:6rem}
        form.door small{display:block;color:#555;font-family:system-ui,sans-serif}
        form.door fieldset{border:1px solid #ddd;margin:1rem 0;padding:.5rem 1rem}
        button{font:inherit;font-family:system-ui,sans-serif;padding:.45rem 1rem;border:1px solid #0b4ea2;background:#0b4ea2;color:#fff;border-radius:3px;cursor:pointer}
        button[value=preview]{background:#fff;color:#0b4ea2}
        button.danger{background:#a50e0e;border-color:#a50e0e}
        nav.door button{padding:.1rem .5rem;font-size:.85rem}
        .notice{background:#eef6ee;border-left:4px solid #2e7d32;padding:.4rem .75rem}
        ul.problems{background:#fbf3f3;border-left:4px solid #a50e0e;padding:.4rem .75rem .4rem 2rem}
        table.items{width:100%;border-collapse:collapse;font-size:.95rem}
        table.items th,table.items td{text-align:left;padding:.4rem;border-bottom:1px solid #e3e3e3;vertical-align:top}
        table.items td.number{text-align:right}
        .status-returned{color:#a50e0e;font-weight:700}
        .status-published{color:#2e7d32}
        dl.facts{display:grid;grid-template-columns:auto 1fr;gap:.2rem 1rem;font-family:system-ui,sans-serif;font-size:.95rem}
        dl.facts dd{margin:0}
        .note{border-left:3px solid #0b4ea2;padding:.1rem .75rem;margin:.75rem 0}
        .note.mine{border-left-color:#999}
        @media (max-width:30rem){table.items th:nth-child(4),table.items td:nth-child(4){display:none}}

        """
}
