import Foundation
import NewsroomKit
import PortalClient
import TerminalUI
import VietText

/// A decision being filled in: on which item, which action, and for an approval the
/// rate table it is graded by and the item as it was when the form opened.
struct DecisionDraft {
    let id: Int64
    let title: String
    let action: WorkflowAction
    var approval: ApprovalBasis?
}

/// What an approval is decided on: the site's active rate table, and the item (its
/// co-authors' shares and the sapo the social message starts from).
public struct ApprovalBasis: Equatable, Sendable {
    public var table: RateTable
    public var item: Submission

    public init(table: RateTable, item: Submission) {
        self.table = table
        self.item = item
    }
}

/// The desk's decisions on the screen: approve with a grading from the active rate table
/// and social channels, return with a note, reject with a reason, schedule with quick
/// choices or a typed time (Vietnam's), publish after a confirmation. Each goes to the
/// portal as one decision with one Idempotency-Key through its retries.
extension AppState {
    /// The item a decision is about: the one in the reader, or the queue's selected row.
    private var decisionTarget: DecisionTarget? {
        guard let top = overlays.last?.screen else { return queue.selected.map { ($0.id, $0.title, $0.site.code) } }
        // The reader knows its item's site once it is read; till then the queue's row does.
        guard let target = top.decisionTarget else { return nil }
        return (target.id, target.title, target.site ?? queue.items.first { $0.id == target.id }?.site.code)
    }

    mutating func startDecision(_ action: WorkflowAction) -> [Effect] {
        guard let target = decisionTarget else { return [] }
        guard deciding[target.id] == nil else {
            notify(Strings.decisionUnderWay(language))
            return []
        }
        let draft = DecisionDraft(id: target.id, title: target.title, action: action)
        switch action {
        case .approve:
            guard let site = target.site else { return [] }
            loadStarted = now
            return [.prepareApproval(id: target.id, site: site)]
        case .publish:
            dialog = Dialog(title: Strings.publishTitle(language), message: Strings.publishMessage(target.id, target.title)(language),
                            choices: [.init(key: Strings.yesKey(language), label: Strings.publishChoice(language), answer: .publish(id: target.id)),
                                      .init(key: Strings.cancelKey(language), label: Strings.cancel(language), answer: .dismiss)],
                            cancel: .dismiss)
            return []
        default:
            return open(draft)
        }
    }

    mutating func approvalPrepared(id: Int64, _ result: Result<ApprovalBasis, PortalError>) -> [Effect] {
        switch result {
        case .success(let basis):
            guard let target = decisionTarget, target.id == id else { return [] }
            return open(DecisionDraft(id: id, title: target.title, action: .approve, approval: basis))
        case .failure(let error):
            showError(error)
            return []
        }
    }

    /// The form of a decision.
    private mutating func open(_ draft: DecisionDraft) -> [Effect] {
        let labels = formLabels()
        var fields: [FormField<FormKey>]
        switch draft.action {
        case .approve:
            guard let basis = draft.approval else { return [] }
            let item = basis.item
            fields = [
                .choice(.genre, Strings.fieldGenre(language), options: basis.table.genres.map { Strings.genreOption($0)(language) }),
                .text(.grade, Strings.fieldGrade(language)),
            ]
            // Each co-author's share, as the contributor asked; 0 takes a co-author off.
            fields += item.coAuthors.map {
                .text(.share(contributor: $0.contributor.id), Strings.fieldShare($0.contributor.byline)(language), value: String($0.share))
            }
            // Each photo: a coefficient for its credited photographer; one without says it pays no one.
            fields += item.attachments.map { photo in
                let label = Strings.fieldPhotoGrade(photo.number, caption: TerminalSafeText.line(photo.caption),
                                                    payee: photo.creditContributor.map { TerminalSafeText.line($0.byline) })(language)
                guard photo.creditContributor != nil else {
                    return .choice(.photo(number: photo.number), label, options: [Strings.photoNotPaid(language)])
                }
                return .text(.photo(number: photo.number), label, value: Self.photoGradeText(photo, table: basis.table))
            }
            fields += [
                .checkbox(.zalo, Strings.fieldZalo(language)),
                .checkbox(.facebook, Strings.fieldFacebook(language)),
                .text(.message, Strings.fieldSocialMessage(language), value: item.defaultSocialMessage, inputMethod: inputMethod, wide: true),
                .text(.note, Strings.fieldNote(language), inputMethod: inputMethod),
            ]
        case .return, .reject:
            fields = [.text(.note, draft.action == .return ? Strings.fieldReturnNote(language) : Strings.fieldRejectReason(language),
                            inputMethod: inputMethod)]
        case .schedule:
            fields = [
                .choice(.when, Strings.fieldWhen(language), options: Strings.quickTimes.map { $0(language) }),
                .text(.otherTime, Strings.fieldOtherTime(language)),
            ]
        default:
            return []
        }
        form = Form(title: Strings.decisionTitle(draft.action, id: draft.id)(language), fields: fields, labels: labels, now: now)
        formPurpose = .decision(draft)
        return []
    }

