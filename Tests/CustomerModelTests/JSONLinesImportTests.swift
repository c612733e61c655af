#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Testing

/// A bad line, the field it should be blamed on, and the reason.
struct BadLine: Sendable, CustomStringConvertible {
    let json: String
    let field: String?
    let reason: RejectionReason
    init(_ json: String, _ field: String?, _ reason: RejectionReason) {
        self.json = json
        self.field = field
        self.reason = reason
    }
    var description: String { "\(reason) \(field ?? "-"): \(json)" }
}

@Suite("JSON Lines import")
struct JSONLinesImportTests {
    static let goodOrder = #"{"order_id":"o1","customer_id":"c1","date":"2024-03-01","currency":"EUR","lines":[{"item_id":"i1","quantity":2,"amount":"19.90"}]}"#
    static let goodOrder2 = #"{"order_id":"o9","customer_id":"c2","date":"2024-03-02","currency":"JPY","lines":[{"item_id":"i2","quantity":1,"amount":1500}]}"#
    static let goodEvent = #"{"event_id":"e1","customer_id":"c1","kind":"browse","occurred_at":"2024-03-01T10:15:00Z","channel":"web"}"#
    static let goodCustomer = #"{"customer_id":"c1","created_at":"2024-01-05T10:00:00Z","provenance":{"method":"customerUpdate","channel":"online","observed_at":"2024-01-05T10:00:00Z"},"attributes":{"email":"ann@example.com"}}"#

    static func bytes(_ lines: String...) -> [UInt8] { Array(lines.joined(separator: "\n").utf8) }

    // MARK: Orders

    @Test func readsOrdersWithExactAmounts() throws {
        let line3 = #"{"order_id":"o2","customer_id":"c1","date":"2024-03-05","currency":"usd","channel":"web","salesperson_id":"s7","lines":[{"item_id":"a","quantity":1,"amount":12.5,"category_id":"shoes"},{"item_id":"b","quantity":3,"amount":"0.10"}]}"#
        let result = JSONLinesOrderImporter().parse(Self.bytes(Self.goodOrder, Self.goodOrder2, line3))
        #expect(result.report == ImportReport(rowsRead: 3, rowsKept: 3))
        let orders = result.records
        try #require(orders.count == 3)
        #expect(orders[0].id == "o1" && orders[0].customerID == "c1")
        #expect(orders[0].date == (try CalendarDay(iso: "2024-03-01")))
        #expect(orders[0].lines == [OrderLine(itemID: "i1", quantity: 2, amount: Money(minorUnits: 1_990, currency: .eur))])
        #expect(orders[1].lines[0].amount == Money(minorUnits: 1_500, currency: .jpy))
        #expect(orders[2].lines.map(\.amount.minorUnits) == [1_250, 10])
        #expect(orders[2].lines[0].categoryID == "shoes")
        #expect(orders[2].channel == .web && orders[2].salesperson == "s7")
        #expect(try orders[2].total() == Money(minorUnits: 1_260, currency: .usd))
    }

