#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing
import CustomerModel

private func day(_ iso: String) -> Date {
    (try? CalendarDay(iso: iso).startUTC) ?? Date(timeIntervalSince1970: 0)
}

private func prov(
    _ method: Provenance.Method = .purchase, _ observed: String = "2024-01-01",
    own: Provenance.Ownership = .own, source: SourceID? = nil
) -> Provenance {
    Provenance(ownership: own, method: method, channel: .online, observedAt: day(observed), source: source)
}

private func profile(
    _ id: String, created: String = "2023-01-01", _ fields: [(ProfileField, AttributeValue, Provenance)] = [],
    tags: Set<CustomerModel.Tag> = []
) -> CustomerProfile {
    var attributes: [ProfileField: Attributed<AttributeValue>] = [:]
    for (field, value, provenance) in fields { attributes[field] = Attributed(value, provenance: provenance) }
    return CustomerProfile(id: CustomerID(id), attributes: attributes, tags: tags, createdAt: day(created))
}

private struct FixedClock: TimeSource {
    let date: Date
    func now() -> Date { date }
}

/// A tiny deterministic generator for shuffling in tests.
private struct LinearCongruential: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state
    }
}

@Suite("Identity resolution")
struct IdentityResolutionTests {
    @Test("Keys are normalised", arguments: [
        (IdentityKey.email("  Ann@Example.COM "), "ann@example.com"),
        (IdentityKey.phone("+86 138-0013-8000"), "8613800138000"),
        (IdentityKey.phone("(0)20 7946 0000", rule: PhoneNormalization(defaultCountryCode: "+44")), "442079460000"),
        (IdentityKey.phone("0044 20 7946 0000", rule: PhoneNormalization(defaultCountryCode: "44")), "442079460000"),
        (IdentityKey.phone("138 0013 8000"), "13800138000"),
        (IdentityKey.device(" ABC-def "), "abc-def"),
        (IdentityKey.loyaltyID(" L-77 "), "L-77"),
    ])
    func normalisation(key: IdentityKey?, expected: String) throws {
        #expect(try #require(key).value == expected)
    }

    @Test("Empty values give no key", arguments: ["", "   ", "\n"])
    func emptyKeys(raw: String) {
        #expect(IdentityKey.email(raw) == nil)
        #expect(IdentityKey.phone(raw + "-()") == nil)
        #expect(IdentityKey.device(raw) == nil)
        #expect(IdentityKey.loyaltyID(raw) == nil)
        #expect(IdentityKey.external(system: "crm", id: raw) == nil)
    }

    @Test("Transitive merge: A~B by email, B~C by phone is one customer")
    func transitive() throws {
        let a = profile("a", [(.email, .string("Ann@x.com"), prov())])
        let b = profile("b", [(.email, .string(" ann@X.com"), prov()), (.phone, .string("+1 555 0100 200"), prov())])
        let c = profile("c", [(.phone, .string("1-555-0100-200"), prov())])
        let d = profile("d", [(.email, .string("dan@x.com"), prov())])
        let resolver = IdentityResolver()
        let groups = try resolver.groups(of: [d, c, b, a])
        #expect(groups.count == 1)
        #expect(groups[0].customerIDs == ["a", "b", "c"])
        #expect(groups[0].matchedKeys.map(\.description) == ["email ann@x.com (a, b)", "phone 15550100200 (b, c)"])
        let resolution = try resolver.resolve([a, b, c, d], at: day("2024-06-01"))
        #expect(resolution.profiles.map(\.id) == ["a", "d"])
        #expect(resolution.survivor(of: "c") == "a")
        #expect(resolution.survivorByMergedID == ["b": "a", "c": "a"])
    }

    @Test("No merge on empty or missing keys")
    func noMergeOnEmptyKeys() throws {
        let a = profile("a", [(.email, .string("  "), prov()), (.phone, .string(""), prov())])
        let b = profile("b", [(.email, .string(""), prov()), (.phone, .string("n/a"), prov())])
        let c = profile("c")
        let resolution = try IdentityResolver().resolve([a, b, c], at: day("2024-06-01"))
        #expect(resolution.merges.isEmpty)
        #expect(resolution.profiles == [a, b, c])
    }

