import ArgumentParser
import Foundation
import Playbook
import Reconciler
import RouterModel
import RouterOSAPI

/// One look at a router against the playbooks: connect, learn the version, validate, read, plan.
/// Nothing is sent that changes the router.
struct RouterRun {
    let client: RouterOSClient
    let schema: RouterSchema
    let identity: RouterIdentity
    let desired: DesiredState
    let snapshot: Snapshot
    let plan: Plan
    let target: ReportJSON.Target
    /// Reverts an earlier `apply --confirm-within` left armed on the router.
    let armedReverts: [ArmedRevert]

    static func prepare(connection: ConnectionOptions, playbook: PlaybookOptions) async throws -> RouterRun {
        let client = try await connection.connect()
        return try await prepare(client: client) { try playbook.desiredState(for: $0, version: $1) }
    }

    /// The same on an open, logged-in connection, with the playbooks validated by `desired`.
    static func prepare(client: RouterOSClient, desired desiredFor: @escaping (RouterSchema, RouterOSVersion) throws -> DesiredState) async throws -> RouterRun {
        do {
            let identity = try await RouterIdentity.read(from: client)
            let schema = RouterSchema.closest(to: identity.version)
            let desired = try desiredFor(schema, identity.version)
            // A user without read rights on the scheduler simply sees no armed revert.
            async let armed = (try? ArmedRevert.armed(on: client)) ?? []
            if isatty(STDERR_FILENO) == 1 { Terminal.progress("reading \(desired.menus.count) menu(s) from \(client.target)") }
            let snapshot = try await Snapshot.read(desired, schema: schema, identity: identity, from: client)
            let plan = try Planner(desired: desired, snapshot: snapshot, schema: schema).plan()
            let target = ReportJSON.Target(router: client.target, version: identity.version.description, board: identity.boardName)
            let reverts = await armed
            for revert in reverts {
                Terminal.standardError("rosplay: note: a revert is armed on \(client.target) (\(revert.name)): at \(revert.firesAt) (router time) "
                    + "the router undoes an earlier apply unless rosplay confirm disarms it")
            }
            return RouterRun(client: client, schema: schema, identity: identity, desired: desired, snapshot: snapshot, plan: plan, target: target,
                             armedReverts: reverts)
        } catch {
            await client.close()
            throw error
        }
    }
}

/// A failure to report as `rosplay: error: …` with exit status 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Output helpers: colour only on a terminal, errors on standard error.
enum Terminal {
    static var isInteractive: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Colour only on a terminal, and never with `NO_COLOR` set or `TERM=dumb`.
    static var colour: Bool {
        let environment = ProcessInfo.processInfo.environment
        return isInteractive && environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
    }

    /// ASCII stand-ins where the locale is not UTF-8.
    static var symbols: TextSymbols { TextSymbols.forLocale(ProcessInfo.processInfo.environment) }

    /// How plans are shown on this output.
    static var renderer: PlanRenderer { PlanRenderer(colour: colour, symbols: symbols) }

    static func error(_ message: String) {
        standardError("rosplay: error: \(message)")
    }

    static func warning(_ message: String) {
        standardError("rosplay: warning: \(message)")
    }

    static func standardError(_ text: String) {
        // What was printed before goes out first, so a log of both streams keeps their order.
        fflush(nil)
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func progress(_ message: String) {
        standardError("  … \(message)")
    }
}

/// Runs `body`; reports a playbook, plan, connection or TLS error on standard error and exits 1.
/// With `json` (a schema such as `rosplay.drift/1`), standard output gets the error as that
/// schema's error document too, so `--json` always prints a document.
func guarded<T>(json: String? = nil, router: String? = nil, _ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as ExitCode {
        throw error
    } catch {
        let message: String
        switch error {
        case let error as PlaybookError:
            message = error.description
            Terminal.standardError(message)
        case let error as PlanError:
            message = error.description
            Terminal.standardError(message)
        default:
            message = "\(error)"
            Terminal.error(message)
        }
        if let json { print(ReportJSON.error(message, schema: json, router: router)) }
        throw ExitCode(1)
    }
}
