#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Testing

@Suite("ActivityRule")
struct ActivityRuleTests {
    static let asOf = CalendarDay(dayNumber: 20_000)

    @Test func defaultRuleIsActiveUpTo365DaysInclusive() {
        let rule = ActivityRule.default
        #expect(rule.inactiveAfterDays == 365)
        #expect(rule.status(lastPurchase: Self.asOf, asOf: Self.asOf) == .active)
        #expect(rule.status(lastPurchase: Self.asOf.adding(days: -365), asOf: Self.asOf) == .active)
        #expect(rule.status(lastPurchase: Self.asOf.adding(days: -366), asOf: Self.asOf) == .inactive)
        #expect(rule.status(lastPurchase: nil, asOf: Self.asOf) == .neverPurchased)
        #expect(rule.lastActiveDay(lastPurchase: Self.asOf) == Self.asOf.adding(days: 365))
    }

    @Test func windowIsConfigurableAndValidated() throws {
        let rule = try ActivityRule(inactiveAfterDays: 90)
        #expect(rule.status(lastPurchase: Self.asOf.adding(days: -90), asOf: Self.asOf) == .active)
        #expect(rule.status(lastPurchase: Self.asOf.adding(days: -91), asOf: Self.asOf) == .inactive)
        #expect(try ActivityRule(inactiveAfterDays: 0).status(lastPurchase: Self.asOf.adding(days: -1), asOf: Self.asOf) == .inactive)
        let error = #expect(throws: ActivityRuleError.self) { try ActivityRule(inactiveAfterDays: -1) }
        #expect(error?.code == .invalidWindow)
    }

    @Test func ordersAfterTheAsOfDayAreIgnored() {
        func order(_ offset: Int) -> Order {
            Order(id: OrderID("o\(offset)"), customerID: "c", date: Self.asOf.adding(days: offset),
                  lines: [OrderLine(itemID: "i", quantity: 1, amount: Money(minorUnits: 1, currency: .usd))])
        }
        let rule = ActivityRule.default
        #expect(rule.status(of: [order(-400), order(-10), order(-500)], asOf: Self.asOf) == .active)
        #expect(rule.status(of: [order(-400), order(3)], asOf: Self.asOf) == .inactive)
        #expect(rule.status(of: [order(1)], asOf: Self.asOf) == .neverPurchased)
        #expect(rule.status(of: [Order](), asOf: Self.asOf) == .neverPurchased)
        #expect(rule.status(lastPurchase: Self.asOf.adding(days: 1), asOf: Self.asOf) == .neverPurchased)
    }

    @Test func decodingValidatesTheWindow() throws {
        let rule = try JSONDecoder().decode(ActivityRule.self, from: Data(#"{"inactiveAfterDays":30}"#.utf8))
        #expect(rule.inactiveAfterDays == 30)
        #expect(throws: (any Error).self) {
            try JSONDecoder().decode(ActivityRule.self, from: Data(#"{"inactiveAfterDays":-5}"#.utf8))
        }
    }
}
