/// A send that ends before it reaches the network's answer, with how it ended.
struct SendStop: Error {
    var outcome: SendOutcome

    init(_ outcome: SendOutcome) {
        self.outcome = outcome
    }
}

/// Reading a channel's credentials from the vault, as a send needs them.
enum StoredCredentials {
    static func read(_ channel: SocialChannel, from vault: any CredentialVault) async -> Result<ChannelCredentials, SendStop> {
        do {
            guard let credentials = try await vault.credentials(for: channel) else {
                return .failure(SendStop(.permanent(SendFailure(kind: .notConfigured))))
            }
            return .success(credentials)
        } catch {
            // The vault could not be read (the database is busy or away): nothing was sent.
            return .failure(SendStop(.transient(SendFailure(kind: .other, detail: UntrustedText.line("credentials: \(error)")),
                                                retryAfter: nil)))
        }
    }
}
