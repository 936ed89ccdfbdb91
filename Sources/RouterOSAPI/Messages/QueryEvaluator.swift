/// Evaluates the `?` words of a `print` against one item, the way RouterOS does.
///
/// The words drive a stack of booleans that starts as an infinite stack of `true`.
/// Each test pushes its result; `?#` runs stack operations; the item is selected when
/// no `false` is left on the stack at the end.
package struct QueryEvaluator: Sendable {
    package let words: [QueryWord]

    package init(_ words: [QueryWord]) {
        self.words = words
    }

    /// Why `ops` is not a `?#` word RouterOS runs, or nil when it is: only `!`, `&`, `|`, `.` and
    /// decimal stack indices that fit in an `Int` (a huge or negative index is refused, not wrapped).
    static func problem(inOperations ops: String) -> String? {
        var index = 0
        for character in ops {
            if let digit = character.wholeNumberValue, character.isASCII {
                guard let next = BooleanStack.appending(digit, to: index) else { return "stack index out of range" }
                index = next
                continue
            }
            index = 0
            guard "!&|.".contains(character) else { return "unknown stack operation '\(character)'" }
        }
        return nil
    }

    /// Decimal numbers compare by value, everything else as text: negative, zero or positive.
    static func compare(_ item: String, _ query: String) -> Int {
        if let a = Int(item), let b = Int(query) { return a < b ? -1 : (a == b ? 0 : 1) }
        return item < query ? -1 : (item == query ? 0 : 1)
    }

    /// True when the item whose properties `value(name)` returns is selected.
    package func matches(_ value: (String) -> String?) -> Bool {
        var stack = BooleanStack()
        for word in words {
            switch word {
            case .has(let name): stack.push(value(name) != nil)
            case .lacks(let name): stack.push(value(name) == nil)
            case .equals(let name, let query):
                stack.push(value(name).map { Self.compare($0, query.string) == 0 } ?? query.isEmpty)
            case .less(let name, let query):
                stack.push(value(name).map { Self.compare($0, query.string) < 0 } ?? false)
            case .greater(let name, let query):
                stack.push(value(name).map { Self.compare($0, query.string) > 0 } ?? false)
            case .operations(let ops):
                stack.run(ops)
            }
        }
        return stack.allTrue
    }
}

/// The evaluation stack: explicit entries above an infinite run of `true`.
struct BooleanStack {
    private var entries: [Bool] = []

    var allTrue: Bool { !entries.contains(false) }

    mutating func push(_ value: Bool) { entries.append(value) }

    mutating func pop() -> Bool { entries.popLast() ?? true }

    /// Entry `index`, counting from the top (0).
    func peek(_ index: Int) -> Bool {
        index < entries.count ? entries[entries.count - 1 - index] : true
    }

    /// `index * 10 + digit`, or nil when that overflows.
    static func appending(_ digit: Int, to index: Int) -> Int? {
        let (shifted, overflowMultiplying) = index.multipliedReportingOverflow(by: 10)
        let (sum, overflowAdding) = shifted.addingReportingOverflow(digit)
        return overflowMultiplying || overflowAdding ? nil : sum
    }

    /// Runs the operations of a `?#` word.
    mutating func run(_ ops: String) {
        var pendingIndex: Int?
        var previousWasIndex = false
        for character in ops {
            if let digit = character.wholeNumberValue, character.isASCII {
                // An index past the stack's end reads the infinite run of `true`: saturating is exact.
                pendingIndex = Self.appending(digit, to: pendingIndex ?? 0) ?? .max
                continue
            }
            if let index = pendingIndex {
                push(peek(index))
                pendingIndex = nil
                previousWasIndex = true
            } else {
                previousWasIndex = false
            }
            switch character {
            case "!": push(!pop())
            case "&": let a = pop(), b = pop(); push(a && b)
            case "|": let a = pop(), b = pop(); push(a || b)
            case ".": if !previousWasIndex { push(peek(0)) }
            default: break
            }
            previousWasIndex = false
        }
        if let index = pendingIndex {
            entries = [peek(index)]
        }
    }
}
