/// Why talking to a router failed: what went wrong (``code``), and where — the router
/// (``target``), the ``stage``, the command (secrets redacted) — with the router's or the
/// system's own words (``reason``, ``traps``) where there are any.
///
/// ```swift
/// do {
///     _ = try await client.execute(Command("/ip/address/add", ["address": "192.0.2.1/24"]))
/// } catch let error as RouterOSError where error.code == .trap {
///     print(error.traps.map(\.message))
/// }
/// ```
///
/// ``description`` is one line a network engineer can act on — ``summary``, then, where one is
/// known, ``suggestion`` — and names no library type; the error underneath, when there was one,
/// is kept in ``underlying`` for programs. Compare ``code``s, not descriptions: new codes and
/// context may be added without breaking anyone.
public struct RouterOSError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What went wrong.
    public var code: Code
    /// Where in the life of the connection; nil for a local failure outside any connection.
    public var stage: Stage?
    /// The router, when known.
    public var target: RouterAddress?
    /// The command that failed, secrets redacted.
    public var command: String?
    /// The user that logged in, for a failed login.
    public var user: String?
    /// Every `!trap` the router answered the command with, in order.
    public var traps: [RouterOSTrap]
    /// What explains the code, in words: the router's `!fatal` reason or login message, the
    /// system's reason for a failed connect, the certificate check's finding.
    public var reason: String?
    /// How long was waited, for ``Code/timedOut``.
    public var timeout: Duration?
    /// The bound a reply went past, for ``Code/replyTooLarge``.
    public var replyLimit: ReplyLimit?
    /// The fingerprint of the certificate the router presented, when the TLS handshake saw one.
    public var presentedFingerprint: CertificateFingerprint?
    /// The fingerprint the client pinned, for ``Code/fingerprintMismatch``.
    public var pinnedFingerprint: CertificateFingerprint?
    /// The error this one was made from (a socket error, a protocol error, OpenSSL's error
    /// queue), for programs; never part of ``description``.
    public var underlying: (any Error)?

    /// An error with `code` at `stage` and whatever context is known; the client fills in the
    /// rest (a test double of the API makes its failures with this too).
    public init(
        _ code: Code,
        stage: Stage?,
        target: RouterAddress? = nil,
        command: String? = nil,
        user: String? = nil,
        traps: [RouterOSTrap] = [],
        reason: String? = nil,
        timeout: Duration? = nil,
        replyLimit: ReplyLimit? = nil,
        presentedFingerprint: CertificateFingerprint? = nil,
        pinnedFingerprint: CertificateFingerprint? = nil,
        underlying: (any Error)? = nil
    ) {
        self.code = code
        self.stage = stage
        self.target = target
        self.command = command
        self.user = user
        self.traps = traps
        self.reason = reason
        self.timeout = timeout
        self.replyLimit = replyLimit
        self.presentedFingerprint = presentedFingerprint
        self.pinnedFingerprint = pinnedFingerprint
        self.underlying = underlying
    }

    /// The first trap, if the router answered with any.
    public var trap: RouterOSTrap? { traps.first }

    /// True when the connection, not the router's judgement, failed the command: the router may
    /// or may not have carried it out.
    public var isConnectionFailure: Bool {
        switch code {
        case .connectionLost, .fatal: return true
        case .timedOut: return stage == .command
        default: return false
        }
    }

    /// This error with `target` filled in where it had none.
    func at(_ target: RouterAddress) -> RouterOSError {
        var error = self
        error.target = error.target ?? target
        return error
    }

    /// Every field that is set, one `name: value` each, the underlying error by its description.
    public var debugDescription: String {
        var fields = ["code: \(code)", "stage: \(stage.map(\.description) ?? "none")"]
        if let target { fields.append("target: \(target)") }
        if let command { fields.append("command: \(command)") }
        if let user { fields.append("user: \(user)") }
        fields += traps.map { "trap: \($0)" }
        if let reason { fields.append("reason: \(reason)") }
        if let timeout { fields.append("timeout: \(timeout.secondsText)") }
        if let replyLimit { fields.append("limit: \(replyLimit)") }
        if let presentedFingerprint { fields.append("presented: \(presentedFingerprint)") }
        if let pinnedFingerprint { fields.append("pinned: \(pinnedFingerprint)") }
        if let underlying { fields.append("underlying: \(underlying)") }
        return "RouterOSError(" + fields.joined(separator: ", ") + ")"
    }
}
