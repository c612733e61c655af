#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing
import CustomerModel

private func qualityDate(_ iso: String) -> Date {
    (try? CalendarDay(iso: iso).startUTC) ?? Date(timeIntervalSince1970: 0)
}

private func qualityProfile(
    _ id: String, observed: String, source: SourceID, _ fields: [ProfileField: AttributeValue], created: String = "2022-01-01"
) -> CustomerProfile {
    let provenance = Provenance(method: .customerUpdate, channel: .online, observedAt: qualityDate(observed), source: source)
    return CustomerProfile(
        id: CustomerID(id), attributes: fields.mapValues { Attributed($0, provenance: provenance) },
        createdAt: qualityDate(created))
}

private func order(_ id: String, _ customer: String, _ amounts: [Money]) -> Order {
    Order(
        id: OrderID(id), customerID: CustomerID(customer), date: CalendarDay(dayNumber: 19_800),
        lines: amounts.map { OrderLine(itemID: "i", quantity: 1, amount: $0) })
}

private func isClose(_ a: Double?, _ b: Double, tolerance: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
}

@Suite("Data quality")
struct DataQualityTests {
    static let asOf = CalendarDay(dayNumber: 19_905)  // 2024-07-01

    static let good = qualityProfile("p1", observed: "2024-06-01", source: "crm", [
        .name: .string("Ann"), .email: .string("ann@x.com"), .phone: .string("+44 20 7946 0000"),
        .birthDate: .day(CalendarDay(dayNumber: 7425)), .postcode: .string("sw1a 1aa"), .country: .string("GB"),
    ])
    static let bad = qualityProfile("p2", observed: "2023-07-01", source: "web", [
        .email: .string("bob@"), .phone: .string("12-34"), .birthDate: .string("1890-01-01"),
        .postcode: .string("12345"), .country: .string("us"),
    ])
    static let stale = qualityProfile("p3", observed: "2022-01-01", source: "crm", [.email: .string("c@x.com")])
    static let orders = [
        order("o1", "p1", [Money(minorUnits: 1000, currency: .gbp)]),
        order("o2", "p2", [Money(minorUnits: 700, currency: .usd), Money(minorUnits: -500, currency: .usd)]),
        order("o3", "zz", [Money(minorUnits: 100, currency: .usd)]),
    ]

    @Test("A complete, valid, recent customer scores 1")
    func perfect() {
        let quality = QualityRules.standard.assess(Self.good, orders: Self.orders, asOf: Self.asOf)
        #expect(quality.completeness == 1)
        #expect(quality.accuracy == 1)
        #expect(quality.checksRun == 5)
        #expect(quality.daysSinceUpdate == 30)
        #expect(quality.timeliness == 1)
        #expect(quality.overall == 1)
        #expect(quality.issues.isEmpty)
    }

    @Test("Completeness, accuracy, timeliness and overall are exact for a flawed customer")
    func flawed() {
        let quality = QualityRules.standard.assess(Self.bad, orders: Self.orders, asOf: Self.asOf)
        #expect(isClose(quality.completeness, 5.0 / 6.0))
        #expect(quality.missingFields == [.name])
        #expect(quality.checksRun == 5)
        #expect(quality.checksPassed == 1)
        #expect(isClose(quality.accuracy, 0.2))
        #expect(quality.daysSinceUpdate == 366)
        #expect(isClose(quality.timeliness, 1 - 336.0 / 700.0))
        #expect(isClose(quality.overall, 0.4 * 5.0 / 6.0 + 0.4 * 0.2 + 0.2 * 0.52))
        #expect(quality.issues.map(\.kind) == [.missingField, .implausibleAge, .invalidEmail, .invalidPhone, .negativeOrderAmount])
        #expect(quality.issues.map(\.field) == [.name, .birthDate, .email, .phone, nil])
        #expect(quality.issues[4].orderID == "o2")
    }

    @Test("Stale data scores 0 on timeliness and is reported")
    func staleness() {
        let quality = QualityRules.standard.assess(Self.stale, asOf: Self.asOf)
        #expect(quality.daysSinceUpdate == 912)
        #expect(quality.timeliness == 0)
        #expect(isClose(quality.overall, 0.4 / 6.0 + 0.4))
        #expect(quality.issues.last?.kind == .staleData)
    }

    @Test("Timeliness decays linearly from 30 to 730 days", arguments: [
        (-5, 1.0), (0, 1.0), (30, 1.0), (100, 0.9), (380, 0.5), (730, 0.0), (1_000, 0.0),
    ])
    func decay(age: Int, expected: Double) {
        #expect(isClose(TimelinessDecay.standard.score(ageDays: age), expected))
    }

    @Test("Invalid settings are refused")
    func invalidSettings() {
        #expect(throws: DataQualityError.self) { try TimelinessDecay(fullScoreDays: 10, zeroScoreDays: 10) }
        #expect(throws: DataQualityError.self) { try QualityWeights(completeness: -1, accuracy: 1, timeliness: 1) }
        #expect(throws: DataQualityError.self) { try QualityWeights(completeness: 0, accuracy: 0, timeliness: 0) }
        #expect(throws: DataQualityError.self) { try DataIntegrationIndex(importance: ["crm": .nan]) }
        #expect(throws: DataQualityError.self) { try DataIntegrationIndex.value(scores: [1], importances: []) }
    }

