import Foundation
import Logging
import PublicWeb
import ServiceLifecycle
import SocialChannels

/// Sends the outbox's due posts through the channels' connectors, with any number of server
/// processes on one database: each claims posts under a lease, sends each once, and records
/// how it went. Transient failures wait (capped exponential backoff, full jitter, at least what
/// the network asked for) and go again; permanent ones fail with the reason; an outcome nobody
/// knows is uncertain and waits for a person.
public struct SocialDispatcher: Service {
    public struct Settings: Sendable {
        /// How often it looks for due posts.
        public var interval: Duration = .seconds(1)
        /// Sends in flight at once: the places of the pool, and the posts one round claims.
        public var batch = 16
        /// How long a claim holds: longer than any send takes. A claim older than this belongs to
        /// a process that stopped mid-send, and its post becomes uncertain.
        public var lease: TimeInterval = 300
        /// The first wait after a transient failure, and the longest.
        public var baseDelay: TimeInterval = 30
        public var maxDelay: TimeInterval = 3600
        /// Attempts before a post that keeps failing transiently is given up (failed).
        public var maxAttempts = 8
        /// How often a posted post's engagement is read again, and for how long after posting.
        public var engagementEvery: TimeInterval = 3600
        public var engagementFor: TimeInterval = 7 * 86_400

        public init() {}
    }

    let store: Store
    let connectors: [String: any SocialConnector]
    /// Which process claims: kept with each post (`claimed_by`).
    public let worker: String
    /// The public portal's address, before each item's path (`https://portal.example.gov.vn`);
    /// the server's own, known once its port is bound, when none is configured.
    let publicAddress: PublicAddress
    let settings: Settings
    let logger: Logger
    /// A number in 0...1, for the jitter.
    let random: @Sendable () -> Double

