import Playbook
import RouterModel

/// What validating `yaml` (as `p.yaml`) against RouterOS 7.20.8 reports: one line per
/// diagnostic, or nothing when it is valid.
func validationDiagnostics(_ yaml: String, environment: [String: String] = [:], overrides: [String: String] = [:]) -> [String] {
    do {
        _ = try PlaybookValidator(schema: RouterSchema.embedded(RouterOSVersion("7.20.8")!)!, overrides: overrides, environment: environment)
            .validate(PlaybookLoader.load(text: yaml, file: "p.yaml"))
        return []
    } catch let error as PlaybookError {
        return error.diagnostics.map(\.description)
    } catch {
        return ["\(error)"]
    }
}
