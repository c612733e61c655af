import CustomerModel

/// The columnar facts of a ``SegmentPopulation`` bound to one program: every name slot of
/// the program resolved once to a column (attributes and tags are gathered into columns here,
/// so evaluation does no hashing).
struct PopulationFacts: CustomerFacts, Sendable {
    let population: SegmentPopulation
    let asOfDay: Int32
    let browseKind: Int32
    let minorUnitsPerUnit: Double
    let attributeColumns: [[AttributeValue?]]
    let birthDays: [Int32]
    let tagColumns: [[Bool]]
    let scoreColumns: [[Double]]
    let consentColumns: [[Bool]]
    let kindCodes: [Int32]
    let categoryCodes: [Int32]

    /// Binds `program` to `population`.
    /// - Throws: `.unknownScore` for a score the population does not have; `.missingData`
    ///   when the program reads categories or events and the population has none.
    /// - Complexity: O(customers) per attribute and tag the program names.
    init(program: SegmentProgram, population: SegmentPopulation) throws(SegmentDefinitionError) {
        self.population = population
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
        var scores: [[Double]] = []
        for (slot, name) in program.scores.enumerated() {
            guard let column = population.scoreColumns[name] else {
                let known = population.scoreNames.joined(separator: ", ")
                throw SegmentDefinitionError(.unknownScore, at: program.scorePaths[slot],
                    "no score '\(name)' in the population; it has: \(known.isEmpty ? "none" : known)")
            }
            scores.append(column)
        }
        scoreColumns = scores
        let profiles = population.profiles
        attributeColumns = program.fields.map { field in
            profiles.isEmpty ? [] : profiles.map { $0?[field] }
        }
        birthDays = profiles.map { $0?.birthDate?.dayNumber ?? Int32.min }
        tagColumns = program.tags.map { tag in profiles.isEmpty ? [] : profiles.map { $0?.tags.contains(tag) ?? false } }
        consentColumns = program.purposes.map { population.consentColumns[$0] ?? [] }
        kindCodes = program.kinds.map { population.kindCodes[$0] ?? -1 }
        categoryCodes = program.categories.map { population.categoryCodes[$0] ?? -1 }
    }

    @inline(__always) func orderRange(_ c: Int) -> Range<Int> { population.customerOrderOffsets[c]..<population.customerOrderOffsets[c + 1] }
    @inline(__always) func orderDay(_ o: Int) -> Int32 { population.snapshot.orderDays[o] }
    @inline(__always) func orderTotal(_ o: Int) -> Int64 { population.orderTotals[o] }
    @inline(__always) func lineRange(_ c: Int) -> Range<Int> { population.customerLineOffsets[c]..<population.customerLineOffsets[c + 1] }
    @inline(__always) func lineDay(_ l: Int) -> Int32 { population.lineDays[l] }
    @inline(__always) func lineCategory(_ l: Int) -> Int32 { population.lineCategories[l] }
    @inline(__always) func lineAmount(_ l: Int) -> Int64 { population.lineAmounts[l] }
    @inline(__always) func eventRange(_ c: Int) -> Range<Int> { population.customerEventOffsets[c]..<population.customerEventOffsets[c + 1] }
    @inline(__always) func eventDay(_ e: Int) -> Int32 { population.eventDays[e] }
    @inline(__always) func eventKind(_ e: Int) -> Int32 { population.eventKinds[e] }
    @inline(__always) func eventCategory(_ e: Int) -> Int32 { population.eventCategories[e] }
    @inline(__always) func attribute(_ slot: Int, _ c: Int) -> AttributeValue? {
        let column = attributeColumns[slot]
        return c < column.count ? column[c] : nil
    }
    @inline(__always) func birthDay(_ c: Int) -> Int32? {
        guard c < birthDays.count, birthDays[c] != Int32.min else { return nil }
        return birthDays[c]
    }
    @inline(__always) func hasTag(_ slot: Int, _ c: Int) -> Bool {
        let column = tagColumns[slot]
        return c < column.count && column[c]
    }
    @inline(__always) func score(_ slot: Int, _ c: Int) -> Double { scoreColumns[slot][c] }
    @inline(__always) func rfmSegment(_ c: Int) -> UInt8 { population.rfmSegments[c] }
    @inline(__always) func valueTier(_ c: Int) -> UInt8 { population.valueTiers[c] }
    @inline(__always) func hasConsent(_ slot: Int, _ c: Int) -> Bool {
        let column = consentColumns[slot]
        return c < column.count && column[c]
    }
    @inline(__always) func kindCode(_ slot: Int) -> Int32 { kindCodes[slot] }
    @inline(__always) func categoryCode(_ slot: Int) -> Int32 { categoryCodes[slot] }
}
