#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CustomerModel

/// Builds one profile per customer from its own stream, then applies the dirty-data plan.
struct ProfileSimulation {
    let configuration: SyntheticDataGenerator.Configuration
    let catalogue: ItemCatalogue
    private(set) var profiles: [CustomerProfile] = []
    private(set) var manifest = DirtyDataManifest()
    private var cleanIndices: [Int] = []

    private static let placeWeights = try? WeightedChoice(weights: ProfileVocabulary.places.map(\.weight))
    private static let dirtyFieldChoices: [ProfileField] = [.email, .phone, .birthDate, .postcode, .name]

    init(configuration: SyntheticDataGenerator.Configuration, catalogue: ItemCatalogue) {
        self.configuration = configuration
        self.catalogue = catalogue
    }

    mutating func run(traits: [SyntheticCustomerTraits]) {
        profiles.reserveCapacity(traits.count)
        let shares = configuration.dirtyData
        for (index, customer) in traits.enumerated() {
            var rng = SeededGenerator(seed: configuration.seed, stream: StreamKind.profile(index))
            let dirt = UniformDistribution.unit(using: &rng)
            var profile = makeProfile(index, customer, using: &rng)
            if dirt < shares.missingFields {
                removeFields(&profile, using: &rng)
            } else if dirt < shares.missingFields + shares.malformedEmail {
                malformEmail(&profile, using: &rng)
            } else if dirt < shares.missingFields + shares.malformedEmail + shares.duplicateIdentity, !cleanIndices.isEmpty {
                let original = cleanIndices[UniformDistribution.integer(below: cleanIndices.count, using: &rng)]
                duplicate(&profile, of: profiles[original], using: &rng)
            } else {
                cleanIndices.append(index)
            }
            profiles.append(profile)
        }
    }

