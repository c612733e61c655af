// The social benchmarks of issue 7 (`--social`), on seeded synthetic data (no file):
//   fission    FissionAnalysis on 1,000,000 referral events from SocialEventGenerator
//              (seed 7; the events are not in time order, so the radix sort is included)
//   graph      building the CSR graph of 1,000,000 nodes and 5,000,000 weighted edges
//   pagerank   InfluenceRank (d 0.85, L1 tolerance 1e-6) on that graph, all cores
import PrecisionMarketing
import PrecisionMarketingTesting

enum SocialBenchmark {
    static func run(repetitions: Int, referralEvents: Int = 1_000_000, nodes: Int = 1_000_000, edges: Int = 5_000_000) throws {
        let clock = ContinuousClock()
        let generator = try SocialEventGenerator(configuration: .init(referralEvents: referralEvents, seed: 7))
        let table = try generator.referralTable()
        var bestFission = Double.infinity
        var line = ""
        for _ in 0..<max(1, repetitions) {
            let start = clock.now
            let result = try FissionAnalysis(creditRule: .geometric(ratio: 0.5, maxDepth: 3)).run(on: table)
            bestFission = min(bestFission, seconds(clock.now - start))
            let m = result.metrics
            line = "events=\(table.count) customers=\(table.customerCount) sharers=\(m.sharers) credited=\(m.creditedReferrals) "
                + "conversions=\(m.conversions) flagged=\(m.flaggedReferrals) k=\(format3(m.kFactor ?? 0)) "
                + "generations=\(m.generations.count)"
        }
        print("social fission: \(format3(bestFission))s  \(line)")

        var rng = SeededGenerator(seed: 11)
        var sources = [Int32](repeating: 0, count: edges)
        var targets = [Int32](repeating: 0, count: edges)
        var weights = [Double](repeating: 0, count: edges)
        for e in 0..<edges {
            sources[e] = Int32.random(in: 0..<Int32(nodes), using: &rng)
            // Skewed targets: u² puts most edges on a few influencers, as referral graphs do.
            let u = Double.random(in: 0..<1, using: &rng)
            targets[e] = Int32(Double(nodes) * u * u)
            weights[e] = Double(Int.random(in: 1...3, using: &rng))
        }
        var bestGraph = Double.infinity, bestRank = Double.infinity
        var rankLine = ""
        for _ in 0..<max(1, repetitions) {
            let t0 = clock.now
            let graph = try WeightedDigraph(nodeCount: nodes, sources: sources, targets: targets, weights: weights)
            let t1 = clock.now
            let rank = try InfluenceRank().run(on: graph)
            let t2 = clock.now
            bestGraph = min(bestGraph, seconds(t1 - t0))
            bestRank = min(bestRank, seconds(t2 - t1))
            rankLine = "iterations=\(rank.iterations) residual=\(rank.residual) converged=\(rank.converged) top=\(rank.top(3))"
        }
        print("social pagerank: nodes=\(nodes) edges=\(edges) graph=\(format3(bestGraph))s rank=\(format3(bestRank))s "
              + "total=\(format3(bestGraph + bestRank))s  \(rankLine)")
    }
}
