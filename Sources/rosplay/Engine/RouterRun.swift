import ArgumentParser
import Foundation
import Playbook
import Reconciler
import RouterModel
import RouterOSAPI

/// One look at a router against the playbooks: connect, learn the version, validate, read, plan.
/// Nothing is sent that changes the router. Round trips after the login: the identity (with the
/// first read of the session's path, when asked for), then the menus. The playbooks are parsed
/// while connecting; the menus a glance at them names are read as soon as the version is known,
/// while they are parsed and validated, the others (if any) once parsed.
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
    /// The path of this session, when asked for: what the lockout guard checks the plan against.
    let sessionPath: Result<SessionPath, any Error>?

    /// Who is asking for its session's path, for ``sessionPath``.
    struct Session {
        let user: String
        /// `api-ssl` or `api`.
        let service: String
    }

    /// The playbooks on their way in, both started before connecting: a glance at their text for
    /// the menus they name, and their parse.
    struct Playbooks {
        let glance: Task<[String], Never>
        let parsing: Task<PlaybookDocument, Never>

        init(_ files: [String], parse: @escaping @Sendable () -> PlaybookDocument) {
            glance = Task { MenuGlance.paths(inFiles: files) }
            parsing = Task(operation: parse)
        }
    }

    /// `rosplay COMMAND for ROUTER (RouterOS VERSION, BOARD)` and a blank line, above a plan.
    func header(_ command: String) -> String {
        "rosplay \(command) for \(target.router) (RouterOS \(target.version)\(target.board.map { ", \($0)" } ?? ""))\n"
    }

    static func prepare(connection: ConnectionOptions, playbook: PlaybookOptions, session: Session? = nil) async throws -> RouterRun {
        let playbooks = Playbooks(playbook.playbooks) { playbook.load() }
        let client = try await connection.connect()
        return try await prepare(client: client, playbooks: playbooks, session: session) { try playbook.desiredState($2, for: $0, version: $1) }
    }

    /// The same on an open, logged-in connection, with the playbooks validated by `validate`.
    static func prepare(client: RouterOSClient, playbooks: Playbooks, session: Session? = nil,
                        validate: @escaping (RouterSchema, RouterOSVersion, PlaybookDocument) throws -> DesiredState) async throws -> RouterRun {
        let reading = ReadProgress()
        let progress = ProgressTicker.start { reading.line(onTerminal: $0) }
        do {
            async let path = readPath(of: session, on: client)
            // Sent with the identity, before the version is known: the glance's menus and those they
            // refer to. One this version lacks fails alone, and is none of the playbooks' business.
            let guessed = Snapshot.menusToRead(await playbooks.glance.value, schema: nil)
            async let early = Snapshot.readWherePossible(guessed, from: client, progress: reading)
            // A user without read rights on the scheduler simply sees no armed revert.
            async let reverts = (try? RevertInventory.read(on: client)) ?? RevertInventory(armed: [], orphans: [])
            let identity = try await RouterIdentity.read(from: client)
            let schema = RouterSchema.closest(to: identity.version)
            let document = await playbooks.parsing.value
            let menus = Snapshot.menusToRead(document.menus.map(\.path.value), schema: schema)
            async let rest = Snapshot.read(menus.filter { !guessed.contains($0) }, from: client, progress: reading)
            let desired = try validate(schema, identity.version, document)
            var live = try await rest.merging(await early) { mine, _ in mine }
            // What the early read could not print is asked again, to get the router's own error.
            let missing = menus.filter { live[$0] == nil }
            if !missing.isEmpty { live.merge(try await Snapshot.read(missing, from: client, progress: reading)) { mine, _ in mine } }
            await progress.stop()
            let snapshot = Snapshot(version: identity.version, boardName: identity.boardName, menus: live)
            let plan = try Planner(desired: desired, snapshot: snapshot, schema: schema).plan()
            let target = ReportJSON.Target(router: client.target, version: identity.version.description, board: identity.boardName)
            let inventory = await reverts
            for revert in inventory.armed {
                Terminal.note("a revert is armed on \(client.target) (\(revert.name)): at \(revert.firesAt) (router time) "
                    + "the router undoes an earlier apply unless rosplay confirm disarms it")
            }
            for orphan in inventory.orphans {
                Terminal.note("\(client.target) has a revert script without its scheduler entry (\(orphan)): it never runs by itself "
                    + "(an apply was cut while arming it, or it ran and stopped part-way); rosplay confirm removes it")
            }
            return RouterRun(client: client, schema: schema, identity: identity, desired: desired, snapshot: snapshot, plan: plan, target: target,
                             armedReverts: inventory.armed, sessionPath: await path)
        } catch {
            await progress.stop()
            await client.close()
            throw error
        }
    }

    private static func readPath(of session: Session?, on client: RouterOSClient) async -> Result<SessionPath, any Error>? {
        guard let session else { return nil }
        do {
            return .success(try await SessionPath.read(from: client, user: session.user, service: session.service))
        } catch {
            return .failure(error)
        }
    }
}
