import Testing
@testable import RouterOSAPI

/// The query examples of MikroTik's API manual, evaluated against small item sets.
struct QueryEvaluatorTests {
    typealias Item = [String: String]

    func select(_ items: [Item], _ words: [QueryWord]) -> [Item] {
        let evaluator = QueryEvaluator(words)
        return items.filter { item in evaluator.matches { item[$0] } }
    }

    let interfaces: [Item] = [["name": "ether1", "type": "ether"], ["name": "vlan10", "type": "vlan"], ["name": "wg0", "type": "wg"]]

    @Test func etherOrVlan() {
        #expect(select(interfaces, [.equals("type", "ether"), .equals("type", "vlan"), .operations("|")]).map { $0["name"]! } == ["ether1", "vlan10"])
    }

    @Test func plainWordsAreAnded() {
        #expect(select(interfaces, [.equals("type", "ether"), .equals("name", "ether1")]).count == 1)
        #expect(select(interfaces, [.equals("type", "ether"), .equals("name", "wg0")]).isEmpty)
    }

    @Test func nonEmptyComment() {
        let routes: [Item] = [["comment": "uplink"], [:], ["comment": ""]]
        #expect(select(routes, [.greater("comment", "")]) == [["comment": "uplink"]])
    }

    @Test func notDistanceAboveOneAndGateway() {
        let routes: [Item] = [
            ["distance": "1", "gateway": "172.16.1.1"],
            ["distance": "5", "gateway": "172.16.1.1"],
            ["distance": "5", "gateway": "10.0.0.1"],
        ]
        let kept = select(routes, [.greater("distance", "1"), .equals("gateway", "172.16.1.1"), .operations("&!")])
        #expect(kept.map { $0["distance"]! + $0["gateway"]! } == ["1172.16.1.1", "510.0.0.1"])
    }

    @Test func hasAndLacks() {
        let items: [Item] = [["comment": "x"], [:]]
        #expect(select(items, [.has("comment")]).count == 1)
        #expect(select(items, [.lacks("comment")]) == [[:]])
    }

    @Test func inOfThreeValuesAsLibrouterosBuildsIt() {
        let items: [Item] = ["a", "b", "c", "d"].map { ["name": $0] }
        let words: [QueryWord] = [.equals("name", "a"), .equals("name", "b"), .equals("name", "d"), .operations("|"), .operations("|")]
        #expect(select(items, words).map { $0["name"]! } == ["a", "b", "d"])
    }

    @Test func notEqualAsLibrouterosBuildsIt() {
        #expect(select(interfaces, [.equals("type", "ether"), .operations("!")]).count == 2)
    }

    @Test func indexAtEndReplacesTheStack() {
        // Push false, push true; "?#0" keeps only the top (true): everything matches.
        #expect(select(interfaces, [.equals("name", "nothing"), .has("name"), .operations("0")]).count == 3)
        // "?#1" keeps entry 1 (false): nothing matches.
        #expect(select(interfaces, [.equals("name", "nothing"), .has("name"), .operations("1")]).isEmpty)
    }

    @Test func numbersCompareByValue() {
        let items: [Item] = [["mtu": "1420"], ["mtu": "9000"]]
        #expect(select(items, [.greater("mtu", "1500")]) == [["mtu": "9000"]])
    }
}
