import PrecisionMarketing
import PrecisionMarketingTesting

/// `precision demo [--customers N] [--seed S] [--format json|table]`: the whole loop on
/// built-in synthetic data through ``MarketingEngine``, no file needed.
///
/// 1. generate customers with profiles (some deliberately dirty or duplicated), orders and
///    consent decisions with ``SyntheticDataGenerator`` and the seed;
/// 2. ingest the orders as canonical transactions CSV bytes, the profiles and the consents
///    into the engine's in-memory stores;
/// 3. assess data quality; analyse: RFM with named segments, value tiers, over the customers who
///    did not object to profiling; resolve identities;
/// 4. fit BG/NBD + Gamma-Gamma for the top customers by 12-month CLV;
/// 5. size the ready-made segmentations (importance, loyalty ladder, case-study segments);
/// 6. recommend items to a few customers by item-item CF, with the bought items behind each;
///    run a social referral campaign (fission, top referrers, KOL candidates; social
///    influence feeds the value score);
/// 7. run a consent-gated campaign with a holdout, simulate responses with a known uplift,
///    measure the lift and feed the responses back (``DemoCampaign``).
///
/// Deterministic: the as-of day is the day after the generated period, never the system
/// clock, so the same options print the same output on every machine.
enum DemoCommand {
    static func run(_ arguments: inout CommandLineArguments) async throws {
        let customers = try arguments.int("customers", default: 10_000, in: 1...2_000_000)
        let seed = try seedOption(&arguments)
        let format = try arguments.format()
        try arguments.rejectUnknown()

        let summary = try await makeSummary(customers: customers, seed: seed)
        switch format {
        case .json: try summary.writeJSON()
        case .table: summary.writeTable()
        }
    }

    static func seedOption(_ arguments: inout CommandLineArguments) throws(UsageError) -> UInt64 {
        guard let text = arguments.string("seed") else { return 42 }
        guard let seed = UInt64(text) else {
            throw UsageError("--seed must be a whole number in 0...\(UInt64.max), not '\(text)'")
        }
        return seed
    }

