import Dispatch
import Foundation
import NewsroomKit

/// The desk's two lanes to one portal, each a serial queue with a `PortalAPI` of its own
/// (for `AdminClient`, its own libcurl handle and connection): reads (lists, items,
/// history, rate tables) and writes (saves, leases, decisions, notes). A save queued while
/// a long list read is under way starts at once; saves keep their order among themselves.
public final class PortalLanes: Sendable {
    /// The client of the read lane.
    public let reads: any PortalAPI
    /// The client of the write lane.
    public let writes: any PortalAPI
    /// Waits the pause between a call's attempts.
    public let clock: any WallClock
    private let readQueue = DispatchQueue(label: "bientap.portal.reads")
    private let writeQueue = DispatchQueue(label: "bientap.portal.writes")

    /// `reads` and `writes` must not share a connection (two `AdminClient`s, not one twice),
    /// or a save waits behind a read again.
    public init(reads: any PortalAPI, writes: any PortalAPI, clock: any WallClock = SystemClock()) {
        self.reads = reads
        self.writes = writes
        self.clock = clock
    }

    /// Two libcurl clients of bientap-portal at `baseURL`, each with its own transport.
    public convenience init(portal baseURL: String, token: String, clock: any WallClock = SystemClock()) throws {
        self.init(reads: try AdminClient(baseURL: baseURL, token: token),
                  writes: try AdminClient(baseURL: baseURL, token: token), clock: clock)
    }

    /// Runs `work` with the read client, after the reads queued before it.
    public func read(_ work: @escaping @Sendable (any PortalAPI) -> Void) {
        let client = reads
        readQueue.async { work(client) }
    }

    /// Runs `work` with the write client, after the writes queued before it.
    public func write(_ work: @escaping @Sendable (any PortalAPI) -> Void) {
        let client = writes
        writeQueue.async { work(client) }
    }

    /// `call` on the write lane, tried again after `pause` seconds while it fails in a way
    /// worth retrying (`PortalError.isTransient`), `attempts` times at most; `done` gets the
    /// last outcome. The pause is waited off the lane: the writes behind do not wait for it.
    public func write<T: Sendable>(attempts: Int, pause: TimeInterval, _ call: @escaping @Sendable (any PortalAPI) throws -> T,
                                   done: @escaping @Sendable (Result<T, Error>) -> Void) {
        write { client in
            let result = Result { try call(client) }
            guard case .failure(let error) = result, (error as? PortalError)?.isTransient == true, attempts > 1 else {
                done(result)
                return
            }
            DispatchQueue.global().async { [self] in
                clock.sleepThread(seconds: pause)
                write(attempts: attempts - 1, pause: pause, call, done: done)
            }
        }
    }
}
