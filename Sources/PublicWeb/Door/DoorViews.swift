import Foundation
import NewsroomKit
import VietText

/// What a door page shows, as its template reads it: the layout's chrome, the door's
/// words, the CSRF token every form carries, who is signed in, and one page's content.
public struct DoorView: Sendable {
    public struct Chrome: Sendable {
        public var language: String
        public var portalName: String
        public var words: PageWords
    }

    public struct User: Sendable {
        public var name: String
    }

    public var chrome: Chrome
    public var t: DoorWords
    public var csrf: String
    public var user: User?
    public var notice: String?
    public var problems: [String] = [] { didSet { hasProblems = !problems.isEmpty } }
    // Templates read stored properties only.
    public var hasProblems = false
    /// The name typed into a sign-in form, given back when the sign-in failed.
    public var signInName = ""
    // One of these, by page.
    public var items: [ItemRow] = []
    public var hasItems = false
    public var compose: Compose?
    public var item: Item?
    public var heading = ""
    public var text = ""

    public init(language: UILanguage, portalName: String, csrf: String, user: String?) {
        let words = DoorWords.of(language)
        t = words
        chrome = Chrome(language: words.language, portalName: portalName, words: PageWords.of(language: words.language))
        self.csrf = csrf
        self.user = user.map(User.init)
    }

    /// A row of "my items".
    public struct ItemRow: Sendable {
        public var id: Int64
        public var address: String
        public var title: String
        public var site: String
        public var status: String
        public var statusCode: String
        public var received: String
        public var words: Int

        public init(_ summary: SubmissionSummary, words: DoorWords) {
            id = summary.id
            address = DoorAddress.item(summary.id)
            title = summary.title
            site = summary.site.name
            status = words.name(of: summary.status)
            statusCode = summary.status.rawValue
            received = DoorView.vietnamTime(summary.receivedAt)
            self.words = summary.words
        }
    }

    /// A choice in a select.
    public struct Option: Sendable {
        public var value: String
        public var name: String
        public var selected: Bool

        public init(value: String, name: String, selected: Bool) {
            self.value = value
            self.name = name
            self.selected = selected
        }
    }

    public struct PhotoSlot: Sendable {
        public var n: Int
        public var label: String
        public var caption: String
        public var credit: String
    }

    public struct CoAuthorSlot: Sendable {
        public var n: Int
        public var label: String
        public var people: [Option]
        public var share: String
    }

    /// The new-item form, empty or as typed.
    public struct Compose: Sendable {
        public var formKey: String
        public var reauth = false
        public var sites: [Option]
        public var categories: [Option]
        public var title: String
        public var sapo: String
        public var body: String
        public var titleLimit = SubmissionEdit.titleLimit
        public var wordCount: Int? { didSet { hasCount = wordCount != nil } }
        public var hasCount = false
        public var photosLost = false
        public var photoSlots: [PhotoSlot]
        public var coAuthorSlots: [CoAuthorSlot]
        /// How many rows of each the form offers (sent back with it), and whether it may offer
        /// more: up to what the API takes.
        public var photoRows: Int
        public var coAuthorRows: Int
        public var morePhotos: Bool
        public var moreCoAuthors: Bool

        /// How many photos and co-authors the form offers at first, and how many more each
        /// "more" button adds (a round trip that keeps what was typed: no script).
        public static let photoSlotCount = 5
        public static let coAuthorSlotCount = 3
        /// The most of each a form offers: what the API takes in one item.
        public static let photoSlotLimit = SubmissionDraft.attachmentLimit
        public static let coAuthorSlotLimit = CoAuthorShare.limit

        /// The rows a form offers: those it had (`field`, within `first...limit`), `step` more when
        /// its "more" button (`more`) was pressed.
        static func slots(_ typed: DoorForm?, field: String, more: String, first: Int, step: Int, limit: Int) -> Int {
            let had = min(max(Int(typed?[field] ?? "") ?? first, first), limit)
            return typed?["do"] == more ? min(had + step, limit) : had
        }

        /// `typed`: the form as sent (nil: a fresh form); `sites`: code and name of each site
        /// the user may submit to; `people`: whom they may name, by id and name.
        public init(formKey: String, typed: DoorForm?, sites: [(code: String, name: String)], people: [(id: Int64, name: String)],
                    words: DoorWords) {
            self.formKey = formKey
            let site = typed?["site"] ?? sites.first?.code ?? ""
            self.sites = sites.map { Option(value: $0.code, name: $0.name, selected: $0.code == site) }
            let category = typed?["category"] ?? NewsroomKit.Category.news.rawValue
            categories = NewsroomKit.Category.allCases.map { Option(value: $0.rawValue, name: words.name(of: $0), selected: $0.rawValue == category) }
            title = typed?["title"] ?? ""
            sapo = typed?["sapo"] ?? ""
            body = typed?["body"] ?? ""
            let photoCount = Self.slots(typed, field: "photo_slots", more: "more_photos", first: Self.photoSlotCount,
                                        step: Self.photoSlotCount, limit: Self.photoSlotLimit)
            let coAuthorCount = Self.slots(typed, field: "coauthor_slots", more: "more_coauthors", first: Self.coAuthorSlotCount,
                                           step: Self.coAuthorSlotCount, limit: Self.coAuthorSlotLimit)
            photoRows = photoCount
            coAuthorRows = coAuthorCount
            morePhotos = photoCount < Self.photoSlotLimit
            moreCoAuthors = coAuthorCount < Self.coAuthorSlotLimit
            photoSlots = (1...photoCount).map {
                PhotoSlot(n: $0, label: words.photoNumber($0), caption: typed?["caption\($0)"] ?? "", credit: typed?["credit\($0)"] ?? "")
            }
            coAuthorSlots = (1...coAuthorCount).map { n in
                let chosen = typed?["coauthor\(n)"] ?? ""
                return CoAuthorSlot(n: n, label: words.coAuthorNumber(n),
                                    people: people.map { Option(value: String($0.id), name: $0.name, selected: String($0.id) == chosen) },
                                    share: typed?["share\(n)"] ?? "")
            }
        }
    }

