import CustomerModel

/// The columnar facts of a ``SegmentPopulation`` bound to one program: every name slot of
/// the program resolved once to a column (attributes and tags are gathered into columns here,
/// so evaluation does no hashing).
struct PopulationFacts: CustomerFacts, Sendable {
    // The population's columns, held directly so the hot loop reaches them in one step.
    let customerOrderOffsets: [Int]
    let orderDays: [Int32]
    let orderTotals: [Int64]
    let customerLineOffsets: [Int]
    let lineDays: [Int32]
    let lineCategories: [Int32]
    let lineAmounts: [Int64]
    let customerEventOffsets: [Int]
    let eventDays: [Int32]
    let eventKinds: [Int32]
    let eventCategories: [Int32]
    let rfmSegments: [UInt8]
    let valueTiers: [UInt8]
    let asOfDay: Int32
    let browseKind: Int32
    let minorUnitsPerUnit: Double
    /// Customers; the named columns below are flattened slot-major: slot s, customer c at `s * n + c`.
    let n: Int
    let attributeValues: [AttributeValue?]
    let birthDays: [Int32]
    let tagValues: [Bool]
    let scoreValues: [Double]
    let consentValues: [Bool]
    let kindCodes: [Int32]
    let categoryCodes: [Int32]

    /// Binds `program` to `population`.
    /// - Throws: `.unknownScore` for a score the population does not have; `.missingData`
    ///   when the program reads categories or events and the population has none.
    /// - Complexity: O(customers) per attribute and tag the program names.
    init(program: SegmentProgram, population: SegmentPopulation) throws(SegmentDefinitionError) {
        customerOrderOffsets = population.customerOrderOffsets
        orderDays = population.snapshot.orderDays
        orderTotals = population.orderTotals
        customerLineOffsets = population.customerLineOffsets
        lineDays = population.lineDays
        lineCategories = population.lineCategories
        lineAmounts = population.lineAmounts
        customerEventOffsets = population.customerEventOffsets
        eventDays = population.eventDays
        eventKinds = population.eventKinds
        eventCategories = population.eventCategories
        rfmSegments = population.rfmSegments
        valueTiers = population.valueTiers
        asOfDay = population.asOf.dayNumber
        browseKind = population.kindCodes[.browse] ?? -1
        minorUnitsPerUnit = Double(population.currency.minorUnitsPerMajor)
        if program.usesCategories, !population.hasCategories {
            throw SegmentDefinitionError(.missingData, at: program.categoryPath,
                "the definition asks for a category but the population has no item categories")
        }
        if program.usesEvents, !population.hasInteractions {
            throw SegmentDefinitionError(.missingData, at: program.eventPath,
                "the definition asks about interaction events but the population has none")
        }
        let n = population.customerCount
        self.n = n
        var scores: [Double] = []
        scores.reserveCapacity(program.scores.count * n)
        for (slot, name) in program.scores.enumerated() {
            guard let column = population.scoreColumns[name] else {
                let known = population.scoreNames.joined(separator: ", ")
                throw SegmentDefinitionError(.unknownScore, at: program.scorePaths[slot],
                    "no score '\(name)' in the population; it has: \(known.isEmpty ? "none" : known)")
            }
            scores += column
        }
        scoreValues = scores
        let profiles = population.profiles
        var attributes: [AttributeValue?] = []
        var tags: [Bool] = []
        var consents: [Bool] = []
        for field in program.fields {
            attributes += profiles.isEmpty ? Array(repeating: nil, count: n) : profiles.map { $0?[field] }
        }
        for tag in program.tags {
            tags += profiles.isEmpty ? Array(repeating: false, count: n) : profiles.map { $0?.tags.contains(tag) ?? false }
        }
        for purpose in program.purposes {
            consents += population.consentColumns[purpose] ?? Array(repeating: false, count: n)
        }
        attributeValues = attributes
        tagValues = tags
        consentValues = consents
        birthDays = program.usesAge ? (profiles.isEmpty ? [] : profiles.map { $0?.birthDate?.dayNumber ?? Int32.min }) : []
        kindCodes = program.kinds.map { population.kindCodes[$0] ?? -1 }
        categoryCodes = program.categories.map { population.categoryCodes[$0] ?? -1 }
    }

    @inline(__always) func orderRange(_ c: Int) -> Range<Int> { customerOrderOffsets[c]..<customerOrderOffsets[c + 1] }
    @inline(__always) func orderDay(_ o: Int) -> Int32 { orderDays[o] }
    @inline(__always) func orderTotal(_ o: Int) -> Int64 { orderTotals[o] }
    @inline(__always) func lineRange(_ c: Int) -> Range<Int> { customerLineOffsets[c]..<customerLineOffsets[c + 1] }
    @inline(__always) func lineDay(_ l: Int) -> Int32 { lineDays[l] }
    @inline(__always) func lineCategory(_ l: Int) -> Int32 { lineCategories[l] }
    @inline(__always) func lineAmount(_ l: Int) -> Int64 { lineAmounts[l] }
    @inline(__always) func eventRange(_ c: Int) -> Range<Int> { customerEventOffsets[c]..<customerEventOffsets[c + 1] }
    @inline(__always) func eventDay(_ e: Int) -> Int32 { eventDays[e] }
    @inline(__always) func eventKind(_ e: Int) -> Int32 { eventKinds[e] }
    @inline(__always) func eventCategory(_ e: Int) -> Int32 { eventCategories[e] }
    @inline(__always) func attribute(_ slot: Int, _ c: Int) -> AttributeValue? { attributeValues[slot &* n &+ c] }
    @inline(__always) func birthDay(_ c: Int) -> Int32? {
        guard c < birthDays.count, birthDays[c] != Int32.min else { return nil }
        return birthDays[c]
    }
    @inline(__always) func hasTag(_ slot: Int, _ c: Int) -> Bool { tagValues[slot &* n &+ c] }
    @inline(__always) func score(_ slot: Int, _ c: Int) -> Double { scoreValues[slot &* n &+ c] }
    @inline(__always) func rfmSegment(_ c: Int) -> UInt8 { rfmSegments[c] }
    @inline(__always) func valueTier(_ c: Int) -> UInt8 { valueTiers[c] }
    @inline(__always) func hasConsent(_ slot: Int, _ c: Int) -> Bool { consentValues[slot &* n &+ c] }
    @inline(__always) func kindCode(_ slot: Int) -> Int32 { kindCodes[slot] }
    @inline(__always) func categoryCode(_ slot: Int) -> Int32 { categoryCodes[slot] }
}
