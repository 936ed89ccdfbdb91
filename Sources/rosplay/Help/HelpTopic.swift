import Foundation

/// A guide `rosplay help TOPIC` prints, as `git help <guide>` does: what no one command's
/// `--help` says alone. Each statement is true of the code; change both together.
struct HelpTopic {
    let name: String
    /// One line, for the list at the end of `rosplay --help`.
    let abstract: String
    let text: String

    /// Every topic, in the order `rosplay --help` lists them.
    static let all = [playbooks, trust, exitCodes, environment, automation]

    static func named(_ name: String) -> HelpTopic? {
        all.first { $0.name == name }
    }

    static let playbooks = HelpTopic(name: "playbooks", abstract: "The playbook format in brief", text: """
        A playbook is a YAML file that says what a RouterOS v7 router must contain,
        menu by menu, in RouterOS's own words: menu paths as the API writes them
        (/interface/wireguard/peers), property names as /export writes them.

          routeros: "7.20"              oldest RouterOS it works on
          board: RB5009UG+S+            refuse a router whose board-name differs
          include: [parts/lan.yaml]     playbooks to load first, relative to this one
          vars:                         defaults for ${NAME}; an environment variable
            WG_IF: wg-vps               of that name overrides one, --var NAME=VALUE
                                        overrides both
          secrets:                      ${NAME} values never written in a playbook,
            WG_KEY: { env: WG_PRIVATE_KEY }    never printed: from the environment
            BGP_MD5: { file: /etc/rosplay/md5 }   or a file's first line
          menus:
            /interface/wireguard:       a list menu: a list of entries
              - name: ${WG_IF}
                private-key: ${WG_KEY}
            /system/identity:           a settings menu: one mapping
              name: home-router

        Entries are matched to the router's by the menu's identity (name, or
        address+interface, chain+comment...), never by .id. Only what the playbooks
        name is managed; everything else on the router is left alone, unless a
        menu is written as { identity: [...], exclusive: true, entries: [...] }:
        exclusive removes the entries the playbooks do not name (never dynamic or
        built-in ones). Directives on an entry:

          _absent: true                 the entry must not exist
          _exact: true                  properties it does not name go back to
                                        their defaults
          _place-before: { chain: input, comment: "defconf: drop ..." }
                                        in ordered menus (firewall rules), keep it
                                        before this unmanaged entry

        Several playbooks on one command line add up in order. Values are compared
        the way RouterOS prints them (yes is true, 60s is 1m).

          rosplay menus [PREFIX]        every menu a playbook can write, with its
                                        identity, order and secrets
          rosplay validate PLAYBOOK...  check playbooks offline

        The whole format: docs/playbooks.md in rosplay's repository.
        """)

    static let trust = HelpTopic(name: "trust", abstract: "The four trust modes, and what their errors mean", text: """
        rosplay talks to the RouterOS API over TLS (api-ssl, port 8729). Give at
        most one of these to say how the router is trusted:

          --ca FILE           verify its certificate against this CA (PEM); the
                              certificate must also be made for the --router
                              address (subject-alt-name=IP:192.168.88.1)
          --fingerprint SHA256:HEX
                              accept exactly the certificate with this SHA-256
                              fingerprint (a self-signed one is fine; the name
                              in it is not checked)
          --no-certificate    anonymous Diffie-Hellman TLS, for an api-ssl with
                              no certificate: encrypted, but the router is not
                              authenticated
          --plain             the plain API (port 8728): the password travels
                              unencrypted

        With none of them, the certificate is verified against the system's CAs.

        The router's fingerprint
          Connect once without --fingerprint (or with a wrong one): the error names
          the certificate the router presented, "pin it with --fingerprint
          SHA256:...". Or ask it from a machine you trust:
            openssl s_client -connect 192.168.88.1:8729 </dev/null 2>/dev/null |
              openssl x509 -noout -fingerprint -sha256
          --fingerprint takes the 64 hex digits with or without SHA256: and the
          colons between bytes, so openssl's value can be pasted as it is.

        What the errors say
          connection refused by R; is api-ssl (8729) enabled on that port ...
              nothing listens there: the service is disabled, on another port,
              or not allowed from this address (/ip service print)
          the certificate of R is not trusted ...
              it was not signed by the --ca given (without --ca: by no CA this
              system trusts): pass --ca with the CA that signed it, or pin the
              fingerprint the message shows
          the certificate of R is not made for 'HOST' ...
              it is trusted but names another address: use the address it was
              made for, or pin the fingerprint the message shows
          the certificate of R is not the pinned one ...
              the router presented another certificate than --fingerprint
              names: pin the new one if it was replaced on purpose
          R has a certificate, so its api-ssl offers no anonymous TLS ...
              --no-certificate was given: drop it, and pin the fingerprint the
              message shows or pass --ca
          R's api-ssl seems to have no certificate ...
              --ca, --fingerprint or the default against an api-ssl without a
              certificate: give it one (/certificate ..., then /ip service set
              api-ssl certificate=...), or pass --no-certificate
          R closed the connection at login: ... drop --plain
              --plain against the api-ssl port (also when the login times out)
          TLS handshake with R failed / R did not complete the TLS handshake
              is this the api-ssl port? The plain api (8728) speaks no TLS.
          the certificate of R has expired / is not yet valid
              check the clocks of both ends and the certificate's dates
          R refused the login of user 'U'
              a wrong user or password (--user, --password-file, ROSPLAY_USER,
              ROSPLAY_PASSWORD; rosplay help environment)
        """)