    static let badOrders: [BadLine] = [
        BadLine(#"{"order_id":"o2","customer_id":"c1","date":"2024-03-01","currency":"EUR","lines":[{"item_id":"i","quantity":0,"amount":"1"}]}"#, "lines[0].quantity", .invalidQuantity),
        BadLine(#"{"order_id":"o2","customer_id":"c1","date":"2024-03-01","currency":"EUR","lines":[{"item_id":"i","quantity":-3,"amount":"1"}]}"#, "lines[0].quantity", .invalidQuantity),
        BadLine(#"{"order_id":"o2","customer_id":"c1","date":"2024-03-01","currency":"EUR","lines":[{"item_id":"i","quantity":2.5,"amount":"1"}]}"#, "lines[0].quantity", .invalidQuantity),
        BadLine(#"{"order_id":"o2","customer_id":"c1","date":"2024-03-01","currency":"EUR","lines":[{"item_id":"i","quantity":"2","amount":"1"}]}"#, "lines[0].quantity", .invalidQuantity),
        BadLine(#"{"order_id":"o2","customer_id":"c1","date":"2024-03-01","currency":"EUR","lines":[{"item_id":"i","quantity":1,"amount":"-1.00"}]}"#, "lines[0].amount", .negativeAmount),
        BadLine(#"{"order_id":"o2","customer_id":"c1","date":"2024-03-01","currency":"EUR","lines":[{"item_id":"i","quantity":1,"amount":-4}]}"#, "lines[0].amount", .negativeAmount),
        BadLine(#"{"order_id":"o2","customer_id":"c1","date":"2024-03-01","currency":"EUR","lines":[{"item_id":"i","quantity":1,"amount":"NaN"}]}"#, "lines[0].amount", .invalidAmount),
        BadLine(#"{"order_id":"o2","customer_id":"c1","date":"2024-03-01","currency":"EUR","lines":[{"item_id":"i","quantity":1,"amount":"inf"}]}"#, "lines[0].amount", .invalidAmount),
        BadLine(#"{"order_id":"o2","customer_id":"c1","date":"2024-03-01","currency":"EUR","lines":[{"item_id":"i","quantity":1,"amount":"1e3"}]}"#, "lines[0].amount", .invalidAmount),
        BadLine(#"{"order_id":"o2","customer_id":"c1","date":"2024-03-01","currency":"EUR","lines":[{"item_id":"i","quantity":1,"amount":true}]}"#, "lines[0].amount", .invalidAmount),
        BadLine(#"{"order_id":"o2","customer_id":"c1","date":"2024-03-01","currency":"EUR","lines":[{"item_id":"i","quantity":1,"amount":"1.234"}]}"#, "lines[0].amount", .tooManyDecimals),
        BadLine(#"{"order_id":"o2","customer_id":"c1","date":"2024-03-01","currency":"JPY","lines":[{"item_id":"i","quantity":1,"amount":"100.5"}]}"#, "lines[0].amount", .tooManyDecimals),
        BadLine(#"{"order_id":"o2","customer_id":"c1","date":"2024-03-01","currency":"EUR","lines":[{"item_id":"i","quantity":1,"amount":"99999999999999999999"}]}"#, "lines[0].amount", .amountOverflow),
        BadLine(#"{"order_id":"o2","customer_id":"c1","date":"2024-03-01","currency":"XYZ","lines":[{"item_id":"i","quantity":1,"amount":"1"}]}"#, "currency", .unknownCurrency),
        BadLine(#"{"order_id":"o2","customer_id":"c1","date":"2024-03-01","currency":"EUR","lines":[{"item_id":"i","quantity":1,"amount":"1","currency":"EURO"}]}"#, "lines[0].currency", .unknownCurrency),
        BadLine(#"{"order_id":"o2","customer_id":"c1","date":"2024-03-01","lines":[{"item_id":"i","quantity":1,"amount":"1"}]}"#, "currency", .missingField),
        BadLine(#"{"order_id":"o2","customer_id":"c1","date":"2024-03-01","currency":"EUR","lines":[{"item_id":"i","quantity":1,"amount":"1"},{"item_id":"j","quantity":1,"amount":"1","currency":"USD"}]}"#, "lines[1].currency", .invalidField),
        BadLine(#"{"order_id":"","customer_id":"c1","date":"2024-03-01","currency":"EUR","lines":[{"item_id":"i","quantity":1,"amount":"1"}]}"#, "order_id", .emptyID),
        BadLine(#"{"order_id":"o2","customer_id":"  ","date":"2024-03-01","currency":"EUR","lines":[{"item_id":"i","quantity":1,"amount":"1"}]}"#, "customer_id", .emptyID),
        BadLine(#"{"order_id":"o2","customer_id":"c1","date":"2024-03-01","currency":"EUR","lines":[{"item_id":"","quantity":1,"amount":"1"}]}"#, "lines[0].item_id", .emptyID),
        BadLine(#"{"order_id":"o2","date":"2024-03-01","currency":"EUR","lines":[{"item_id":"i","quantity":1,"amount":"1"}]}"#, "customer_id", .missingField),
        BadLine(#"{"order_id":"o2","customer_id":"c1","date":"2023-02-29","currency":"EUR","lines":[{"item_id":"i","quantity":1,"amount":"1"}]}"#, "date", .invalidDate),
        BadLine(#"{"order_id":"o2","customer_id":"c1","date":"01/03/2024","currency":"EUR","lines":[{"item_id":"i","quantity":1,"amount":"1"}]}"#, "date", .invalidDate),
        BadLine(#"{"order_id":"o2","customer_id":"c1","date":"1850-01-01","currency":"EUR","lines":[{"item_id":"i","quantity":1,"amount":"1"}]}"#, "date", .dateOutOfRange),
        BadLine(#"{"order_id":"o2","customer_id":"c1","date":"2024-03-01","currency":"EUR","lines":[]}"#, "lines", .invalidField),
        BadLine(#"{"order_id":"o2","customer_id":"c1","date":"2024-03-01","currency":"EUR"}"#, "lines", .missingField),
        BadLine(#"{"order_id":"o1","customer_id":"c1","date":"2024-03-01","currency":"EUR","lines":[{"item_id":"i","quantity":1,"amount":"1"}]}"#, "order_id", .duplicateRecord),
        BadLine(#"{"order_id":"o2","customer_id":"c1","date":"2024-03-01",#"#, nil, .malformedJSON),
        BadLine(#"["o2","c1"]"#, nil, .malformedJSON),
    ]

    @Test(arguments: badOrders)
    func rejectsBadOrderLineAndKeepsTheOthers(_ bad: BadLine) throws {
        let result = JSONLinesOrderImporter().parse(Self.bytes(Self.goodOrder, bad.json, Self.goodOrder2))
        #expect(result.records.map(\.id) == ["o1", "o9"])
        #expect(result.report.rowsRead == 3 && result.report.rowsKept == 2)
        let rejection = try #require(result.report.rejections.first)
        #expect(result.report.rejections.count == 1)
        #expect(rejection.line == 2)
        #expect(rejection.column == bad.field)
        #expect(rejection.reason == bad.reason)
        #expect(!rejection.message.isEmpty)
        #expect(result.report.rejectionsByReason == [bad.reason: 1])
    }

    @Test func defaultCurrencyAppliesWhenTheOrderNamesNone() throws {
        let line = #"{"order_id":"o2","customer_id":"c1","date":"2024-03-01","lines":[{"item_id":"i","quantity":1,"amount":"3.5"}]}"#
        let importer = JSONLinesOrderImporter(options: JSONLinesImportOptions(defaultCurrency: .gbp))
        let order = try #require(importer.parse(Array(line.utf8)).records.first)
        #expect(order.lines[0].amount == Money(minorUnits: 350, currency: .gbp))
    }

    @Test func handlesBOMCRLFAndBlankLinesWithTrueLineNumbers() throws {
        let bad = #"{"order_id":"o3","customer_id":"c1","date":"2024-13-01","currency":"EUR","lines":[{"item_id":"i","quantity":1,"amount":"1"}]}"#
        let text = "\u{FEFF}" + Self.goodOrder + "\r\n\r\n   \r\n" + bad + "\r\n" + Self.goodOrder2 + "\r\n"
        let result = JSONLinesOrderImporter().parse(Data(text.utf8))
        #expect(result.records.map(\.id) == ["o1", "o9"])
        #expect(result.report.rowsRead == 3)
        #expect(result.report.rejections.map(\.line) == [4])
        #expect(result.report.rejections.map(\.reason) == [.invalidDate])
    }

    @Test func rejectsInvalidUTF8() throws {
        var bytes = Array((Self.goodOrder + "\n").utf8)
        bytes += [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D, 0x0A]
        bytes += Array(Self.goodOrder2.utf8)
        let result = JSONLinesOrderImporter().parse(bytes)
        #expect(result.records.count == 2)
        #expect(result.report.rejections == [ImportRejection(line: 2, column: nil, reason: .invalidEncoding, message: "the line is not valid UTF-8")])
    }

    @Test func emptyInputGivesAnEmptyReport() {
        let result = JSONLinesOrderImporter().parse([UInt8]())
        #expect(result.records.isEmpty)
        #expect(result.report == ImportReport())
    }

    // MARK: Interaction events

    @Test func readsEventsWithDetailsAndProvenance() throws {
        let line = #"{"event_id":"e2","customer_id":"c1","kind":"appUse","occurred_at":"2024-03-01T12:30:15.5+02:00","channel":"app","details":{"path":["/home","/cart"],"dwell_seconds":42.5,"feature":"wishlist","item_id":"sku-1","rating":4,"campaign_id":"spring","response":"clicked"},"provenance":{"ownership":"own","method":"tracking","channel":"online","observed_at":"2024-03-01","source":"sdk"}}"#
        let result = JSONLinesInteractionImporter().parse(Self.bytes(Self.goodEvent, line))
        #expect(result.report == ImportReport(rowsRead: 2, rowsKept: 2))
        try #require(result.records.count == 2)
        #expect(result.records[0].occurredAt == Date(timeIntervalSince1970: 1_709_288_100))
        #expect(result.records[0].kind == .browse && result.records[0].channel == .web)
        let event = result.records[1]
        #expect(event.kind == .appUse)
        #expect(event.occurredAt == Date(timeIntervalSince1970: 1_709_289_015.5))
        #expect(event.details == InteractionDetails(path: ["/home", "/cart"], dwellSeconds: 42.5, itemID: "sku-1", feature: "wishlist",
                                                    rating: 4, campaignID: "spring", response: "clicked"))
        #expect(event.provenance == Provenance(method: .tracking, channel: .online, observedAt: Date(timeIntervalSince1970: 1_709_251_200), source: "sdk"))
    }

    static let badEvents: [BadLine] = [
        BadLine(#"{"event_id":"","customer_id":"c1","kind":"click","occurred_at":"2024-03-01T10:00:00Z","channel":"web"}"#, "event_id", .emptyID),
        BadLine(#"{"event_id":"e2","customer_id":"c1","kind":"","occurred_at":"2024-03-01T10:00:00Z","channel":"web"}"#, "kind", .invalidField),
        BadLine(#"{"event_id":"e2","customer_id":"c1","kind":"click","channel":"web"}"#, "occurred_at", .missingField),
        BadLine(#"{"event_id":"e2","customer_id":"c1","kind":"click","occurred_at":"2024-03-01T10:00:00","channel":"web"}"#, "occurred_at", .invalidDate),
        BadLine(#"{"event_id":"e2","customer_id":"c1","kind":"click","occurred_at":"2024-03-01T25:00:00Z","channel":"web"}"#, "occurred_at", .invalidDate),
        BadLine(#"{"event_id":"e2","customer_id":"c1","kind":"click","occurred_at":"2199-03-01T10:00:00Z","channel":"web"}"#, "occurred_at", .dateOutOfRange),
        BadLine(#"{"event_id":"e2","customer_id":"c1","kind":"click","occurred_at":"2024-03-01T10:00:00Z"}"#, "channel", .missingField),
        BadLine(#"{"event_id":"e2","customer_id":"c1","kind":"click","occurred_at":"2024-03-01T10:00:00Z","channel":"web","details":{"dwell_seconds":-1}}"#, "details.dwell_seconds", .invalidField),
        BadLine(#"{"event_id":"e2","customer_id":"c1","kind":"click","occurred_at":"2024-03-01T10:00:00Z","channel":"web","details":{"path":["/",3]}}"#, "details.path[1]", .invalidField),
        BadLine(#"{"event_id":"e2","customer_id":"c1","kind":"click","occurred_at":"2024-03-01T10:00:00Z","channel":"web","provenance":{"method":"tracking","channel":"web","observed_at":"2024-03-01"}}"#, "provenance.channel", .invalidField),
        BadLine(#"{"event_id":"e1","customer_id":"c1","kind":"click","occurred_at":"2024-03-01T10:00:00Z","channel":"web"}"#, "event_id", .duplicateRecord),
        BadLine(#"not json"#, nil, .malformedJSON),
    ]

    @Test(arguments: badEvents)
    func rejectsBadEventLineAndKeepsTheOthers(_ bad: BadLine) throws {
        let last = #"{"event_id":"e9","customer_id":"c2","kind":"like","occurred_at":"2024-03-02","channel":"weibo"}"#
        let result = JSONLinesInteractionImporter().parse(Self.bytes(Self.goodEvent, bad.json, last))
        #expect(result.records.map(\.id) == ["e1", "e9"])
        let rejection = try #require(result.report.rejections.first)
        #expect(result.report.rejections.count == 1)
        #expect((rejection.line, rejection.column, rejection.reason) == (2, bad.field, bad.reason))
    }

    // MARK: Customers

    @Test func readsCustomersWithPerAttributeProvenance() throws {
        let line = #"{"customer_id":"c2","lifecycle":"prospect","created_at":"2024-02-01T08:00:00Z","provenance":{"method":"survey","channel":"survey","observed_at":"2024-02-01T08:00:00Z","source":"spring-survey"},"attributes":{"birthDate":"1990-04-01","interests":["running","tea"],"vip":true,"score":7.5,"inquiryCost":{"amount":"12.50","currency":"EUR"},"incomeLevel":{"value":"high","provenance":{"ownership":"external","method":"thirdPartyProvider","channel":"offline","observed_at":"2024-03-01"}}},"tags":["runner"],"devices":[{"device_id":"d1","platform":"ios","model":"iPhone 15"}]}"#
        let result = JSONLinesCustomerImporter().parse(Self.bytes(Self.goodCustomer, line))
        #expect(result.report == ImportReport(rowsRead: 2, rowsKept: 2))
        try #require(result.records.count == 2)
        #expect(result.records[0].email == "ann@example.com")
        #expect(result.records[0].lifecycle == .customer)
        let profile = result.records[1]
        #expect(profile.lifecycle == .prospect)
        #expect(profile.birthDate == (try CalendarDay(iso: "1990-04-01")))
        #expect(profile[.birthDate] == .day(try CalendarDay(iso: "1990-04-01")))
        #expect(profile.interests == ["running", "tea"])
        #expect(profile["vip"] == .bool(true) && profile["score"] == .number(7.5))
        #expect(profile[.inquiryCost] == .money(Money(minorUnits: 1_250, currency: .eur)))
        #expect(profile.attributes[.birthDate]?.provenance.source == "spring-survey")
        let income = try #require(profile.attributes[.incomeLevel])
        #expect(income.value == .string("high"))
        #expect(income.provenance.ownership == .external && income.provenance.method == .thirdPartyProvider)
        #expect(profile.updatedAt == Date(timeIntervalSince1970: 1_709_251_200))  // the latest observation
        #expect(profile.tags == ["runner"])
        #expect(profile.devices.map(\.deviceID) == ["d1"])
        #expect(profile.devices.first?.provenance.method == .survey)
    }

    static let badCustomers: [BadLine] = [
        BadLine(#"{"customer_id":"","created_at":"2024-01-05T10:00:00Z"}"#, "customer_id", .emptyID),
        BadLine(#"{"customer_id":"c2"}"#, "created_at", .missingField),
        BadLine(#"{"customer_id":"c2","created_at":"yesterday"}"#, "created_at", .invalidDate),
        BadLine(#"{"customer_id":"c2","created_at":"2024-01-05T10:00:00Z","lifecycle":"lead"}"#, "lifecycle", .invalidField),
        BadLine(#"{"customer_id":"c2","created_at":"2024-01-05T10:00:00Z","attributes":{"email":"x@example.com"}}"#, "attributes.email", .missingField),
        BadLine(#"{"customer_id":"c2","created_at":"2024-01-05T10:00:00Z","attributes":{"email":{"value":"x@example.com","provenance":{"method":"survey","channel":"survey"}}}}"#, "attributes.email.provenance.observed_at", .missingField),
        BadLine(#"{"customer_id":"c2","created_at":"2024-01-05T10:00:00Z","provenance":{"method":"survey","channel":"survey","observed_at":"2024-01-05"},"attributes":{"birthDate":"1990-02-30"}}"#, "attributes.birthDate", .invalidDate),
        BadLine(#"{"customer_id":"c2","created_at":"2024-01-05T10:00:00Z","provenance":{"method":"survey","channel":"survey","observed_at":"2024-01-05"},"attributes":{"birthDate":"1066-10-14"}}"#, "attributes.birthDate", .dateOutOfRange),
        BadLine(#"{"customer_id":"c2","created_at":"2024-01-05T10:00:00Z","provenance":{"method":"survey","channel":"survey","observed_at":"2024-01-05"},"attributes":{"inquiryCost":{"amount":"1.5","currency":"ABC"}}}"#, "attributes.inquiryCost.currency", .unknownCurrency),
        BadLine(#"{"customer_id":"c2","created_at":"2024-01-05T10:00:00Z","provenance":{"method":"survey","channel":"survey","observed_at":"2024-01-05"},"attributes":{"inquiryCost":{"amount":"-2","currency":"EUR"}}}"#, "attributes.inquiryCost.amount", .negativeAmount),
        BadLine(#"{"customer_id":"c2","created_at":"2024-01-05T10:00:00Z","provenance":{"method":"survey","channel":"survey","observed_at":"2024-01-05"},"attributes":{"interests":["a",1]}}"#, "attributes.interests", .invalidField),
        BadLine(#"{"customer_id":"c2","created_at":"2024-01-05T10:00:00Z","tags":["ok",""]}"#, "tags[1]", .invalidField),
        BadLine(#"{"customer_id":"c1","created_at":"2024-01-05T10:00:00Z"}"#, "customer_id", .duplicateRecord),
        BadLine(#"42"#, nil, .malformedJSON),
    ]

    @Test(arguments: badCustomers)
    func rejectsBadCustomerLineAndKeepsTheOthers(_ bad: BadLine) throws {
        let last = #"{"customer_id":"c9","created_at":"2024-01-06"}"#
        let result = JSONLinesCustomerImporter().parse(Self.bytes(Self.goodCustomer, bad.json, last))
        #expect(result.records.map(\.id) == ["c1", "c9"])
        let rejection = try #require(result.report.rejections.first)
        #expect(result.report.rejections.count == 1)
        #expect((rejection.line, rejection.column, rejection.reason) == (2, bad.field, bad.reason))
    }

    // MARK: Timestamps and options

    @Test func timestampForms() {
        #expect(JSONLinesTimestamp.parse("2024-03-01") == Date(timeIntervalSince1970: 1_709_251_200))
        #expect(JSONLinesTimestamp.parse("2024-03-01T00:00Z") == Date(timeIntervalSince1970: 1_709_251_200))
        #expect(JSONLinesTimestamp.parse("2024-03-01 01:00:00+0100") == Date(timeIntervalSince1970: 1_709_251_200))
        #expect(JSONLinesTimestamp.parse("2024-02-29T23:00:00-01:00") == Date(timeIntervalSince1970: 1_709_251_200))
        #expect(JSONLinesTimestamp.parse("2024-03-01T00:00:00") == nil)
        #expect(JSONLinesTimestamp.parse("2024-03-01T00:00:00.Z") == nil)
        #expect(JSONLinesTimestamp.parse("2024-03-01T00:60:00Z") == nil)
        #expect(JSONLinesTimestamp.parse("2024-03-01Tfoo") == nil)
    }

    @Test func defaultAcceptedDaysAre1900Through2100() {
        let days = JSONLinesImportOptions.defaultAcceptedDays
        #expect(days.lowerBound.description == "1900-01-01")
        #expect(days.upperBound.description == "2100-12-31")
    }
}
