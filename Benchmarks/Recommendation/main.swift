// Recommendation benchmarks: release build only
// (`swift run -c release recommendation-benchmarks [--repeat N] [--min-support S] [--rules] [--cf] [--personal] FILE...`).
// For each transactions CSV, best of N runs of each step on data in memory:
//   snapshot   CSV bytes to CustomerSnapshot (CustomerModel, all cores)
//   rules:     baskets (orders' distinct items), FP-growth, rule derivation
//   cf:        purchase matrix, K=50 neighbours, top-10 recommendations for every customer
//   personal:  with a synthetic catalogue (item k in category k mod 20): category affinity,
//              the fallback chain (CF, category affinity, overall; at most 3 per category) for
//              every customer, a new item's audience, content matching for every customer
// and the process's peak resident memory. The whole `precision rules` / `precision recommend`
// processes are timed by Benchmarks/compare-recommendation.sh.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PrecisionMarketing

func readFile(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    fseek(file, 0, SEEK_END)
    let size = ftell(file)
    fseek(file, 0, SEEK_SET)
    var bytes = [UInt8](repeating: 0, count: size)
    let read = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, size, file) }
    return read == size ? bytes : nil
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func peakResidentMiB() -> Double {
    guard let file = fopen("/proc/self/status", "r") else { return 0 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, 256, file) != nil {
        let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if text.hasPrefix("VmHWM:") { return (Double(text.filter(\.isNumber)) ?? 0) / 1024 }
    }
    return 0
}

func format(_ value: Double) -> String {
    let milli = Int((value * 1000).rounded())
    let text = String(milli)
    return text.count > 3 ? "\(text.dropLast(3)).\(text.suffix(3))" : "0.\(String(repeating: "0", count: 3 - text.count))\(text)"
}

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(index...(index + 1)) }
    return arguments[index + 1]
}
@MainActor func flag(_ name: String) -> Bool {
    guard let index = arguments.firstIndex(of: name) else { return false }
    arguments.remove(at: index)
    return true
}
let repetitions = option("--repeat").flatMap(Int.init) ?? 3
let supports = (option("--min-support") ?? "0.001,0.005").split(separator: ",").compactMap { Double($0) }
var runRules = flag("--rules")
var runCF = flag("--cf")
let runPersonal = flag("--personal")
if !runRules && !runCF && !runPersonal { (runRules, runCF) = (true, true) }

let clock = ContinuousClock()
func time<T>(_ body: () throws -> T) rethrows -> (Double, T) {
    let start = clock.now
    let value = try body()
    return (seconds(clock.now - start), value)
}