    /// Runs every step and gathers what the demo prints.
    static func makeSummary(customers: Int, seed: UInt64) async throws -> DemoSummary {
        var progress = DemoProgress()
        let configuration = SyntheticDataGenerator.Configuration(
            customers: customers, seed: seed, includesProfiles: true, includesInteractions: false)
        let generator: SyntheticDataGenerator
        do {
            generator = try SyntheticDataGenerator(configuration: configuration)
        } catch {
            throw UsageError("demo: \(error.message)")
        }
        progress.step("generating \(customers) customers (seed \(seed))")
        let data = generator.generate()

        progress.step("writing \(data.orderLineCount) order lines as CSV")
        let csv = data.transactionsCSV()

        let asOf = configuration.end.adding(days: 1)
        let engine = try MarketingEngine(configuration: try DemoCampaign.configuration(currency: configuration.currency))
        progress.step("ingesting \(csv.count >> 10) KiB of CSV, profiles and consents")
        let ingest = try await engine.ingest(transactionsCSV: csv)
        _ = try await engine.ingest(profiles: data.profiles)
        try await engine.recordConsents(
            DemoCampaign.consents(for: data.profiles, at: configuration.start.startUTC, seed: seed), actor: "demo")
        guard let importReport = ingest.importReport else { throw UsageError("demo: the import gave no report") }
        progress.step("generating and ingesting a social referral campaign")
        let socialEvents = try DemoSummary.SocialDemo.generate(
            customers: data.customerIDs, seed: seed, start: configuration.end.adding(days: -60)
        ).filter { $0.occurredAt < asOf.startUTC }
        _ = try await engine.ingest(socialEvents: socialEvents)

        progress.step("assessing data quality")
        let quality = try await engine.assessQuality(asOf: asOf)
        progress.step("analysing: RFM, value tiers, segment population")
        let analysis: MarketingAnalysis
        do {
            analysis = try await engine.analyze(asOf: asOf)
        } catch {
            throw UsageError("demo: analysis failed: \(error)")
        }
        let snapshot = analysis.snapshot

        progress.step("resolving identities")
        let resolution: IdentityResolution
        do {
            resolution = try IdentityResolver().resolve(data.profiles, at: asOf.startUTC)
        } catch {
            throw UsageError("demo: identity resolution failed: \(error.message)")
        }

        progress.step("fitting BG/NBD and Gamma-Gamma, 12-month CLV")
        let lifetimeValue: DemoSummary.LifetimeValueSummary
        do {
            lifetimeValue = try .init(snapshot: snapshot, calibrationEnd: configuration.end)
        } catch {
            throw UsageError("demo: CLV failed: \(error.message)")
        }
        progress.step("ready-made segments")
        let schemes: [DemoSummary.SchemeSummary]
        do {
            schemes = try DemoSummary.SchemeSummary.evaluate(snapshot, asOf: asOf)
        } catch {
            throw UsageError("demo: segmentation failed: \(error)")
        }
        progress.step("recommendations")
        let recommendations: [DemoSummary.RecommendationSummary]
        do {
            recommendations = try DemoSummary.RecommendationSummary.evaluate(snapshot)
        } catch {
            throw UsageError("demo: recommendations failed: \(error)")
        }
        progress.step("social fission, influence and KOL candidates")
        let social: DemoSummary.SocialDemo
        do {
            social = try DemoSummary.SocialDemo(events: socialEvents, analysis: analysis)
        } catch {
            throw UsageError("demo: social analysis failed: \(error)")
        }
        let campaign: DemoSummary.CampaignSummary
        do {
            campaign = try await DemoCampaign.run(
                engine: engine, analysis: analysis, catalogue: data.catalogue.items, seed: seed, progress: &progress)
        } catch {
            throw UsageError("demo: campaign failed: \(error)")
        }
        progress.step("done")

        return DemoSummary(
            setup: .init(
                customers: customers, seed: seed, periodStart: configuration.start, periodEnd: configuration.end,
                currency: configuration.currency.code, catalogueItems: configuration.items),
            asOf: asOf,
            importReport: .init(
                csvBytes: csv.count, rowsRead: importReport.rowsRead, rowsKept: importReport.rowsKept,
                rowsRejected: importReport.rowsRejected, customers: snapshot.customerCount,
                orders: snapshot.orderCount, items: snapshot.itemCount),
            dataQuality: .init(quality),
            identityResolution: .init(resolution, profileCount: data.profiles.count, planted: data.dirtyData.duplicates),
            rfm: .init(analysis.rfm), valueTiers: .init(analysis.value), lifetimeValue: lifetimeValue, segmentSchemes: schemes,
            recommendations: recommendations, social: social, campaign: campaign)
    }
}

/// Step lines on standard error, with the elapsed time, only when it is a terminal (so
/// redirected output and logs stay clean). Timing is for people; it never reaches the output.
struct DemoProgress {
    private let enabled = StandardStreams.errorIsTerminal
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant

    init() { start = clock.now }

    mutating func step(_ text: String) {
        guard enabled else { return }
        let elapsed = start.duration(to: clock.now).components
        let milliseconds = elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000
        StandardStreams.error("[\(DemoNumber.fixed(Double(milliseconds) / 1000, decimals: 2)) s] \(text)")
    }
}

/// Fixed-point text for numbers, without Foundation's locale-dependent formatting.
enum DemoNumber {
    /// `value` rounded to `decimals` places: `fixed(12.345, decimals: 1)` is `"12.3"`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "n/a" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        guard abs(value * scale) < 9e18 else { return value.description }
        return DecimalParser.format(minorUnits: Int64((value * scale).rounded()), digits: decimals)
    }

    /// `value` rounded to `decimals` places, as a number for JSON.
    static func rounded(_ value: Double, decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return (value * scale).rounded() / scale
    }

    /// A share as a percentage with one decimal: `0.1234` is `"12.3%"`.
    static func percent(_ share: Double) -> String { fixed(share * 100, decimals: 1) + "%" }
}
