/// What each command's exit status means, in one place: each command's `--help` says its own,
/// and `rosplay help exit-codes` gathers them.
enum ExitStatus {
    /// True of every command.
    static let common = "64 usage error (an unknown option, a missing or malformed value), 130 interrupted by SIGINT or SIGTERM (Ctrl-C)"

    static let plan = "0 planned (changes or none), 1 error (playbook, connection, TLS, a plan the router cannot take); "
        + "with --detailed-exitcode, 0 no changes, 2 changes, 1 error (as terraform plan); "
        + "64 usage error; 130 interrupted (nothing was changed)"

    static let apply = "0 applied and verified (and confirmed, with --confirm-within), or nothing to change; "
        + "1 failed or refused (see the report: also a plan that would cut rosplay's own session, or a prompt not answered yes); "
        + "64 usage error; 130 interrupted (during the apply, what it applied is undone first; a second signal exits at once)"

    static let confirm = "0 disarmed; 1 nothing was armed (it may have fired already) or the router could not be reached; "
        + "64 usage error; 130 interrupted"

    static let drift = "0 in sync, 2 drifted, 1 the router could not be checked (with --json, an error document of the same schema "
        + "is printed then too); 64 usage error; 130 interrupted"

    static let validate = "0 valid (warnings may be printed), 1 the playbooks are invalid or cannot be read, 64 usage error "
        + "(such as an unknown --routeros-version)"

    static let menus = "0 listed, 1 no configurable menu under the prefix, 64 usage error (such as an unknown --routeros-version)"

    static let export = "0 exported, 1 error (connection, TLS, a --menu rosplay does not manage, the output file), "
        + "64 usage error, 130 interrupted"

    static let call = "0 the replies were printed, 1 the router refused the command (!trap) or could not be reached, "
        + "64 usage error, 130 interrupted"

    static let demo = "0 the walk-through ran to the end, 1 a step failed, "
        + "64 usage error, 130 interrupted"

    /// Every command's, in the order `rosplay --help` lists them.
    static let byCommand: [(command: String, statuses: String)] = [
        ("plan", plan), ("apply", apply), ("confirm", confirm), ("drift", drift), ("validate", validate),
        ("menus", menus), ("export", export), ("call", call), ("demo", demo),
    ]
}
