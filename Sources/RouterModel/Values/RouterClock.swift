import Foundation

/// Dates and times as RouterOS prints and reads them: 7.10 and later print dates as `2026-12-02`
/// (earlier ones `dec/02/2026`) and times as `14:05:09`; both date forms are accepted on input.
/// Shared by MockRouter's clock (which runs in UTC, `gmt-offset` `+00:00`) and rosplay's
/// scheduling of a confirmed apply's revert by the router's clock.
public enum RouterClock {
    /// The first version that prints ISO dates.
    public static let firstVersionWithISODates = RouterOSVersion("7.10")!

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    /// The live properties of `/system/clock` at `now`.
    public static func printed(at now: Date, version: RouterOSVersion) -> (time: String, date: String, gmtOffset: String) {
        (formatTime(now), formatDate(now, version: version), "+00:00")
    }

    /// `2026-12-02`, or `dec/02/2026` before 7.10.
    public static func formatDate(_ date: Date, version: RouterOSVersion) -> String {
        formatDate(date, iso: version >= firstVersionWithISODates)
    }

    /// `2026-12-02`, or `dec/02/2026` when not `iso`.
    public static func formatDate(_ date: Date, iso: Bool) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let (year, month, day) = (parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
        if iso { return String(format: "%04d-%02d-%02d", year, month, day) }
        // No `%@`: Swift strings are not C varargs on Linux.
        return months[month - 1] + String(format: "/%02d/%04d", day, year)
    }

    /// True when `date` is in the pre-7.10 form (`dec/02/2026`).
    public static func isLegacyDate(_ date: String) -> Bool {
        date.contains("/")
    }

    /// `14:05:09`.
    public static func formatTime(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    /// Midnight UTC of a date given as `2026-12-02` or `dec/02/2026`; nil when it is neither.
    public static func parseDate(_ text: String) -> Date? {
        var components = DateComponents()
        let iso = text.split(separator: "-", omittingEmptySubsequences: false)
        let legacy = text.split(separator: "/", omittingEmptySubsequences: false)
        if iso.count == 3, iso[0].count == 4, let year = Int(iso[0]), let month = Int(iso[1]), let day = Int(iso[2]) {
            (components.year, components.month, components.day) = (year, month, day)
        } else if legacy.count == 3, let month = months.firstIndex(of: legacy[0].lowercased()), let day = Int(legacy[1]), let year = Int(legacy[2]) {
            (components.year, components.month, components.day) = (year, month + 1, day)
        } else {
            return nil
        }
        guard let month = components.month, (1...12).contains(month), let day = components.day, (1...31).contains(day),
              let date = calendar.date(from: components),
              calendar.component(.day, from: date) == day else { return nil }
        return date
    }

    /// Seconds after midnight of a time of day given as `HH:MM:SS` or `HH:MM`; nil otherwise.
    public static func parseTime(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0 != nil }) else { return nil }
        let hours = parts[0] ?? -1, minutes = parts[1] ?? -1, seconds = parts.count == 3 ? parts[2] ?? -1 : 0
        guard (0..<24).contains(hours), (0..<60).contains(minutes), (0..<60).contains(seconds) else { return nil }
        return hours * 3600 + minutes * 60 + seconds
    }
}
