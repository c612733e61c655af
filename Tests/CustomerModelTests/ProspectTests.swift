#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel
import Testing

@Suite("Prospects, aggregate groups and sellers")
struct ProspectTests {
    static let created = Date(timeIntervalSince1970: 1_700_000_000)
    static let provenance = Provenance(method: .offlineEvent, channel: .offline, observedAt: created)

    static let sources: [ProspectSource] = [
        .existingList("fair-2024"), .referral(by: "c1"), .campaign("spring"), .event("seminar"),
        .socialMedia(.wechat), .searchEngine("bing: running shoes"), .other("walk-in"),
    ]

    @Test(arguments: sources)
    func sourceRoundTripsThroughJSON(_ source: ProspectSource) throws {
        let data = try JSONEncoder().encode(source)
        #expect(try JSONDecoder().decode(ProspectSource.self, from: data) == source)
    }

    @Test func sourceEncodesAsKindAndDetail() throws {
        let data = try JSONEncoder().encode(ProspectSource.referral(by: "c42"))
        let object = try JSONDecoder().decode([String: String].self, from: data)
        #expect(object == ["kind": "referral", "detail": "c42"])
        #expect(ProspectSource.referral(by: "c42").referrer == "c42")
        #expect(ProspectSource.event("expo").referrer == nil)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ProspectSource.self, from: Data(#"{"kind":"rumour","detail":"x"}"#.utf8))
        }
    }

    @Test func prospectConvertsIntoACustomerProfileWithInquiryData() throws {
        var prospect = Prospect(id: "p1", source: .referral(by: "c1"), inquirySource: "hotline",
                                inquiryCost: try Money(decimal: "12.50", currency: .eur), createdAt: Self.created)
        let changed = prospect.set(.name, to: .string("Lin"), provenance: Self.provenance)
        #expect(changed)
        #expect(!prospect.isConverted)
        let converted = prospect.converted(to: "c77")
        #expect(converted.isConverted)
        #expect(converted.convertedTo == "c77")
        let profile = converted.customerProfile(id: "c77", at: Self.created.addingTimeInterval(86_400))
        #expect(profile.id == "c77")
        #expect(profile.lifecycle == .customer)
        #expect(profile.name == "Lin")
        #expect(profile[.inquirySource] == .string("hotline"))
        #expect(profile[.inquiryCost] == .money(Money(minorUnits: 1_250, currency: .eur)))
        #expect(profile.attributes[.inquiryCost]?.provenance.observedAt == Self.created)
    }

    @Test func staleAttributeDoesNotOverwriteNewer() {
        var prospect = Prospect(id: "p1", source: .other("x"), createdAt: Self.created)
        let newer = Provenance(method: .survey, channel: .survey, observedAt: Self.created.addingTimeInterval(60))
        let first = prospect.set(.city, to: .string("Graz"), provenance: newer)
        let stale = prospect.set(.city, to: .string("Linz"), provenance: Self.provenance)
        #expect(first && !stale)
        #expect(prospect[.city] == .string("Graz"))
    }

    @Test func aggregateGroupAddsAndRemovesMembers() throws {
        var group = AggregateGroup(id: "g1", kind: .lifestyle, name: "Young parents", criteria: "has children under 5")
        let added = group.add(["a", "b", "a"] as [CustomerID])
        let addedAgain = group.add(["b", "c"] as [CustomerID])
        let removed = group.remove(["a", "zz"] as [CustomerID])
        #expect((added, addedAgain, removed) == (2, 1, 1))
        #expect(group.members == ["b", "c"])
        #expect(group.contains("c") && !group.contains("a"))
        let decoded = try JSONDecoder().decode(AggregateGroup.self, from: JSONEncoder().encode(group))
        #expect(decoded == group)
        #expect(AggregateGroup.Kind.allCases == [.affinity, .geographicPreference, .lifestyle, .businessBuyers])
    }

    @Test func sellerIsTrackedWithAttributes() throws {
        let seller = Seller(id: "s1", name: "North Motors", role: .dealer, region: "North",
                            attributes: [.phone: Attributed(.string("+44 20 7946 0000"), provenance: Self.provenance)])
        #expect(seller[.phone] == .string("+44 20 7946 0000"))
        #expect(seller.role == .dealer)
        #expect(try JSONDecoder().decode(Seller.self, from: JSONEncoder().encode(seller)) == seller)
    }
}