    private func makeProfile(_ index: Int, _ traits: SyntheticCustomerTraits, using rng: inout SeededGenerator) -> CustomerProfile {
        let vocabulary = ProfileVocabulary.self
        let firstDay = traits.firstPurchase
        let createdDay = Swift.max(configuration.start, firstDay.adding(days: -UniformDistribution.integer(below: 90, using: &rng)))
        let createdAt = createdDay.startUTC.addingTimeInterval(Double(UniformDistribution.integer(below: 86_400, using: &rng)))
        var profile = CustomerProfile(id: traits.customerID, createdAt: createdAt)
        profile.attributes.reserveCapacity(16)

        let gender = pick(vocabulary.genders, vocabulary.genderWeights, using: &rng)
        let givenNames = gender == "male" ? vocabulary.maleNames
            : gender == "female" ? vocabulary.femaleNames
            : (UniformDistribution.bernoulli(0.5, using: &rng) ? vocabulary.maleNames : vocabulary.femaleNames)
        let given = givenNames[UniformDistribution.integer(below: givenNames.count, using: &rng)]
        let family = vocabulary.lastNames[UniformDistribution.integer(below: vocabulary.lastNames.count, using: &rng)]
        let placeIndex = Self.placeWeights?.sample(using: &rng) ?? 0
        let place = vocabulary.places[placeIndex]
        let age = 18 + Int((62 * BetaSample.draw(2, 3.5, using: &rng)).rounded(.down))
        let birthMonth = 1 + UniformDistribution.integer(below: 12, using: &rng)
        let birthDay = 1 + UniformDistribution.integer(below: 28, using: &rng)
        // Born in the year before `end.year − age`: `age` or `age + 1` years old at the end.
        let birth = (try? CalendarDay(year: configuration.end.components.year - age - 1, month: birthMonth, day: birthDay))
            ?? configuration.end.adding(days: -(age + 1) * 366)
        let domain = vocabulary.emailDomains[UniformDistribution.integer(below: vocabulary.emailDomains.count, using: &rng)]
        let email = "\(given.lowercased()).\(family.lowercased())\(index + 1)@\(domain)"

        let own = { (method: Provenance.Method, channel: Provenance.CollectionChannel, rng: inout SeededGenerator) in
            self.provenance(.own, method, channel, from: createdDay, using: &rng)
        }
        profile.set(.name, to: .string("\(given) \(family)"), provenance: own(.customerUpdate, .online, &rng))
        profile.set(.gender, to: .string(gender), provenance: own(randomOf([.customerUpdate, .survey], &rng), .online, &rng))
        profile.set(.birthDate, to: .day(birth), provenance: own(randomOf([.customerUpdate, .warrantyCard, .sweepstake], &rng), .offline, &rng))
        profile.set(.email, to: .string(email), provenance: own(randomOf([.customerUpdate, .coupon, .purchase], &rng), .online, &rng))
        profile.set(.phone, to: .string(phoneNumber(place.phonePrefix, using: &rng)), provenance: own(.purchase, randomOf([.online, .offline], &rng), &rng))
        profile.set(.country, to: .string(place.country), provenance: own(.purchase, .online, &rng))
        profile.set(.region, to: .string(place.region), provenance: own(.purchase, .online, &rng))
        profile.set(.city, to: .string(place.city), provenance: own(.purchase, .online, &rng))
        profile.set(.postcode, to: .string(postcode(place.postcode, using: &rng)), provenance: own(randomOf([.purchase, .warrantyCard], &rng), .offline, &rng))
        let incomeIsExternal = UniformDistribution.bernoulli(0.3, using: &rng)
        profile.set(.incomeLevel, to: .string(pick(vocabulary.incomeLevels, vocabulary.incomeWeights, using: &rng)),
                    provenance: incomeIsExternal ? provenance(.external, .thirdPartyProvider, .online, from: createdDay, using: &rng)
                        : own(.survey, .survey, &rng))
        profile.set(.educationLevel, to: .string(pick(vocabulary.educationLevels, vocabulary.educationWeights, using: &rng)),
                    provenance: own(.survey, .survey, &rng))
        profile.set(.occupation, to: .string(vocabulary.occupations[UniformDistribution.integer(below: vocabulary.occupations.count, using: &rng)]),
                    provenance: own(randomOf([.survey, .offlineEvent], &rng), randomOf([.survey, .offline], &rng), &rng))
        var interests = [catalogue.categoryNames[traits.favouriteIndices.0]]
        if traits.favouriteIndices.1 != traits.favouriteIndices.0 { interests.append(catalogue.categoryNames[traits.favouriteIndices.1]) }
        if UniformDistribution.bernoulli(0.5, using: &rng) {
            let extra = catalogue.categoryNames[UniformDistribution.integer(below: catalogue.categoryNames.count, using: &rng)]
            if !interests.contains(extra) { interests.append(extra) }
        }
        profile.set(.interests, to: .list(interests), provenance: own(randomOf([.survey, .inference, .socialPlatform], &rng), .online, &rng))
        profile.set(.preferredCategories, to: .list(traits.favouriteCategories.map(\.rawValue)), provenance: own(.inference, .online, &rng))
        let contact = pick(vocabulary.contactChannels, vocabulary.contactChannelWeights, using: &rng)
        profile.set(.preferredChannel, to: .string(traits.usesApp && contact == "sms" ? "appPush" : contact),
                    provenance: own(.customerUpdate, .online, &rng))
        if UniformDistribution.bernoulli(0.5, using: &rng) {
            profile.set(.loyaltyID, to: .string(IdentifierFormat.make("L", index + 1, width: 8)), provenance: own(.customerUpdate, .offline, &rng))
        }
        if traits.usesApp {
            let platform = UniformDistribution.bernoulli(0.55, using: &rng) ? "android" : "ios"
            let seen = own(.tracking, .online, &rng)
            profile.devices = [DeviceInfo(
                deviceID: IdentifierFormat.make("D", index + 1, width: 8), platform: platform,
                lastSeen: seen.observedAt, provenance: seen)]
        }
        return profile
    }

    private func provenance(
        _ ownership: Provenance.Ownership, _ method: Provenance.Method, _ channel: Provenance.CollectionChannel,
        from day: CalendarDay, using rng: inout SeededGenerator
    ) -> Provenance {
        let span = day.days(to: configuration.end) + 1
        let observed = day.adding(days: UniformDistribution.integer(below: span, using: &rng)).startUTC
            .addingTimeInterval(Double(UniformDistribution.integer(below: 86_400, using: &rng)))
        let source: SourceID = ownership == .external ? "partner-feed" : (channel == .offline ? "store-pos" : "web-shop")
        return Provenance(ownership: ownership, method: method, channel: channel, observedAt: observed, source: source)
    }

    private mutating func removeFields(_ profile: inout CustomerProfile, using rng: inout SeededGenerator) {
        var fields = Self.dirtyFieldChoices
        UniformDistribution.shuffle(&fields, using: &rng)
        let removed = Array(fields.prefix(1 + UniformDistribution.integer(below: 3, using: &rng))).sorted()
        for field in removed { profile.attributes[field] = nil }
        manifest.missingFields[profile.id] = removed
    }

