import Foundation

extension ReportJSON {
    /// The document `--json` prints when the command could not finish: the same schema, with
    /// `error` (what failed, in one message) instead of a plan, so a cron job never gets an empty body.
    public static func error(_ message: String, schema: String, router: String?) -> String {
        let document = ErrorDocument(schema: schema, router: OrNull(router), error: message)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self)
    }

    struct ErrorDocument: Encodable {
        var schema: String
        var router: OrNull<String>
        var error: String
    }
}