    @Test("Email syntax", arguments: [
        ("ann@example.com", true), ("a.b+tag@sub.example.co.uk", true), ("张伟@例子.中国", true),
        ("ann@", false), ("@x.com", false), ("ann@x", false), ("a..b@x.com", false), (".a@x.com", false),
        ("a@b@x.com", false), ("ann@-x.com", false), ("ann@x.c", false), ("ann@x.123", false), ("a b@x.com", false),
    ])
    func email(text: String, valid: Bool) {
        #expect(EmailSyntax.isValid(text) == valid)
    }

    @Test("Postcodes by country", arguments: [
        ("12345", "US", true), ("12345-6789", "us", true), ("123456789", "USA", true), ("1234", "US", false),
        ("100080", "CN", true), ("10008", "China", false), ("SW1A 1AA", "GB", true), ("m1 1ae", "UK", true),
        ("EC1A1BB", "GB", true), ("SW1A 1A", "GB", false), ("K1A 0B1", "CA", true), ("100-0001", "JP", true),
        ("AB12", "NL", true), ("AB", nil, false), ("ABCDEFGHIJK", "XX", false), ("12 34", nil, true), ("12_34", "NL", false),
    ] as [(String, String?, Bool)])
    func postcode(text: String, country: String?, valid: Bool) {
        #expect(PostcodeRules.standard.isValid(text, country: country) == valid)
    }

    @Test("Per-source quality groups attributes by provenance source")
    func sources() throws {
        let sources = QualityRules.standard.sourceQuality([Self.good, Self.bad, Self.stale], asOf: Self.asOf)
        #expect(sources.map(\.source) == ["crm", "web"])
        let crm = sources[0]
        #expect(crm.customerCount == 2)
        #expect(crm.attributeCount == 7)
        #expect(isClose(crm.completeness, 7.0 / 12.0))
        #expect(crm.accuracy == 1)
        #expect(isClose(crm.timeliness, 6.0 / 7.0))
        #expect(isClose(crm.score, 0.4 * 7.0 / 12.0 + 0.4 + 0.2 * 6.0 / 7.0))
        let web = sources[1]
        #expect(isClose(web.completeness, 5.0 / 6.0))
        #expect(isClose(web.accuracy, 0.25))
        #expect(isClose(web.score, 0.4 * 5.0 / 6.0 + 0.4 * 0.25 + 0.2 * 0.52))
    }

    @Test("Data-integration index is the importance-weighted mean of source scores")
    func integrationIndex() throws {
        #expect(isClose(try DataIntegrationIndex.value(scores: [0.8, 0.5], importances: [3, 1]), 0.725))
        #expect(try DataIntegrationIndex.value(scores: [0.8], importances: [0]) == nil)
        let sources = QualityRules.standard.sourceQuality([Self.good, Self.bad, Self.stale], asOf: Self.asOf)
        let index = try DataIntegrationIndex(importance: ["crm": 3, "web": 1])
        #expect(isClose(index.value(of: sources), (3 * sources[0].score + sources[1].score) / 4))
        #expect(isClose(DataIntegrationIndex.equalImportance.value(of: sources), (sources[0].score + sources[1].score) / 2))
    }

    @Test("The dataset report sums it all up")
    func report() throws {
        let index = try DataIntegrationIndex(importance: ["crm": 3, "web": 1])
        let report = QualityRules.standard.report(
            [Self.good, Self.bad, Self.stale], orders: Self.orders, asOf: Self.asOf, index: index)
        #expect(report.customerCount == 3)
        #expect(report.orderCount == 2)
        #expect(report.unmatchedOrderCount == 1)
        #expect(report.completeCustomerCount == 1)
        #expect(report.cleanCustomerCount == 1)
        #expect(isClose(report.averageCompleteness, (1 + 5.0 / 6.0 + 1.0 / 6.0) / 3))
        #expect(isClose(report.averageAccuracy, (1 + 0.2 + 1) / 3))
        #expect(isClose(report.averageTimeliness, (1 + 0.52 + 0) / 3))
        #expect(report.missingByField.map(\.field) == [.name, .birthDate, .country, .phone, .postcode])
        #expect(report.missingByField.map(\.count) == [2, 1, 1, 1, 1])
        #expect(report.count(of: .missingField) == 6)
        #expect(report.issuesByKind.first?.kind == .missingField)
        #expect(report.count(of: .staleData) == 1)
        #expect(report.issues.count == 11)
        #expect(isClose(report.integrationIndex, (3 * report.sources[0].score + report.sources[1].score) / 4))
        #expect(report.description.hasPrefix("Data quality at 2024-07-01: 3 customers, 2 orders (1 orders of unknown customers)"))
    }
}