    private mutating func malformEmail(_ profile: inout CustomerProfile, using rng: inout SeededGenerator) {
        guard let email = profile.email, let at = email.firstIndex(of: "@") else { return }
        let local = email[..<at]
        let domain = email[email.index(after: at)...]
        let variants = [
            "\(local).\(domain)",  // no @
            "\(local)@@\(domain)",  // two @
            "\(local)@\(domain.split(separator: ".").first ?? domain)",  // no dot in the domain
            "\(local) @\(domain)",  // a space
            "\(local)@",  // no domain
        ]
        let malformed = variants[UniformDistribution.integer(below: variants.count, using: &rng)]
        if let provenance = profile.attributes[.email]?.provenance {
            profile.attributes[.email] = Attributed(.string(malformed), provenance: provenance)
        }
        manifest.malformedEmails.insert(profile.id)
    }

    private mutating func duplicate(_ profile: inout CustomerProfile, of original: CustomerProfile, using rng: inout SeededGenerator) {
        for field in [ProfileField.name, .postcode, .country, .region, .city] {
            if let value = original.attributes[field] { profile.attributes[field] = value }
        }
        if let email = original.attributes[.email], let text = email.value.stringValue {
            let recased = UniformDistribution.bernoulli(0.5, using: &rng) ? text.uppercased() : capitalisedParts(text)
            profile.attributes[.email] = Attributed(.string(recased), provenance: email.provenance)
        }
        if let phone = original.attributes[.phone], let text = phone.value.stringValue {
            let digits = text.filter(\.isNumber)
            profile.attributes[.phone] = Attributed(.string("+" + digits), provenance: phone.provenance)
        }
        manifest.duplicates[profile.id] = original.id
    }

    private func capitalisedParts(_ email: String) -> String {
        var result = ""
        var capitaliseNext = true
        for character in email {
            result.append(capitaliseNext ? Character(character.uppercased()) : character)
            capitaliseNext = character == "." || character == "@"
        }
        return result == email ? email.uppercased() : result
    }

    private func phoneNumber(_ prefix: String, using rng: inout SeededGenerator) -> String {
        let area = 200 + UniformDistribution.integer(below: 800, using: &rng)
        let exchange = 200 + UniformDistribution.integer(below: 800, using: &rng)
        let line = UniformDistribution.integer(below: 10_000, using: &rng)
        return "\(prefix) \(area) \(exchange) \(IdentifierFormat.make("", line, width: 4))"
    }

    private func postcode(_ format: ProfileVocabulary.Postcode, using rng: inout SeededGenerator) -> String {
        func letter(_ rng: inout SeededGenerator) -> Character {
            Character(Unicode.Scalar(UInt8(65 + UniformDistribution.integer(below: 26, using: &rng))))
        }
        func digit(_ rng: inout SeededGenerator) -> String { String(UniformDistribution.integer(below: 10, using: &rng)) }
        switch format {
        case .digits(let width, let base):
            return IdentifierFormat.make("", base + UniformDistribution.integer(below: 900, using: &rng), width: width)
        case .canadian:
            return "M\(digit(&rng))\(letter(&rng)) \(digit(&rng))\(letter(&rng))\(digit(&rng))"
        case .british:
            return "SW\(1 + UniformDistribution.integer(below: 20, using: &rng)) \(digit(&rng))\(letter(&rng))\(letter(&rng))"
        case .japanese:
            return "1\(IdentifierFormat.make("", UniformDistribution.integer(below: 100, using: &rng), width: 2))-\(IdentifierFormat.make("", UniformDistribution.integer(below: 10_000, using: &rng), width: 4))"
        }
    }

    private static var tables: [[Double]: [Double]] {
        let vocabulary = ProfileVocabulary.self
        let all = [vocabulary.genderWeights, vocabulary.incomeWeights, vocabulary.educationWeights, vocabulary.contactChannelWeights]
        return Dictionary(all.map { ($0, CatalogueSampler.cumulative($0)) }, uniquingKeysWith: { a, _ in a })
    }
    private static let cumulativeTables = tables

    private func pick(_ values: [String], _ weights: [Double], using rng: inout SeededGenerator) -> String {
        let table = Self.cumulativeTables[weights] ?? CatalogueSampler.cumulative(weights)
        return values[CatalogueSampler.search(table, UniformDistribution.unit(using: &rng))]
    }

    private func randomOf<Value>(_ values: [Value], _ rng: inout SeededGenerator) -> Value {
        values[UniformDistribution.integer(below: values.count, using: &rng)]
    }
}

/// A Beta sample without constructing (and validating) a distribution per call.
enum BetaSample {
    static func draw(_ a: Double, _ b: Double, using rng: inout SeededGenerator) -> Double {
        let x = GammaDistribution.standard(shape: a, using: &rng)
        let y = GammaDistribution.standard(shape: b, using: &rng)
        return x + y > 0 ? x / (x + y) : 0.5
    }
}