    @Test("Duplicate customer ids are refused")
    func duplicateIDs() {
        #expect(throws: IdentityResolutionError.self) {
            try IdentityResolver().resolve([profile("a"), profile("a")], at: day("2024-01-01"))
        }
    }

    @Test("mostTrusted: the customer's own update beats a later purchase record")
    func mostTrusted() throws {
        let a = profile("a", [(.email, .string("a@x.com"), prov()), (.name, .string("A. Smith"), prov(.purchase, "2024-05-01"))])
        let b = profile("b", created: "2023-06-01", [
            (.email, .string("a@x.com"), prov()), (.name, .string("Ann Smith"), prov(.customerUpdate, "2024-02-01")),
        ])
        let merge = try #require(try IdentityResolver().resolve([b, a], at: day("2024-06-01")).merges.first)
        #expect(merge.survivorID == "a")
        #expect(merge.result.name == "Ann Smith")
        let decision = try #require(merge.decision(for: .name))
        #expect(decision.winner == "b")
        #expect(decision.basis == .moreTrusted)
        #expect(decision.reason == "method customerUpdate (rank 5) outranks a's purchase (rank 4)")
        #expect(merge.decision(for: .email)?.basis == .sameValue)
    }

    @Test("mostRecent, ownOverExternal and survivorFirst choose as documented")
    func otherRules() throws {
        let a = profile("a", [
            (.email, .string("a@x.com"), prov()),
            (.city, .string("Leeds"), prov(.customerUpdate, "2024-01-01")),
            (.region, .string("North"), prov(.purchase, "2023-01-01", own: .own)),
            (.occupation, .string("nurse"), prov(.survey, "2023-01-01")),
        ])
        let b = profile("b", created: "2023-02-01", [
            (.email, .string("a@x.com"), prov()),
            (.city, .string("York"), prov(.inference, "2024-03-01")),
            (.region, .string("South"), prov(.customerUpdate, "2024-01-01", own: .external)),
            (.occupation, .string("doctor"), prov(.customerUpdate, "2024-01-01")),
        ])
        let policy = SurvivorshipPolicy.standard
            .with(.city, .mostRecent).with(.region, .ownOverExternal).with(.occupation, .survivorFirst)
        let merge = try #require(try IdentityResolver(policy: policy).resolve([a, b], at: day("2024-06-01")).merges.first)
        #expect(merge.result.region == "North")
        #expect(merge.result[.city] == .string("York"))
        #expect(merge.decision(for: .city)?.basis == .moreRecent)
        #expect(merge.decision(for: .region)?.basis == .ownData)
        #expect(merge.result[.occupation] == .string("nurse"))
        #expect(merge.decision(for: .occupation)?.basis == .survivorValue)
    }

    @Test("Ties fall to the smaller source id, then the smaller customer id")
    func tieBreaks() throws {
        let a = profile("a", [(.email, .string("a@x.com"), prov()), (.city, .string("Leeds"), prov(source: "web")),
                              (.gender, .string("f"), prov())])
        let b = profile("b", [(.email, .string("a@x.com"), prov()), (.city, .string("York"), prov(source: "crm")),
                              (.gender, .string("female"), prov())])
        let merge = try #require(try IdentityResolver().resolve([a, b], at: day("2024-06-01")).merges.first)
        #expect(merge.result[.city] == .string("York"))
        #expect(merge.decision(for: .city)?.basis == .sourceTieBreak)
        #expect(merge.decision(for: .city)?.source == "crm")
        #expect(merge.result[.gender] == .string("f"))
        #expect(merge.decision(for: .gender)?.basis == .customerTieBreak)
    }

    @Test("Lists are united, most recent first; tags united; survivor is earliest created")
    func unionAndSurvivor() throws {
        let a = profile("z", created: "2022-01-01", [
            (.email, .string("a@x.com"), prov()), (.interests, .list(["golf", "tea"]), prov(.survey, "2024-01-01")),
        ], tags: ["vip"])
        let b = profile("b", created: "2023-01-01", [
            (.email, .string("a@x.com"), prov()), (.interests, .list(["tea", "wine"]), prov(.survey, "2024-02-01")),
        ], tags: ["new"])
        let merge = try #require(try IdentityResolver().resolve([a, b], at: day("2024-06-01")).merges.first)
        #expect(merge.survivorID == "z")
        #expect(merge.mergedIDs == ["b"])
        #expect(merge.result.interests == ["tea", "wine", "golf"])
        #expect(merge.decision(for: .interests)?.basis == .union)
        #expect(merge.result.tags == ["vip", "new"])
        #expect(merge.result.createdAt == day("2022-01-01"))
        #expect(merge.survivorReason == "z was created earliest (2022-01-01)")
    }

    @Test("The same input in any order gives the same resolution")
    func determinism() throws {
        var profiles: [CustomerProfile] = []
        for i in 0..<60 {
            let email = "p\(i % 17)@x.com"
            let phone = "555 01\(i % 11)"
            profiles.append(profile("c\(i)", created: i % 3 == 0 ? "2023-01-01" : "2023-05-01", [
                (.email, .string(email), prov(.purchase, i % 2 == 0 ? "2024-01-01" : "2024-02-01")),
                (i % 4 == 0 ? ProfileField.phone : ProfileField.city, .string(phone), prov(.survey, "2024-01-0\(1 + i % 5)", source: SourceID("s\(i % 3)"))),
            ]))
        }
        let resolver = IdentityResolver()
        let reference = try resolver.resolve(profiles, at: day("2024-06-01"))
        var generator = LinearCongruential(state: 42)
        for _ in 0..<5 {
            profiles.shuffle(using: &generator)
            #expect(try resolver.resolve(profiles, at: day("2024-06-01")) == reference)
        }
    }

    @Test("explain names the keys, the survivor and every decision")
    func explain() throws {
        let a = profile("a", [(.email, .string("a@x.com"), prov(.purchase, "2024-01-01", source: "shop"))])
        let b = profile("b", created: "2023-03-01", [(.email, .string("A@x.com"), prov(.customerUpdate, "2024-02-01", source: "app"))])
        var history = MergeHistory()
        let resolution = try IdentityResolver().resolve([a, b], at: day("2024-06-01"), history: &history)
        let text = try history.explain(try #require(resolution.merges.first).id)
        #expect(text == """
            merge-1 at 2024-06-01: merged b into a.
            Matched on email a@x.com (a, b).
            Survivor: a was created earliest (2023-01-01).
            email: from b (source app), rule mostTrusted: method customerUpdate (rank 5) outranks a's purchase (rank 4).
            """)
    }

    @Test("undo restores the original profiles exactly, once, in dependency order")
    func undo() async throws {
        let a = profile("a", [(.email, .string("a@x.com"), prov())], tags: ["x"])
        let b = profile("b", [(.email, .string("a@x.com"), prov()), (.phone, .string("555 0100"), prov())])
        let c = profile("c", [(.phone, .string("5550100"), prov())])
        let d = profile("d", created: "2024-01-01", [(.loyaltyID, .string("L1"), prov())])
        let sink = RecordingEventSink()
        var history = MergeHistory()
        let clock = FixedClock(date: day("2024-06-01"))
        let first = try await IdentityResolver().resolve([c, a, b], clock: clock, history: &history, sink: sink)
        #expect(first.merges.count == 1)
        var merged = try #require(first.profiles.first)
        merged.set(.loyaltyID, to: .string("L1"), provenance: prov())
        let second = try IdentityResolver().resolve([merged, d], at: day("2024-07-01"), history: &history)
        let secondID = try #require(second.merges.first).id
        #expect(secondID == "merge-2")
        #expect(throws: IdentityResolutionError.self) { try history.undo("merge-1", at: day("2024-08-01")) }
        #expect(try history.undo(secondID, at: day("2024-08-01")) == [merged, d])
        let restored = try await history.undo("merge-1", clock: FixedClock(date: day("2024-08-02")), sink: sink)
        #expect(restored == [a, b, c])
        #expect(history.record("merge-1")?.isActive == false)
        #expect(throws: IdentityResolutionError.self) { try history.undo("merge-1", at: day("2024-08-03")) }
        #expect(sink.events.map(\.kind) == [.customersMerged, .mergeUndone])
        #expect(sink.events[0].details == ["mergeID": "merge-1", "mergedIDs": "b,c", "matchedKeyKinds": "email,phone"])
        #expect(sink.events[1].occurredAt == day("2024-08-02"))
    }

    @Test("History round-trips through JSON")
    func codable() throws {
        let a = profile("a", [(.email, .string("a@x.com"), prov())])
        let b = profile("b", [(.email, .string("a@x.com"), prov())])
        var history = MergeHistory()
        _ = try IdentityResolver().resolve([a, b], at: day("2024-06-01"), history: &history)
        let data = try JSONEncoder().encode(history)
        #expect(try JSONDecoder().decode(MergeHistory.self, from: data) == history)
    }
}
