import Foundation
import RouterModel

extension CommandExecution {
    /// `/system/script/run number=NAME|*ID`: counts the run and returns the source for the device
    /// to interpret once this command's state is committed (each line of the script is a command of its own).
    mutating func startScript() throws -> String {
        try checkArguments(of: "run", alsoAccepting: [".id"])
        guard let reference = command[".id"] ?? command["number"] else { throw CommandTrap(TrapText.missingArgument("number")) }
        let number = try resolve(reference)
        var source = ""
        state.update(number, in: menu) { properties in
            source = properties["source"] ?? ""
            properties["run-count"] = String((properties["run-count"].flatMap { Int($0) } ?? 0) + 1)
            properties["last-started"] = RouterClock.formatDate(Date(), version: version) + " " + RouterClock.formatTime(Date())
        }
        recordChange(number)
        return source
    }
}