    static let exitCodes = HelpTopic(name: "exit-codes", abstract: "Every command's exit statuses", text: """
        \(hanging("Every command: ", ExitStatus.common + "."))
        rosplay --help, --version and help TOPIC exit 0; help with a word that is
        neither a topic nor a command exits 64.

        \(ExitStatus.byCommand.map { hanging("  " + $0.command.padding(toLength: 10, withPad: " ", startingAt: 0), $0.statuses + ".") }
            .joined(separator: "\n"))

        Interrupted (130): plan, drift, export, validate and menus change nothing on
        the router, and exit at once. So does apply until it starts sending the
        plan; then the first signal stops it: nothing new is sent, the replies in
        flight are awaited and what landed is undone; a second signal exits at once
        and says what may remain.
        """)

    static let environment = HelpTopic(name: "environment", abstract: "ROSPLAY_* variables, secrets, NO_COLOR, TERM, locale", text: """
        The connection
          ROSPLAY_ROUTER      the router when --router is not given (HOST[:PORT])
          ROSPLAY_USER        the user when --user is not given (default: admin)
          ROSPLAY_PASSWORD    the password when --password-file is not given. With
                              neither, it is asked for on a terminal (not echoed);
                              without a terminal, the password is empty.

        Playbook values and secrets
          ${NAME} in a playbook is a secret of its secrets: section, else --var
          NAME=VALUE, else the environment variable NAME, else its vars: default.
          A secret comes from { env: VARIABLE } or { file: PATH } (the file's first
          line) and prints as (sensitive) everywhere. plan, apply and drift read no
          env file themselves: source one (. /etc/rosplay/env) or use systemd's
          EnvironmentFile=. rosplay export writes secrets as ${ROSPLAY_SECRET_...}
          references and names the variables to set; export --output writes its
          file mode 0600.

        Output
          NO_COLOR            set and not empty: no colour. Colour is only ever
                              used when standard output is a terminal.
          TERM=dumb           no colour, and progress redrawn without escape codes
          LC_ALL, LC_CTYPE, LANG
                              the first one set decides: a locale that does not
                              name UTF-8 (C, POSIX, en_US.ISO-8859-1) gets ASCII
                              stand-ins: -> for the arrow, <> for a move, x, ...
                              and =>. With none set, output is UTF-8.
          ROSPLAY_PROGRESS_INTERVAL
                              how often a progress line (reading menus: 120/314,
                              operations applied) is written when standard error is
                              not a terminal: 30s, 500ms, 2m or plain seconds
                              (default 5s). On a terminal the counter is redrawn in
                              place instead.
        """)

    static let automation = HelpTopic(name: "automation", abstract: "rosplay in cron, systemd timers and scripts", text: """
        rosplay drift is made for cron: no prompts, colour only on a terminal,
        nothing printed in sync with --quiet (--json still prints its document).
        It exits 0 in sync, 2 drifted, 1 when the router could not be checked.
        --timeout bounds every wait so a silent router cannot hang the job;
        progress and errors go to standard error.

        cron, mailing only when the router drifted or could not be checked:
          */15 * * * *  . /etc/rosplay/env && rosplay drift /etc/rosplay/home.yaml --fingerprint SHA256:AB12... --password-file /etc/rosplay/pw --quiet --json --timeout 30s > /var/lib/rosplay/drift.json || mail -s "router drift" root < /var/lib/rosplay/drift.json

        systemd: /etc/systemd/system/rosplay-drift.service
          [Service]
          Type=oneshot
          EnvironmentFile=/etc/rosplay/env
          ExecStart=/usr/local/bin/rosplay drift /etc/rosplay/home.yaml --fingerprint SHA256:AB12... --password-file /etc/rosplay/pw --quiet --json --timeout 30s
        and rosplay-drift.timer:
          [Timer]
          OnCalendar=*:0/15
          Persistent=true
          [Install]
          WantedBy=timers.target
        then systemctl enable --now rosplay-drift.timer. Exit 2 and 1 mark the
        service failed: OnFailure= or your monitoring picks it up.

        drift --json prints one document on standard output, schema rosplay.drift/1:
          { "schema": "rosplay.drift/1", "inSync": false,
            "target": { "router": "192.0.2.1:8729", "version": "7.20.8", ... },
            "summary": { "add": 1, "set": 0, "unset": 0, "remove": 0, "move": 0 },
            "operations": [ { "kind", "menu", "label", "changes", ... } ] }
        When the router cannot be checked it is { "schema", "router", "error" }.
        Secret values are "(sensitive)". plan --json and apply --json print the
        same shape (rosplay.plan/1, rosplay.apply/1); plan --detailed-exitcode
        exits 2 when there are changes.

        apply in a script needs --yes (without a terminal it refuses otherwise);
        --confirm-within 2m makes the router revert by itself if rosplay loses it.
        """)

    /// `label` then `text` wrapped at 79 columns, the lines after the first indented as far as `label` is long.
    static func hanging(_ label: String, _ text: String) -> String {
        let indent = String(repeating: " ", count: label.count)
        var lines: [String] = []
        var current = label
        for word in text.split(separator: " ") {
            if current.count > label.count, current.count + 1 + word.count > 79 {
                lines.append(current)
                current = indent
            }
            current += (current.count > label.count ? " " : "") + word
        }
        return (lines + [current]).joined(separator: "\n")
    }
}
