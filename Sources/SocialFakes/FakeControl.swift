import Foundation

/// `POST /__control` on a fake's port: what a test in another process tells the fake, as
/// JSON, e.g. `{"failNext": {"count": 2, "fault": {"kind": "error", "status": 500, "code": 2}}}`,
/// `{"failRandomly": {"seed": 7, "chances": [{"probability": 0.3, "fault": {"kind": "dropAfterAccepting"}}]}}`,
/// `{"stopFailing": true}`, `{"expireToken": true}`, `{"releaseHanging": true}`, and for Zalo
/// `{"verifyPending": 3}`. `GET /__control` describes what the fake accepted.
struct FakeControlCommand: Decodable {
    struct FailNext: Decodable {
        var count: Int
        var fault: FakeFault
    }

    struct FailRandomly: Decodable {
        var seed: UInt64
        var chances: [FakeFault.Chance]
    }

    var failNext: FailNext?
    var failRandomly: FailRandomly?
    var stopFailing: Bool?
    var expireToken: Bool?
    var releaseHanging: Bool?
    var verifyPending: Int?

    static let path = "/__control"

    /// Answers a control request: applies a command, or describes the fake with `summary`.
    static func answer(_ request: FakeRequest, faults: FakeFaults, server: () -> LoopbackHTTPServer?,
                       expireToken: () -> Void, verifyPending: ((Int) -> Void)? = nil,
                       summary: () -> [String: Any]) -> FakeResponse {
        if request.method == "GET" { return .json(200, summary()) }
        guard request.method == "POST",
              let command = try? JSONDecoder().decode(FakeControlCommand.self, from: request.body) else {
            return .json(400, ["error": "expected a JSON control command"])
        }
        if command.stopFailing == true { faults.stopFailing() }
        if let failNext = command.failNext { faults.failNext(failNext.count, with: failNext.fault) }
        if let random = command.failRandomly { faults.failRandomly(random.chances, seed: random.seed) }
        if command.expireToken == true { expireToken() }
        if command.releaseHanging == true { server()?.releaseHanging() }
        if let pending = command.verifyPending {
            guard let verifyPending else { return .json(400, ["error": "verifyPending is Zalo's"]) }
            verifyPending(pending)
        }
        return .json(200, ["ok": true])
    }
}
