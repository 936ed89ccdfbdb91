/// Short forms for the catalog tables.
extension PropertySpec {
    /// Free text with an optional default.
    public static func text(default value: String? = nil, maxLength: Int? = nil, required: Bool = false) -> PropertySpec {
        PropertySpec(.text(maxLength: maxLength), default: value, required: required)
    }

    /// A boolean with its default as printed (`"false"` or `"true"`).
    public static func boolean(default value: Bool? = nil) -> PropertySpec {
        PropertySpec(.boolean, default: value.map { $0 ? "true" : "false" })
    }

    /// A read-only property the router fills in.
    public static func readOnly(_ kind: ValueKind = .text()) -> PropertySpec {
        PropertySpec(kind, access: .readOnly)
    }

    /// A read-only flag such as `dynamic`, `running`, `builtin`.
    public static let readOnlyFlag = PropertySpec(.boolean, access: .readOnly)

    /// A secret (key, password) that prints masked without the `sensitive` policy.
    public static func secret(_ kind: ValueKind = .text(), required: Bool = false) -> PropertySpec {
        PropertySpec(kind, sensitive: true, required: required)
    }

    /// The name of an interface (or of one of `keywords`, such as `all`).
    public static func interface(required: Bool = false, keywords: [String] = []) -> PropertySpec {
        PropertySpec(.reference(menu: "/interface", keywords: keywords), required: required)
    }
}

/// Properties most list menus share.
public enum CommonProperties {
    /// `comment` (text) and `disabled` (default false).
    public static let commentAndDisabled: [String: PropertySpec] = [
        "comment": .text(),
        "disabled": .boolean(default: false),
    ]

    /// `dynamic`, printed `false` for configured entries; RouterOS-made entries print `true`.
    public static let dynamic: [String: PropertySpec] = [
        "dynamic": PropertySpec(.boolean, default: "false", access: .readOnly),
    ]
}

extension Dictionary where Key == String, Value == PropertySpec {
    /// These properties plus `other`; `other` wins on a clash.
    public func adding(_ other: [String: PropertySpec]) -> [String: PropertySpec] {
        merging(other) { _, new in new }
    }
}
