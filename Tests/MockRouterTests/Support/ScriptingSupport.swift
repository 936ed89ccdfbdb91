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

    /// Starts a router with `deviceMode`, runs `body`, always stops it.
    static func withRouter<T>(deviceMode: DeviceMode, _ body: (TestRouter) async throws -> T) async throws -> T {
        let certificates = TestCertificates.shared
        let configuration = MockRouterConfiguration(
            apiSSLPort: 0, apiPort: 0,
            tls: .certificate(certificateFile: certificates.certificateFile, keyFile: certificates.keyFile),
            users: [TestRouter.user], deviceMode: deviceMode)
        let router = TestRouter(server: try await MockRouterServer.start(configuration))
        do {
            let result = try await body(router)
            try await router.stop()
            return result
        } catch {
            try? await router.stop()
            throw error
        }
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
