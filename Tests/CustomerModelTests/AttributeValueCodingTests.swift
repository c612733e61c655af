import CustomerModel
import Foundation
import Testing

@Suite("Attribute values round-trip through JSON")
struct AttributeValueCodingTests {
    @Test func everyKindDecodesAsItself() throws {
        let values: [AttributeValue] = [
            .string("2024-03-01"), .number(42.5), .bool(true), .day(try CalendarDay(iso: "2024-03-01")),
            .list(["tea", "cakes"]), .money(Money(minorUnits: 1_999, currency: .usd)),
        ]
        let data = try JSONEncoder().encode(values)
        #expect(try JSONDecoder().decode([AttributeValue].self, from: data) == values)
        // A day is written as an object, so a string that looks like a date stays a string.
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#"{"day":"2024-03-01"}"#))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(AttributeValue.self, from: Data(#"{"day":"2024-13-01"}"#.utf8)) }
    }
}
