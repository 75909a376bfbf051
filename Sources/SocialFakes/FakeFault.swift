import Foundation

/// A way for a fake to fail one request to post.
public struct FakeFault: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Answers with `status` and the network's error body carrying `code` (and `subcode`).
        case error
        /// Never answers, until released.
        case hang
        /// Reads the request and resets the connection; nothing is posted.
        case dropBeforeAccepting
        /// Posts, then resets the connection without answering ("posted but unconfirmed").
        case dropAfterAccepting
    }

    public var kind: Kind
    public var status: Int
    public var code: Int
    public var subcode: Int?
    public var message: String?
    /// Extra answer headers (Retry-After, X-Business-Use-Case-Usage…).
    public var headers: [String: String]

    public init(kind: Kind, status: Int = 200, code: Int = 0, subcode: Int? = nil, message: String? = nil,
                headers: [String: String] = [:]) {
        self.kind = kind
        self.status = status
        self.code = code
        self.subcode = subcode
        self.message = message
        self.headers = headers
    }

    public static func error(status: Int, code: Int, subcode: Int? = nil, message: String? = nil,
                             headers: [String: String] = [:]) -> FakeFault {
        FakeFault(kind: .error, status: status, code: code, subcode: subcode, message: message, headers: headers)
    }

    public static let hang = FakeFault(kind: .hang)
    public static let dropBeforeAccepting = FakeFault(kind: .dropBeforeAccepting)
    public static let dropAfterAccepting = FakeFault(kind: .dropAfterAccepting)

    /// Read leniently so the control endpoint takes `{"kind": "hang"}` alone.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(Kind.self, forKey: .kind)
        status = try container.decodeIfPresent(Int.self, forKey: .status) ?? 200
        code = try container.decodeIfPresent(Int.self, forKey: .code) ?? 0
        subcode = try container.decodeIfPresent(Int.self, forKey: .subcode)
        message = try container.decodeIfPresent(String.self, forKey: .message)
        headers = try container.decodeIfPresent([String: String].self, forKey: .headers) ?? [:]
    }

    /// A fault and how often it happens, for faults drawn at random.
    public struct Chance: Sendable, Hashable, Codable {
        public var probability: Double
        public var fault: FakeFault

        public init(_ probability: Double, _ fault: FakeFault) {
            self.probability = probability
            self.fault = fault
        }
    }
}

/// Which requests to post a fake fails, and how: the next few, then a random share drawn
/// from a seeded generator, so a failing run can be replayed.
public final class FakeFaults: @unchecked Sendable {
    // `lock` guards every stored property below it.
    private let lock = NSLock()
    private var scheduled: [FakeFault] = []
    private var chances: [FakeFault.Chance] = []
    private var generator = SeededGenerator(seed: 0)

    init() {}

    /// Fails the next `count` requests to post with `fault`, after those already scheduled.
    public func failNext(_ count: Int, with fault: FakeFault) {
        lock.withLock { scheduled += Array(repeating: fault, count: max(0, count)) }
    }

    /// Fails each request to post with the first of `chances` drawn (their probabilities add
    /// up to at most 1); the rest go through.
    public func failRandomly(_ chances: [FakeFault.Chance], seed: UInt64) {
        lock.withLock {
            self.chances = chances
            generator = SeededGenerator(seed: seed)
        }
    }

    /// Forgets scheduled and random faults.
    public func stopFailing() {
        lock.withLock {
            scheduled = []
            chances = []
        }
    }

    /// The fault for the next request to post, if any.
    func next() -> FakeFault? {
        lock.withLock {
            if !scheduled.isEmpty { return scheduled.removeFirst() }
            guard !chances.isEmpty else { return nil }
            let draw = Double(generator.next() >> 11) / Double(UInt64(1) << 53)
            var threshold = 0.0
            for chance in chances {
                threshold += chance.probability
                if draw < threshold { return chance.fault }
            }
            return nil
        }
    }
}

/// SplitMix64: small, fast, and the same sequence for the same seed everywhere.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