    /// The filled-in form as a decision; a mistake puts the form back as it was, and says why.
    mutating func submit(_ draft: DecisionDraft, _ values: [FormKey: FormValue], form before: Form<FormKey>) -> [Effect] {
        func refuse(_ why: Localized) -> [Effect] {
            form = before
            notify(why(language), kind: .warning)
            return []
        }
        var request = TransitionRequest(action: draft.action)
        if case .text(let note)? = values[.note] { request.note = note.trimmingCharacters(in: .whitespacesAndNewlines) }
        switch draft.action {
        case .approve:
            guard let basis = draft.approval, case .choice(let index)? = values[.genre], basis.table.genres.indices.contains(index),
                  case .text(let typed)? = values[.grade] else { return [] }
            let genre = basis.table.genres[index]
            guard let grading = Self.grading(genre, typed) else { return refuse(Strings.gradeOutOfRange(genre)) }
            request.grading = grading
            // Shares go with the decision only when they were changed.
            var shares: [CoAuthorShare] = []
            for coAuthor in basis.item.coAuthors {
                guard case .text(let text)? = values[.share(contributor: coAuthor.contributor.id)],
                      let share = CoAuthorShare.percent(text), (0...99).contains(share) else {
                    return refuse(Strings.shareNotAPercentage(coAuthor.contributor.byline))
                }
                if share > 0 { shares.append(CoAuthorShare(contributorId: coAuthor.contributor.id, share: share)) }
            }
            guard CoAuthorShare.areValid(shares) else { return refuse(Strings.sharesTooLarge) }
            var photos: [PhotoGrading] = []
            for photo in basis.item.attachments where photo.creditContributor != nil {
                guard case .text(let typed)? = values[.photo(number: photo.number)] else { continue }
                let text = typed.trimmingCharacters(in: .whitespaces)
                if text.isEmpty { continue }
                guard let graded = PhotoGrading.option("\(photo.number)=\(text)"), basis.table.problem(with: graded.grading) == nil else {
                    return refuse(Strings.photoGradeUnfit(photo.number, text))
                }
                photos.append(graded)
            }
            if !photos.isEmpty { request.photos = photos }
            if shares != basis.item.coAuthorShares { request.coAuthors = shares }
            request.channels = [(FormKey.zalo, "zalo"), (.facebook, "facebook")].filter { values[$0.0] == .checkbox(true) }.map(\.1)
            if !request.channels.isEmpty, case .text(let typed)? = values[.message] {
                guard let message = TransitionRequest.socialMessage(typed) else { return refuse(Strings.socialMessageLength) }
                request.socialMessage = message
            }
            // Zalo takes no post without a cover photo or with long text: said here, before the
            // portal refuses the whole decision for it.
            if request.channels.contains("zalo"),
               let problem = ZaloLimits.problems(title: basis.item.summary.title,
                                                 description: request.socialMessage ?? basis.item.defaultSocialMessage,
                                                 hasCover: !basis.item.attachments.isEmpty).first {
                return refuse(Strings.zaloUnfit(problem))
            }
        case .return, .reject:
            guard !request.note.isEmpty else { return refuse(draft.action == .return ? Strings.noteMissing : Strings.reasonMissing) }
        case .schedule:
            guard case .choice(let quick)? = values[.when], case .text(let typed)? = values[.otherTime] else { return [] }
            let text = typed.trimmingCharacters(in: .whitespaces)
            // A time typed wins over the quick choice; the last option is "another time, typed below".
            let choice = QuickTime.allCases.indices.contains(quick) ? QuickTime.allCases[quick] : nil
            guard let moment = text.isEmpty ? choice?.moment(now: now) : DeskCommands.moment(text, now: now) else {
                return refuse(Strings.notATime(text))
            }
            guard moment > now else { return refuse(Strings.timeInThePast(DateText.full(moment))) }
            request.publishAt = moment
        default:
            break
        }
        return send(request, on: draft.id)
    }

    /// What a credited photo's field starts with: the grading it has, else for the table's photo
    /// genre (Ảnh) its lowest coefficient above 0, or 1 where the range starts at 0 (the decree's
    /// maxima-only table); empty when the table has no photo genre (the editor types "1,5:genre").
    static func photoGradeText(_ photo: Attachment, table: RateTable) -> String {
        func text(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(value).replacingOccurrences(of: ".", with: ",")
        }
        if let grading = photo.grading, let coefficient = grading.coefficient {
            return grading.genre == PhotoGrading.defaultGenre ? text(coefficient) : text(coefficient) + ":" + grading.genre
        }
        guard let range = table.genres.first(where: { $0.code == PhotoGrading.defaultGenre })?.coefficient else { return "" }
        return text(range.min > 0 ? range.min : min(1, range.max))
    }

    /// A grading from what was typed: a coefficient ("1,5" or "1.5") for a genre graded by
    /// one, or an amount in đồng ("50.000") for a genre paid so; nil when it is not a
    /// number within the genre's range.
    static func grading(_ genre: RateTable.Genre, _ typed: String) -> Grading? {
        let text = typed.trimmingCharacters(in: .whitespaces)
        if let range = genre.coefficient {
            guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), range.contains(value) else { return nil }
            return Grading(genre: genre.code, coefficient: value)
        }
        if let range = genre.amount {
            guard let value = VietNumber.parse(text).map(Int64.init), range.contains(value) else { return nil }
            return Grading(genre: genre.code, amount: value)
        }
        return nil
    }

    mutating func send(_ request: TransitionRequest, on id: Int64) -> [Effect] {
        deciding[id] = request
        loadStarted = now
        return [.decide(id: id, request)]
    }

    /// The portal's answer to a decision: said, and what shows the item read again.
    mutating func decided(_ id: Int64, _ action: WorkflowAction, _ result: Result<Submission, PortalError>) -> [Effect] {
        let request = deciding.removeValue(forKey: id)
        switch result {
        case .success(let item):
            notify(Strings.decisionDone(action, id: id, title: item.summary.title,
                                        at: request?.publishAt.map { DateText.full($0) })(language))
            statusError = nil
            errorText = nil
            // The screens showing it first (the reader, the duty view), then the queue's tab.
            var effects: [Effect] = []
            for index in overlays.indices { effects += on(index) { $0.decided(item, in: &$1) } }
            effects += queueDesk.reloadQuietly()
            return effects
        case .failure(let error):
            showError(error)
            return []
        }
    }
}
