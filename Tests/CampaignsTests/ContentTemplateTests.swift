import Campaigns
import Foundation
import Testing

@Suite("Content templates")
struct ContentTemplateTests {
    static let context: TemplateValue = [
        "name": "Ada <Lovelace>",
        "tier": ["name": "gold", "discount": 15],
        "items": [["title": "Tea & cakes", "reason": "you bought cups"], ["title": "Scones", "reason": "popular in Leeds"]],
        "vip": true,
        "coupons": [],
    ]

    @Test func variablesSectionsAndEscapingPerChannel() throws {
        let template = try ContentTemplate(
            "Hi {{name}}! {{#vip}}As a {{tier.name}} member you get {{tier.discount}}% off.{{/vip}}\n"
                + "{{#items}}- {{title}} ({{reason}}; for {{name}})\n{{/items}}{{^coupons}}No coupons yet.{{/coupons}}{{! internal }}")
        let email = try template.render(Self.context, escaping: .forChannel(.email))
        #expect(email == "Hi Ada &lt;Lovelace&gt;! As a gold member you get 15% off.\n"
            + "- Tea &amp; cakes (you bought cups; for Ada &lt;Lovelace&gt;)\n- Scones (popular in Leeds; for Ada &lt;Lovelace&gt;)\nNo coupons yet.")
        let sms = try template.render(Self.context, escaping: .forChannel(.sms))
        #expect(sms.hasPrefix("Hi Ada <Lovelace>! As a gold member"))
        #expect(template.fields == ["name", "vip", "tier.name", "tier.discount", "items", "title", "reason", "name", "coupons"])
        let raw = try ContentTemplate("{{{name}}}|{{& name}}").render(Self.context, escaping: .html)
        #expect(raw == "Ada <Lovelace>|Ada <Lovelace>")
        let control = try ContentTemplate("{{x}}").render(["x": "a\u{1B}[31mb\nc"], escaping: .plainText)
        #expect(control == "a[31mb\nc")
    }

    @Test func unknownFieldsNameThemselvesAndWhere() throws {
        let template = try ContentTemplate("Hello\n  {{nmae}}")
        #expect {
            try template.render(Self.context, escaping: .html)
        } throws: { error in
            let error = error as? CampaignError
            return error?.code == .unknownField && error?.message == "unknown field 'nmae' at line 2, column 3"
        }
        #expect(throws: CampaignError.self) { try ContentTemplate("{{tier.level}}").render(Self.context, escaping: .html) }
        #expect(throws: CampaignError.self) { try ContentTemplate("{{items}}").render(Self.context, escaping: .html) }
    }

    @Test(arguments: [
        ("Hi {{name", "unclosed tag (line 1, column 4)"),
        ("{{#a}}x", "section 'a' is never closed (line 1, column 1)"),
        ("{{#a}}x{{/b}}", "'{{/b}}' closes section 'a' (line 1, column 8)"),
        ("x{{/a}}", "'{{/a}}' closes no section (line 1, column 2)"),
        ("{{}}", "empty tag (line 1, column 1)"),
        ("{{a..b}}", "'a..b' is not a field name (line 1, column 1)"),
    ])
    func malformedTemplatesAreRefusedWithPositions(source: String, message: String) {
        #expect {
            try ContentTemplate(source)
        } throws: { error in
            (error as? CampaignError)?.message == message
        }
    }

    @Test func deepNestingIsRefusedAndTemplatesRoundTripThroughJSON() throws {
        let deep = String(repeating: "{{#a}}", count: 40) + String(repeating: "{{/a}}", count: 40)
        #expect(throws: CampaignError.self) { try ContentTemplate(deep) }
        let template = try ContentTemplate("Hi {{name}}")
        let decoded = try JSONDecoder().decode(ContentTemplate.self, from: JSONEncoder().encode(template))
        #expect(decoded == template)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ContentTemplate.self, from: Data("\"{{#a}}\"".utf8)) }
    }
}
