import Foundation
import Hummingbird
import Logging

// The framework's ceiling for Benchmarks/portal-load: a bare Hummingbird 2 server answering
// every GET with the same 5.9 KB of JSON (about one submission by id) from memory, with no
// authentication, database or logging. The portal's figures are read against it.
// Usage: portal-ceiling [PORT]   (0 or none: any free port; prints "listening on URL")

let port = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 0
let paragraph = #"Sáng 24/11, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác năm và triển khai nhiệm vụ năm tới. "#
var text = ""
while text.utf8.count < 5_700 { text += paragraph }
let json = #"{"id":1,"status":"submitted","title":"Hội nghị tổng kết","body":""# + text + #""}"#
let body = ByteBuffer(string: json)

let router = Router()
router.get("**") { _, _ in
    Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
}
var logger = Logger(label: "portal-ceiling")
logger.logLevel = .warning
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
                      onServerRunning: { channel in
                          print("listening on http://127.0.0.1:\(channel.localAddress?.port ?? port) (\(json.utf8.count) bytes a body)")
                          fflush(nil)  // every output stream (naming stdout is not Swift 6 safe)
                      },
                      logger: logger)
try await app.runService()
