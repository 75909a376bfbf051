import Foundation
import HTTPTypes
import HummingbirdTesting
import NewsroomKit
@testable import PortalServer
import Testing

/// Editorial notes: threaded, for the board or shared with the contributor.
@Suite(.serialized)
struct NoteTests: PortalTesting {
    @Test(arguments: Database.both)
    func theBoardTalksPrivatelyAndWithTheContributor(_ database: Database) async throws {
        try await withPortal(on: database) { store, client in
            let editor = try await store.addUser(name: "bien-tap", displayName: "Biên tập", grants: [Grant(role: .editor, site: "so-y-te")])
            let writer = try await store.addUser(name: "phong-vien", displayName: "Phóng viên", grants: [Grant(role: .contributor, site: "so-y-te")])
            let stranger = try await store.addUser(name: "ctv-khac", displayName: "CTV khác", grants: [Grant(role: .contributor, site: "so-y-te")])
            let accountant = try await store.addUser(name: "ke-toan", displayName: "Kế toán", grants: [Grant(role: .accountant, site: nil)])
            let created = try await send(client, .post, APIPath.submissions, token: writer,
                                         body: json(SubmissionDraft(site: "so-y-te", title: "Bài có ghi chú", sapo: "", body: "Thân bài.", category: .news)))
            let id = try WireFormat.decoder().decode(Submission.self, from: created.body).id

            func note(_ token: String, _ request: NoteRequest, key: String? = nil) async throws -> (status: HTTPResponse.Status, body: Data, headers: HTTPFields) {
                try await send(client, .post, APIPath.notes(id), token: token,
                               headers: key.map { [HTTPField.Name("Idempotency-Key")!: $0] } ?? [:], body: json(request))
            }
            let inside = try await note(editor, NoteRequest(body: "Nguồn số liệu chưa rõ.".decomposedStringWithCanonicalMapping, visibility: .editors))
            #expect(inside.status == .created)
            let internalNote = try WireFormat.decoder().decode(Note.self, from: inside.body)
            #expect(internalNote.body == "Nguồn số liệu chưa rõ.")
            let asked = try WireFormat.decoder().decode(Note.self, from: try await note(editor, NoteRequest(body: "Anh bổ sung nguồn nhé.", visibility: .shared), key: "n1").body)
            let again = try await note(editor, NoteRequest(body: "Anh bổ sung nguồn nhé.", visibility: .shared), key: "n1")
            #expect(try WireFormat.decoder().decode(Note.self, from: again.body).id == asked.id, "a retried note is one note")

            // The contributor sees the shared note only, answers it, and cannot write to the board.
            let (seen, _) = try await get(client, APIPath.notes(id), token: writer, as: [Note].self)
            #expect(seen.map(\.id) == [asked.id])
            let reply = try await note(writer, NoteRequest(body: "Nguồn: Sở Y tế.", visibility: .shared, parentId: asked.id))
            #expect(reply.status == .created)
            #expect(try WireFormat.decoder().decode(Note.self, from: reply.body).parentId == asked.id)
            let sneaky = try await note(writer, NoteRequest(body: "Riêng", visibility: .editors))
            #expect(sneaky.status == .forbidden)
            let wide = try await note(editor, NoteRequest(body: "Trả lời công khai", visibility: .shared, parentId: internalNote.id))
            #expect(errorCode(wide.body) == "invalid_field", "a reply is never seen more widely than what it answers")
            let empty = try await note(editor, NoteRequest(body: "  ", visibility: .editors))
            #expect(errorCode(empty.body) == "invalid_field")

            let (all, _) = try await get(client, APIPath.notes(id), token: editor, as: [Note].self)
            #expect(all.map(\.visibility) == [.editors, .shared, .shared])
            #expect(all.map(\.author) == ["bien-tap", "bien-tap", "phong-vien"])
            let invisible = try await send(client, .get, APIPath.notes(id), token: stranger)
            #expect(invisible.status == .notFound, "another contributor's item does not exist for them")
            let refused = try await send(client, .get, APIPath.notes(id), token: accountant)
            #expect(refused.status == .forbidden, "an accountant sees the item, not the board's talk")
        }
    }
}
