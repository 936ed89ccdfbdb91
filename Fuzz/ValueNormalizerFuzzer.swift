// libFuzzer target for RouterModel's value rules (run it with scripts/fuzz-values).
//
// Every input is read as a value of every kind the catalog uses: normalising must never trap,
// and must be idempotent (what RouterOS prints, read again, prints the same), which is what keeps
// the plan after an apply empty.

/// Every distinct kind of every catalogued property, computed once.
let kinds: [ValueKind] = Array(Set(MenuCatalog.specs.values.flatMap { $0.properties.values.map(\.kind) }))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    _ = SecretRule.isSecretName(text)
    for kind in kinds {
        guard let printed = try? ValueNormalizer.normalize(text, as: kind) else { continue }
        guard let again = try? ValueNormalizer.normalize(printed, as: kind), again == printed else {
            fatalError("not idempotent as \(kind): \(String(reflecting: text)) → \(String(reflecting: printed))")
        }
    }
    return 0
}
