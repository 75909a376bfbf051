/// How long a connector waits on a social network, in whole seconds (libcurl's unit).
public struct ConnectorTimeouts: Sendable, Hashable {
    /// Making the connection; a send that times out here was never sent, so it is retried.
    public var connectSeconds: Int
    /// The whole exchange; a send that times out after the request went out is uncertain.
    public var totalSeconds: Int

    public init(connectSeconds: Int = 5, totalSeconds: Int = 30) {
        self.connectSeconds = connectSeconds
        self.totalSeconds = totalSeconds
    }
}
