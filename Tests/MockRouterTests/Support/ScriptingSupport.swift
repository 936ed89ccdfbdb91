import Foundation
import MockRouter
import RouterOSAPI

/// Helpers for the scripting and scheduler tests.
enum ScriptingSupport {
    /// `date` and `time` of `instant` in UTC, as RouterOS 7.10+ prints them (`2026-12-02`, `14:05:09`).
    static func routerOSDateAndTime(_ instant: Date) -> (date: String, time: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        return (String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!),
                String(format: "%02d:%02d:%02d", parts.hour!, parts.minute!, parts.second!))
    }
}

extension RouterOSClient {
    /// Adds a `/system/script` and returns its `.id`.
    @discardableResult
    func addScript(_ name: String, _ source: String) async throws -> String {
        try await execute(Command("/system/script/add", ["name": name, "source": source])).ret ?? ""
    }

    /// The rows of `menu`'s print, each as a dictionary.
    func rows(_ menu: String) async throws -> [[String: String]] {
        try await execute(Command(menu + "/print")).rows.map(\.dictionary)
    }
}
