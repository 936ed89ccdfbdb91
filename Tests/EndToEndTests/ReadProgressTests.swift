import Foundation
import MockRouter
import Testing

/// Reading hundreds of menus from a slow router shows how far it got: a line every interval in a
/// log, a counter redrawn in place on a terminal; the export on standard output stays clean.
@Suite(.timeLimit(.minutes(5))) struct ReadProgressTests {
    /// Each command served in turn, 10 ms each: an export of every menu (over 300) takes seconds.
    static let slowRouter = FaultInjection(serviceTime: .milliseconds(10))

    @Test func exportWritesProgressLinesToALogAndOnlyTheExportToStandardOutput() async throws {
        let runner = try await CLIRunner.start(faults: Self.slowRouter)
        let result = await CLIRunner.run(["export", "--router", "127.0.0.1:\(runner.server.apiSSLPort!)", "--user", CLIRunner.user.name,
                                          "--password-file", runner.passwordFile, "--no-certificate"],
                                         environment: ["ROSPLAY_PROGRESS_INTERVAL": "300ms"])
        try await runner.stop()
        #expect(result.status == 0, "\(result.all)")
        let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("  reading menus: ") }
        #expect(!lines.isEmpty, "\(result.stderr)")
        #expect(lines.allSatisfy { $0.wholeMatch(of: /\s\sreading menus: \d+\/\d+/) != nil }, "\(lines)")
        #expect(result.stdout.hasPrefix("# Exported by rosplay from a RouterOS 7.20.8 router."), "\(result.stdout.prefix(300))")
        #expect(!result.stdout.contains("reading menus"))
    }

    /// `TERM=dumb`: redrawn with carriage returns and spaces, no escape codes, cleared when done.
    @Test func onADumbTerminalTheCounterIsRedrawnWithoutEscapeCodes() async throws {
        let runner = try await CLIRunner.start(faults: Self.slowRouter)
        let output = NSTemporaryDirectory() + "rosplay-export-\(UUID().uuidString).yaml"
        let result = await CommandLineTests.onTerminal(
            ["export", "--router", "127.0.0.1:\(runner.server.apiSSLPort!)", "--user", CLIRunner.user.name, "--no-certificate", "--output", output],
            environment: ["ROSPLAY_PASSWORD": CLIRunner.password, "TERM": "dumb", "LANG": "C.UTF-8"])
        try await runner.stop()
        try? FileManager.default.removeItem(atPath: output)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("\r  reading menus: "), "\(result.stdout)")
        #expect(result.stdout.contains(/reading menus: \d+\/\d+ \(\/[a-z]/), "the menu last read is not shown: \(result.stdout)")
        #expect(!result.stdout.contains("\u{1B}"), "\(result.stdout.debugDescription)")
        // Cleared: the last thing on the terminal's line is blank.
        let last = result.stdout.components(separatedBy: "\r").last { !$0.isEmpty } ?? ""
        #expect(last.allSatisfy { $0 == " " }, "\(result.stdout.suffix(200).debugDescription)")
    }
}
