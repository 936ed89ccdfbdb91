import Playbook
import Testing

/// A glance at a playbook's lines finds the menus it names in the usual layout, and nothing that
/// is not a menu key under `menus:`.
struct MenuGlanceTests {
    @Test func findsTheMenuKeysOfTheUsualLayout() {
        let text = """
        # a comment
        vars:
          /not/a/menu: x
        menus:
          /system/identity:
            name: r1
          # a comment among the menus
          /ip/firewall/address-list:   # with a comment
            - { list: a, address: 10.0.0.1 }
            - list: b
              address: /also/not/a/menu
          /ip/address:\r
            exclusive: true
        board: RB5009UG+S+
          /after/menus:
        """
        #expect(MenuGlance.paths(in: text) == ["/system/identity", "/ip/firewall/address-list", "/ip/address"])
    }

    @Test func seesNothingInFlowStyle() {
        #expect(MenuGlance.paths(in: "menus: { /ip/address: [ { address: 10.0.0.1/24, interface: ether1 } ] }\n").isEmpty)
    }
}