    public struct Photo: Sendable {
        public var filename: String
        public var caption: String
        public var credit: String
    }

    public struct Note: Sendable {
        public var author: String
        public var at: String
        public var paragraphs: [String]
        public var mine: Bool
    }

    public struct Answer: Sendable {
        public var action: String
        public var formKey: String
        public var text: String
        public var reauth = false

        public init(action: String, formKey: String, text: String, reauth: Bool = false) {
            self.action = action
            self.formKey = formKey
            self.text = text
            self.reauth = reauth
        }
    }

    public struct Resubmit: Sendable {
        public var action: String
        public var revision: Int
        public var title: String
        public var sapo: String
        public var body: String
        public var note: String
        public var titleLimit = SubmissionEdit.titleLimit
        public var reauth = false

        public init(action: String, revision: Int, title: String, sapo: String, body: String, note: String, reauth: Bool = false) {
            self.action = action
            self.revision = revision
            self.title = title
            self.sapo = sapo
            self.body = body
            self.note = note
            self.reauth = reauth
        }
    }

    public struct Withdraw: Sendable {
        public var action: String
        public var revision: Int
    }

    /// One of one's items: its text, status, photos, the shared notes and what may be done.
    public struct Item: Sendable {
        public var title: String
        public var status: String
        public var statusCode: String
        public var site: String
        public var category: String
        public var received: String
        public var words: Int
        public var publicAddress: String?
        public var sapo: String
        public var paragraphs: [String]
        public var photos: [Photo]
        public var hasPhotos: Bool
        public var notes: [Note]
        public var hasNotes: Bool
        public var answer: Answer?
        public var resubmit: Resubmit?
        public var withdraw: Withdraw?

        /// An item known by its number only: the page for a form whose session ran out.
        public static func blank(id: Int64, words: DoorWords) -> Item {
            Item(title: words.itemHeading(id), status: "", statusCode: "", site: "", category: "", received: "", words: 0, publicAddress: nil,
                 sapo: "", paragraphs: [], photos: [], hasPhotos: false, notes: [], hasNotes: false)
        }

        init(title: String, status: String, statusCode: String, site: String, category: String, received: String, words: Int,
             publicAddress: String?, sapo: String, paragraphs: [String], photos: [Photo], hasPhotos: Bool, notes: [Note], hasNotes: Bool) {
            self.title = title
            self.status = status
            self.statusCode = statusCode
            self.site = site
            self.category = category
            self.received = received
            self.words = words
            self.publicAddress = publicAddress
            self.sapo = sapo
            self.paragraphs = paragraphs
            self.photos = photos
            self.hasPhotos = hasPhotos
            self.notes = notes
            self.hasNotes = hasNotes
        }

        /// `notes`: the shared ones; the user's own (by `userName`) are shown as theirs. the display name the user's own notes carry.
        public init(_ submission: Submission, notes: [NewsroomKit.Note], userName: String, publicAddress: String?, words: DoorWords,
                    formKey: String) {
            let summary = submission.summary
            title = summary.title
            status = words.name(of: summary.status)
            statusCode = summary.status.rawValue
            site = summary.site.name
            category = words.name(of: summary.category)
            received = DoorView.vietnamTime(summary.receivedAt)
            self.words = summary.words
            self.publicAddress = publicAddress
            sapo = submission.sapo
            paragraphs = DoorView.paragraphs(submission.body)
            photos = submission.attachments.map { Photo(filename: $0.filename, caption: $0.caption, credit: $0.credit) }
            hasPhotos = !photos.isEmpty
            hasNotes = !notes.isEmpty
            self.notes = notes.map {
                Note(author: $0.author == userName ? words.you : $0.authorName, at: DoorView.vietnamTime($0.createdAt),
                     paragraphs: DoorView.paragraphs($0.body), mine: $0.author == userName)
            }
            let id = summary.id
            let open: Set<SubmissionStatus> = [.submitted, .inReview, .returned, .resubmitted]
            if open.contains(summary.status) {
                answer = Answer(action: DoorAddress.answer(id), formKey: formKey, text: "")
            }
            if summary.status == .returned {
                resubmit = Resubmit(action: DoorAddress.resubmit(id), revision: summary.revision, title: submission.summary.title,
                                    sapo: submission.sapo, body: submission.body, note: "")
            }
            if WorkflowAction.withdraw.from.contains(summary.status) {
                withdraw = Withdraw(action: DoorAddress.withdraw(id), revision: summary.revision)
            }
        }
    }

    /// Paragraphs as the body separates them: by empty lines; a lone line break stays in its paragraph.
    static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// `dd/MM/yyyy HH:mm` in Vietnam's time (UTC+7, no daylight saving).
    public static func vietnamTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: VietnamDay.offset) ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        return "\(two(c.day))/\(two(c.month))/\(c.year ?? 0) \(two(c.hour)):\(two(c.minute))"
    }
}

/// The door's pages rendered: its templates beside the public pages', one renderer for all.
public struct DoorPages: Sendable {
    private let renderer: PageRenderer

    public init() throws {
        renderer = try PageRenderer(extra: DoorTemplates.all)
    }

    /// Template `name` (`doorSignIn`, `doorItems`, `doorCompose`, `doorItem`, `doorMessage`) filled with `view`.
    public func render(_ name: String, _ view: DoorView) -> String {
        renderer.render(name, view) ?? ""
    }
}