for path in arguments {
    guard let bytes = readFile(path) else {
        print("cannot read \(path)")
        exit(1)
    }
    print("== \(path)")
    var bestSnapshot = Double.infinity
    var snapshot: CustomerSnapshot?
    for _ in 0..<repetitions {
        let (t, built) = try time { try SnapshotBuilder.build(csv: bytes) }
        bestSnapshot = min(bestSnapshot, t)
        snapshot = built.snapshot
    }
    guard let snapshot else { continue }
    print("snapshot \(format(bestSnapshot)) s (\(snapshot.customerCount) customers, \(snapshot.orderCount) orders, \(snapshot.lineCount) lines)")
    if runRules {
        for support in supports {
            var best = (baskets: Double.infinity, itemsets: Double.infinity, rules: Double.infinity)
            var summary = ""
            for _ in 0..<repetitions {
                let (tb, baskets) = time { BasketSet(snapshot: snapshot) }
                let (ti, itemsets) = try time { try FPGrowth(minimumSupport: support).frequentItemsets(in: baskets) }
                let (tr, rules) = try time { try AssociationRules(itemsets: itemsets, minimumConfidence: 0.2) }
                best = (min(best.baskets, tb), min(best.itemsets, ti), min(best.rules, tr))
                summary = "\(itemsets.count) itemsets, \(rules.count) rules"
            }
            let total = best.baskets + best.itemsets + best.rules
            print("rules at \(support): baskets \(format(best.baskets)) s, fp-growth \(format(best.itemsets)) s, rules \(format(best.rules)) s;"
                + " compute \(format(total)) s, snapshot + compute \(format(bestSnapshot + total)) s (\(summary))")
        }
    }
    if runCF {
        var best = (matrix: Double.infinity, neighbors: Double.infinity, recommend: Double.infinity)
        var summary = ""
        for _ in 0..<repetitions {
            let (tm, matrix) = time { PurchaseMatrix(snapshot: snapshot) }
            let (tn, model) = try time { try ItemItemRecommender(matrix: matrix, neighborCount: 50) }
            let (tr, all) = try time { try model.recommendAll(count: 10) }
            best = (min(best.matrix, tm), min(best.neighbors, tn), min(best.recommend, tr))
            summary = "\(matrix.entryCount) entries, \(model.neighbors.entryCount) neighbour pairs, \(all.items.count) recommendations"
        }
        let total = best.matrix + best.neighbors + best.recommend
        print("item-item: matrix \(format(best.matrix)) s, neighbours \(format(best.neighbors)) s, recommend all \(format(best.recommend)) s;"
            + " compute \(format(total)) s, snapshot + compute \(format(bestSnapshot + total)) s (\(summary))")
    }
    if runPersonal {
        let items = (0..<snapshot.itemCount).map {
            CatalogItem(id: snapshot.itemIDs[$0], category: "c\($0 % 20)", attributes: ["brand": "b\($0 % 7)"], tags: ["t\($0 % 9)"])
        }
        let catalog = try ItemCatalog(items: items)
        let asOf = snapshot.dayRange.map { $0.upperBound.adding(days: 1) } ?? CalendarDay(dayNumber: 0)
        var best = (affinity: Double.infinity, chain: Double.infinity, audience: Double.infinity, content: Double.infinity)
        var summary = ""
        for _ in 0..<repetitions {
            let (ta, affinity) = try time { try CategoryAffinityAnalysis().run(snapshot: snapshot, catalog: catalog, asOf: asOf) }
            let matrix = PurchaseMatrix(snapshot: snapshot)
            let model = try ItemItemRecommender(matrix: matrix, neighborCount: 50)
            let overall = try PopularityRecommender(matrix: matrix)
            let recommender = try FallbackChainRecommender(
                chain: FallbackChain(levels: [.collaborativeFiltering, .categoryAffinity, .overallPopularity], maximumPerCategory: 3),
                matrix: matrix, itemItem: model,
                affinityPopularity: try AffinityPopularity(affinity: affinity, popularity: overall, itemCategories: catalog.categoryIndices(for: snapshot)),
                overall: overall)
            let (tc, all) = try time { try recommender.recommendAll(count: 10) }
            let audience = try NewItemAudience(snapshot: snapshot, catalog: catalog, affinity: affinity)
            let (tn, found) = try time { try audience.audience(for: CatalogItem(id: "NEW", category: "c3", attributes: ["brand": "b2"]), count: 1000) }
            let matcher = try ContentMatcher(contents: (0..<50).map { ContentItem(id: "K\($0)", tags: ["t\($0 % 9)", "c\($0 % 20)"]) }, catalog: catalog)
            let (tm, content) = try time { try matcher.matchAll(affinity: affinity, customerIDs: snapshot.customerIDs, count: 5) }
            best = (min(best.affinity, ta), min(best.chain, tc), min(best.audience, tn), min(best.content, tm))
            summary = "\(all.recommendations.items.count) chained entries, \(found.count) audience, \(content.contents.count) content entries"
        }
        print("personal: affinity \(format(best.affinity)) s, chain for all \(format(best.chain)) s, new-item audience \(format(best.audience)) s,"
            + " content for all \(format(best.content)) s (\(summary))")
    }
    print("peak memory \(Int(peakResidentMiB())) MiB")
}
