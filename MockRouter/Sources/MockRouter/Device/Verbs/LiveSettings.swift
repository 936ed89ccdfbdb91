import Foundation
import RouterModel

/// Settings menus whose print the device computes rather than stores.
extension CommandExecution {
    /// What a settings menu prints: what was set over its defaults; for `/system/clock`, the live
    /// `time`, `date` and `gmt-offset`; for `/system/device-mode`, the configured device mode.
    func settingsProperties() -> Entry.Properties {
        let stored = state.settings[menu] ?? defaultProperties()
        switch menu {
        case "/system/clock":
            let clock = RouterClock.printed(at: Date(), version: version)
            var properties: Entry.Properties = ["time": clock.time, "date": clock.date]
            properties.merge(stored) { current, _ in current }
            properties["gmt-offset"] = clock.gmtOffset
            properties["dst-active"] = "false"
            return properties
        case "/system/device-mode":
            return deviceMode.printed(version: version)
        default:
            return stored
        }
    }

    /// Refuses `/system/clock set time=` and `date=`: the mock's clock is the host's.
    func checkClockSetting() throws {
        guard menu == "/system/clock", command["time"] != nil || command["date"] != nil else { return }
        throw CommandTrap(TrapText.clockNotSettable)
    }
}