    public init(store: Store, connectors: [any SocialConnector], worker: String, publicBase: PublicAddress, settings: Settings = Settings(),
                logger: Logger,
                random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }) {
        self.store = store
        self.connectors = Dictionary(connectors.map { ($0.channel.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
        self.worker = worker
        publicAddress = publicBase
        self.settings = settings
        self.logger = logger
        self.random = random
    }

    /// The dispatcher a server runs: Facebook's and Zalo's connectors over the store's credentials.
    public static func standard(store: Store, worker: String, publicBase: PublicAddress, logger: Logger) -> SocialDispatcher {
        let vault = StoreCredentialVault(store: store)
        // The connectors read the time and wait (Zalo's verification) on the store's clock too.
        let connectors: [any SocialConnector] = [FacebookPageConnector(vault: vault, clock: store.clock),
                                                 ZaloOAConnector(vault: vault, clock: store.clock)]
        return SocialDispatcher(store: store, connectors: connectors, worker: worker, publicBase: publicBase, logger: logger)
    }

    /// The time by the store's clock, which every time this dispatcher records or compares is read from.
    func now() -> Date { store.clock.now() }

    /// Sends as a pool of `batch` places: each due post takes a place for its own send, and a
    /// freed place claims the next due post at once. A slow send (Zalo's verification polling, a
    /// network that hangs) holds only its own place, never the posts due after it.
    public func run() async throws {
        // Shutting down cancels the loop; the sends in flight finish and record how they went.
        await cancelWhenGracefulShutdown { [self] in
            let busy = Places()
            // Every send records its own outcome and catches its own errors, so the group
            // neither keeps finished sends nor is cancelled by one.
            await withDiscardingTaskGroup { group in
                var lastEngagement = Date.distantPast
                while !Task.isCancelled {
                    do {
                        let free = settings.batch - busy.count
                        if free > 0 {
                            let claimed = try await claim(limit: free)
                            busy.take(claimed.count)
                            for post in claimed {
                                group.addTask {
                                    defer { busy.free() }
                                    do { try await self.send(post) } catch {
                                        self.logger.error("social post \(post.id): outcome not recorded: \(error)")
                                    }
                                }
                            }
                            // Every place filled: more may be due; claim again without waiting.
                            if !claimed.isEmpty, claimed.count == free { continue }
                        }
                        if now().timeIntervalSince(lastEngagement) > 60 {
                            try await fetchEngagement()
                            lastEngagement = now()
                        }
                    } catch is CancellationError {
                        return
                    } catch {
                        logger.error("social dispatcher: \(error)")
                    }
                    do { try await store.clock.sleep(for: settings.interval) } catch { return }
                }
            }
        }
    }

    /// The places of the pool in use.
    private final class Places: @unchecked Sendable {
        // `lock` guards `used`.
        private let lock = NSLock()
        private var used = 0

        var count: Int { lock.withLock { used } }
        func take(_ n: Int) { lock.withLock { used += n } }
        func free() { lock.withLock { used -= 1 } }
    }

    /// Claims left by a stopped process become uncertain; then up to `limit` due posts are
    /// claimed under this process's lease.
    private func claim(limit: Int) async throws -> [Store.ClaimedSocialPost] {
        let expired = try await store.expireSocialLeases(now: now())
        if !expired.isEmpty { logger.warning("social posts left sending by a stopped process are now uncertain: \(expired)") }
        let start = now()
        return try await store.claimDueSocialPosts(now: start, worker: worker, leaseUntil: start.addingTimeInterval(settings.lease), limit: limit)
    }

    /// One round, as tests and benchmarks drive it: claims expired by a stopped process become
    /// uncertain, then up to a batch of due posts are claimed and sent side by side, and the
    /// round ends when the last of them does. Returns how many were claimed.
    @discardableResult
    public func dispatchOnce() async throws -> Int {
        let claimed = try await claim(limit: settings.batch)
        guard !claimed.isEmpty else { return 0 }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for post in claimed {
                group.addTask { try await self.send(post) }
            }
            try await group.waitForAll()
        }
        return claimed.count
    }

    /// Sends one claimed post and records the outcome.
    func send(_ post: Store.ClaimedSocialPost) async throws {
        let result: Store.SocialAttemptResult
        if let connector = connectors[post.channel] {
            let base = publicAddress.base
            let outgoing = OutgoingPost(id: post.id, channel: connector.channel, title: post.title, message: post.message,
                                        link: base + (post.publicPath ?? "/"),
                                        coverURL: post.coverNumber.map { "\(base)/media/\(post.submissionID)/\($0)" })
            result = outcome(of: await connector.send(outgoing), attempts: post.attempts)
        } else {
            result = outcome(of: .permanent(SendFailure(kind: .notConfigured, detail: "no connector for \(post.channel) on this server")),
                             attempts: post.attempts)
        }
        let recorded = try await store.recordSocialAttempt(post.id, worker: worker, result, now: now())
        if !recorded { logger.warning("social post \(post.id): its claim was lost before the outcome was recorded (\(result))") }
    }

    /// What the outbox makes of a connector's answer to attempt number `attempts`.
    func outcome(of sent: SendOutcome, attempts: Int) -> Store.SocialAttemptResult {
        switch sent {
        case .posted(let remoteID, let link):
            return .posted(remoteID: remoteID, link: link)
        case .transient(let failure, let retryAfter):
            guard attempts < settings.maxAttempts else {
                return .failed(kind: Self.code(failure.kind), error: "gave up after \(attempts) attempts; last: " + Self.words(failure))
            }
            let asked = retryAfter.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 } ?? 0
            return .retry(at: now().addingTimeInterval(max(backoff(attempts: attempts), asked)), kind: Self.code(failure.kind),
                          error: Self.words(failure))
        case .permanent(let failure):
            return .failed(kind: Self.code(failure.kind), error: Self.words(failure))
        case .uncertain(let failure):
            return .uncertain(kind: Self.code(failure.kind), error: Self.words(failure) + "; check the page before sending again")
        }
    }

    /// The wait before attempt `attempts + 1`: "full jitter" — anywhere from nothing to the
    /// capped exponential step, so that many posts failing together do not come back together.
    public func backoff(attempts: Int) -> TimeInterval {
        let step = min(settings.maxDelay, settings.baseDelay * pow(2, Double(max(0, attempts - 1))))
        return step * min(1, max(0, random()))
    }

    /// A failure's kind as the API names it: `rateLimited` → `rate_limited`.
    static func code(_ kind: SendFailure.Kind) -> String {
        kind.rawValue.reduce(into: "") { text, character in
            if character.isUppercase { text += "_" + character.lowercased() } else { text.append(character) }
        }
    }

    /// A failure in words, for the desk and the logs.
    static func words(_ failure: SendFailure) -> String {
        var text: String
        switch failure.kind {
        case .expiredToken: text = "the access token expired or was revoked: an admin must set a new one"
        case .permission: text = "the page or account does not allow this post"
        case .blocked: text = "the network blocked the post"
        case .duplicate: text = "the network refused it as a duplicate"
        case .rateLimited: text = "rate-limited by the network"
        case .serverError: text = "the network failed"
        case .unreachable: text = "the network could not be reached"
        case .timedOut: text = "no answer came in time after the request was sent"
        case .connectionDropped: text = "the connection dropped after the request was sent"
        case .invalidPost: text = "the network refused the post itself"
        case .notConfigured: text = "the channel is not configured"
        case .unreadableAnswer: text = "the network's answer could not be read"
        case .other: text = "the post did not go out"
        }
        if let code = failure.code { text += " (code \(code)\(failure.subcode.map { "/\($0)" } ?? ""))" }
        if !failure.detail.isEmpty { text += ": " + failure.detail }
        return text
    }

    /// Reads the engagement of recently posted posts whose channel reports it.
    public func fetchEngagement() async throws {
        let at = now()
        let due = try await store.socialPostsForEngagement(staleBefore: at.addingTimeInterval(-settings.engagementEvery),
                                                           postedSince: at.addingTimeInterval(-settings.engagementFor), limit: 100)
        for post in due {
            guard let connector = connectors[post.channel] else { continue }
            do {
                try await store.recordEngagement(post.id, try await connector.engagement(remoteID: post.remoteID), now: at)
            } catch {
                logger.info("social post \(post.id): engagement not read: \(error)")
            }
        }
    }
}
