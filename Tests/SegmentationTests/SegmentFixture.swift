#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Scoring
@testable import Segmentation

/// A four-customer world whose segment values are computed by hand (see the comments).
///
/// As of 2024-03-01 (day D):
/// - a: orders D-10 shoes $50, D-40 books $30, D-200 shoes $100; female, born 1995-05-01
///   (28), tag fashion-lover, interests fashion+yoga; browses shoes D-3 and D-5, a like D-2;
///   consents to marketing; churnRisk 0.1.
/// - b: order D-100 books $20; male, born 1970-01-01 (54); browses shoes D-1…D-4 and books
///   D-6; churnRisk 0.9.
/// - d: orders D-1 books $10 and D (the as-of day, excluded) shoes $500.
/// - c: no orders (joins from its profile); female, born 2000-02-29 (24); browses
///   electronics D-1 twice.
enum SegmentFixture {
    static let asOf = CalendarDay(dayNumber: 19_783)  // 2024-03-01

    static func day(_ offset: Int) -> CalendarDay { asOf.adding(days: offset) }

    static func order(_ id: String, _ customer: String, _ offset: Int, _ item: String, _ dollars: Int64) -> Order {
        Order(id: OrderID(id), customerID: CustomerID(customer), date: day(offset),
              lines: [OrderLine(itemID: ItemID(item), quantity: 1, amount: Money(minorUnits: dollars * 100, currency: .usd))])
    }

    static let orders: [Order] = [
        order("o1", "a", -10, "s1", 50), order("o2", "a", -40, "b1", 30), order("o3", "a", -200, "s1", 100),
        order("o4", "b", -100, "b1", 20),
        order("o5", "d", -1, "b1", 10), order("o6", "d", 0, "s1", 500),
    ]

    static let provenance = Provenance(method: .customerUpdate, channel: .online, observedAt: Date(timeIntervalSince1970: 0))

    static func profile(_ id: String, gender: String, born: String, tags: Set<Tag> = [], extra: [ProfileField: AttributeValue] = [:]) -> CustomerProfile {
        var profile = CustomerProfile(id: CustomerID(id), tags: tags, createdAt: Date(timeIntervalSince1970: 0))
        profile.set(.gender, to: .string(gender), provenance: provenance)
        profile.set(.birthDate, to: .day(try! CalendarDay(iso: born)), provenance: provenance)
        for (field, value) in extra { profile.set(field, to: value, provenance: provenance) }
        return profile
    }

    static let profiles: [CustomerProfile] = [
        profile("a", gender: "female", born: "1995-05-01", tags: ["fashion-lover"], extra: [.interests: .list(["fashion", "yoga"])]),
        profile("b", gender: "male", born: "1970-01-01", extra: [.incomeLevel: .string("low")]),
        profile("c", gender: "female", born: "2000-02-29"),
    ]

    static func event(_ customer: String, _ kind: InteractionKind, _ offset: Int, _ category: String?) -> InteractionEvent {
        InteractionEvent(
            id: EventID("\(customer)\(kind)\(offset)\(category ?? "")"), customerID: CustomerID(customer), kind: kind,
            occurredAt: day(offset).startUTC.addingTimeInterval(3600), channel: .web,
            details: InteractionDetails(categoryID: category.map(CategoryID.init)))
    }

    static let interactions: [InteractionEvent] = [
        event("a", .browse, -3, "shoes"), event("a", .browse, -5, "shoes"), event("a", .like, -2, nil),
        event("b", .browse, -4, "shoes"), event("b", .browse, -2, "shoes"), event("b", .browse, -1, "shoes"),
        event("b", .browse, -3, "shoes"), event("b", .browse, -6, "books"),
        event("c", .browse, -1, "electronics"), event("c", .browse, -1, "electronics"),
    ]

    static let itemCategories: [ItemID: CategoryID] = ["s1": "shoes", "b1": "books", "e1": "electronics"]

    static func snapshot() throws -> CustomerSnapshot { try CustomerSnapshot(orders: orders, currency: .usd) }

    static func population() throws -> SegmentPopulation {
        try SegmentPopulation(
            snapshot: try snapshot(), asOf: asOf,
            inputs: SegmentInputs(
                profiles: profiles, interactions: interactions, itemCategories: itemCategories,
                scores: ["churnRisk": ["a": 0.1, "b": 0.9]], consents: ["marketing": ["a"]]))
    }

    /// The ids of the members, in population order.
    static func memberIDs(_ json: String, population: SegmentPopulation, catalog: [SegmentDefinition] = []) throws -> [String] {
        let definition = try SegmentDefinition(json: Array(json.utf8))
        let evaluator = try SegmentEvaluator(catalog: SegmentCatalog(catalog + [definition]), segmentID: definition.id, population: population)
        return evaluator.members().customers.map { population.customerID(at: Int($0)).rawValue }
    }
}
