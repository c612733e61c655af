import CustomerModel
import PrecisionMarketingTesting
import Testing

@Suite("Synthetic profiles and dirty data")
struct DirtyDataTests {
    static let customers = 20_000
    static let data: SyntheticDataset? = try? SyntheticDataGenerator(configuration: .init(
        customers: customers, seed: 42, includesInteractions: false)).generate()

    @Test func sharesMatchTheConfiguration() throws {
        let data = try #require(Self.data)
        let n = Double(Self.customers)
        let manifest = data.dirtyData
        // Standard errors at n = 20,000: 0.15%, 0.10%, 0.07%; tolerances are about four of them.
        #expect(isApproximatelyEqual(Double(manifest.missingFields.count) / n, 0.05, absoluteTolerance: 0.006))
        #expect(isApproximatelyEqual(Double(manifest.malformedEmails.count) / n, 0.02, absoluteTolerance: 0.004))
        #expect(isApproximatelyEqual(Double(manifest.duplicates.count) / n, 0.01, absoluteTolerance: 0.003))
        #expect(manifest.dirtyCustomers.count == manifest.missingFields.count + manifest.malformedEmails.count + manifest.duplicates.count)
    }

    @Test func manifestDescribesTheProfiles() throws {
        let data = try #require(Self.data)
        let byID = Dictionary(uniqueKeysWithValues: data.profiles.map { ($0.id, $0) })
        for (id, fields) in data.dirtyData.missingFields {
            let profile = try #require(byID[id])
            #expect((1...3).contains(fields.count))
            for field in fields { #expect(profile[field] == nil) }
        }
        for id in data.dirtyData.malformedEmails {
            let email = try #require(byID[id]?.email)
            #expect(!Self.isWellFormed(email), "\(email)")
        }
        for (duplicate, original) in data.dirtyData.duplicates {
            let copy = try #require(byID[duplicate]?.email)
            let source = try #require(byID[original]?.email)
            #expect(copy != source && copy.lowercased() == source.lowercased())
            #expect(byID[duplicate]?.name == byID[original]?.name)
            #expect(byID[duplicate]?.postcode == byID[original]?.postcode)
            #expect(!data.dirtyData.dirtyCustomers.contains(original))
        }
    }

    @Test func cleanProfilesAreCompleteAndUnique() throws {
        let data = try #require(Self.data)
        let dirty = data.dirtyData.dirtyCustomers
        var emails = Set<String>()
        for profile in data.profiles where !dirty.contains(profile.id) {
            for field in [ProfileField.name, .gender, .birthDate, .email, .phone, .country, .region, .postcode,
                          .incomeLevel, .educationLevel, .interests, .preferredChannel] {
                #expect(profile[field] != nil, "\(profile.id) lacks \(field)")
            }
            let email = try #require(profile.email)
            #expect(Self.isWellFormed(email))
            #expect(emails.insert(email.lowercased()).inserted)
            let age = try #require(profile.age(on: data.configuration.end))
            #expect((18...81).contains(age))
        }
    }

    @Test func provenanceIsVariedAndInThePeriod() throws {
        let data = try #require(Self.data)
        let start = data.configuration.start.startUTC
        let end = data.configuration.end.adding(days: 1).startUTC
        var methods = Set<Provenance.Method>()
        var ownerships = Set<Provenance.Ownership>()
        var channels = Set<Provenance.CollectionChannel>()
        for profile in data.profiles.prefix(2000) {
            for attribute in profile.attributes.values {
                methods.insert(attribute.provenance.method)
                ownerships.insert(attribute.provenance.ownership)
                channels.insert(attribute.provenance.channel)
                #expect(attribute.provenance.observedAt >= start && attribute.provenance.observedAt < end)
            }
        }
        #expect(methods.count >= 8)
        #expect(ownerships == Set(Provenance.Ownership.allCases))
        #expect(channels == Set(Provenance.CollectionChannel.allCases))
    }

    @Test func noDirtDataWhenSharesAreZero() throws {
        let data = try SyntheticDataGenerator(configuration: .init(
            customers: 500, seed: 1, dirtyData: .none, includesInteractions: false)).generate()
        #expect(data.dirtyData == DirtyDataManifest())
    }

    static func isWellFormed(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !email.contains(" ")
    }
}
