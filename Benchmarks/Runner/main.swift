// The benchmark runner: release build only (`swift run -c release precision-benchmarks FILE...`).
// For each transactions CSV it reports, best of N runs:
//   read      the file into memory (not part of the library)
//   snapshot  CSV bytes in memory to CustomerSnapshot (SnapshotBuilder, all cores)
//   rfm       RFM scores on the snapshot
//   library   snapshot + rfm: the library path the targets speak of
// and the process's peak resident memory. Benchmarks/compare.sh runs it side by side with
// the reference tools and the whole `precision rfm` process.
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
        if text.hasPrefix("VmHWM:") {
            let digits = text.filter(\.isNumber)
            return (Double(digits) ?? 0) / 1024
        }
    }
    return 0
}

var arguments = Array(CommandLine.arguments.dropFirst())
// --privacy: HMAC-SHA-256 throughput and audience screening (PrivacyBenchmarks.swift).
if let index = arguments.firstIndex(of: "--privacy") {
    arguments.remove(at: index)
    runPrivacyBenchmarks()
}
var repetitions = 3
// --scoring: also time the issue-10 workloads on the snapshot (value score and tiers; the
// CLV summary, BG/NBD and Gamma-Gamma fits; scoring every customer from fitted parameters).
var scoring = false
if let index = arguments.firstIndex(of: "--scoring") {
    scoring = true
    arguments.remove(at: index)
}
// --clv CAL_END HOLDOUT_END: time the CLV path on the file (the CDNOW benchmark of issue 10):
// the summary with a holdout, the BG/NBD fit, and P(alive), expectations and the holdout table.
var clvDays: (CalendarDay, CalendarDay)? = nil
if let index = arguments.firstIndex(of: "--clv"), index + 2 < arguments.count {
    if let calibration = try? CalendarDay(iso: arguments[index + 1]), let holdout = try? CalendarDay(iso: arguments[index + 2]) {
        clvDays = (calibration, holdout)
    }
    arguments.removeSubrange(index...(index + 2))
}
var threads: Int? = nil
if let index = arguments.firstIndex(of: "--repeat"), index + 1 < arguments.count {
    repetitions = Int(arguments[index + 1]) ?? 3
    arguments.removeSubrange(index...(index + 1))
}
if let index = arguments.firstIndex(of: "--threads"), index + 1 < arguments.count {
    threads = Int(arguments[index + 1])
    arguments.removeSubrange(index...(index + 1))
}
// --segment [--customers N]: segment evaluation on a synthetic population (no file needed).
if let index = arguments.firstIndex(of: "--segment") {
    arguments.remove(at: index)
    var customers = 1_000_000
    if let c = arguments.firstIndex(of: "--customers"), c + 1 < arguments.count {
        customers = Int(arguments[c + 1]) ?? customers
        arguments.removeSubrange(c...(c + 1))
    }
    try SegmentBenchmark.run(customers: customers, repetitions: repetitions)
    try await SegmentBenchmark.runLive(customers: min(customers, 100_000), updates: 10_000)
}
// --campaign [--customers N]: planning a campaign through MarketingEngine (CampaignBenchmark.swift).
if let index = arguments.firstIndex(of: "--campaign") {
    arguments.remove(at: index)
    var customers = 1_000_000
    if let c = arguments.firstIndex(of: "--customers"), c + 1 < arguments.count {
        customers = Int(arguments[c + 1]) ?? customers
        arguments.removeSubrange(c...(c + 1))
    }
    try await CampaignBenchmark.run(customers: customers, repetitions: repetitions)
}
// --social: fission on 1M referral events and PageRank on 1M nodes / 5M edges (SocialBenchmark.swift).
if let index = arguments.firstIndex(of: "--social") {
    arguments.remove(at: index)
    try SocialBenchmark.run(repetitions: repetitions)
}
// --kmeans-points FILE: the k-means benchmark on a points CSV (KMeansBenchmark.swift).
if let index = arguments.firstIndex(of: "--kmeans-points"), index + 1 < arguments.count {
    let path = arguments[index + 1]
    arguments.removeSubrange(index...(index + 1))
    guard let bytes = readFile(path) else {
        print("cannot read \(path)")
        exit(1)
    }
    try KMeansBenchmark.run(path: path, bytes: bytes, repetitions: repetitions)
}
// --kmeans-rfm FILE: k-means on the RFM features of a transactions CSV.
if let index = arguments.firstIndex(of: "--kmeans-rfm"), index + 1 < arguments.count {
    let path = arguments[index + 1]
    arguments.removeSubrange(index...(index + 1))
    guard let bytes = readFile(path) else {
        print("cannot read \(path)")
        exit(1)
    }
    try KMeansBenchmark.runRFM(path: path, bytes: bytes, repetitions: repetitions)
}
let clock = ContinuousClock()
for path in arguments {
    let readStart = clock.now
    guard let bytes = readFile(path) else {
        print("cannot read \(path)")
        exit(1)
    }
    let readTime = seconds(clock.now - readStart)
    var best = (snapshot: Double.infinity, rfm: Double.infinity, library: Double.infinity)
    var summary = ""
    for _ in 0..<repetitions {
        let start = clock.now
        let built = try SnapshotBuilder.build(csv: bytes, parallelism: threads)
        let built1 = clock.now
        let rfm = try RFMAnalysis().run(on: built.snapshot)
        let end = clock.now
        best.snapshot = min(best.snapshot, seconds(built1 - start))
        best.rfm = min(best.rfm, seconds(end - built1))
        best.library = min(best.library, seconds(end - start))
        summary = "customers=\(rfm.count) sum_F=\(rfm.frequency.reduce(0) { $0 + Int($1) }) "
            + "sum_M=\(try rfm.totalMonetary().decimalString) 555=\(rfm.count(r: 5, f: 5, m: 5)) 111=\(rfm.count(r: 1, f: 1, m: 1)) "
            + "rejected=\(built.report.rowsRejected)"
    }
    if let (calibrationEnd, holdoutEnd) = clvDays {
        let (snapshot, _) = try SnapshotBuilder.build(csv: bytes, parallelism: threads)
        var best = (summary: Double.infinity, fit: Double.infinity, predict: Double.infinity)
        var line = ""
        for _ in 0..<repetitions {
            let t0 = clock.now
            let summary = try CustomerSummary(
                snapshot: snapshot, calibrationEnd: calibrationEnd, holdoutEnd: holdoutEnd, unit: .week)
            let t1 = clock.now
            let model = try BGNBDModel().fit(summary)
            let t2 = clock.now
            let alive = model.probabilityAlive(summary)
            let check = try HoldoutValidation(model: model, summary: summary)
            let t3 = clock.now
            best = (min(best.summary, seconds(t1 - t0)), min(best.fit, seconds(t2 - t1)), min(best.predict, seconds(t3 - t2)))
            line = "customers=\(summary.count) r=\(model.r) iterations=\(model.estimates?.convergence.iterations ?? 0) "
                + "mean_p_alive=\(format3(alive.reduce(0, +) / Double(alive.count))) holdout_mae=\(check.meanAbsoluteError)"
        }
        print("  clv: summary=\(format3(best.summary))s bgnbd fit=\(format3(best.fit))s p_alive+holdout table=\(format3(best.predict))s")
        print("  clv: \(line)")
    }
    if scoring {
        let (snapshot, _) = try SnapshotBuilder.build(csv: bytes, parallelism: threads)
        var bestValue = Double.infinity, bestSummary = Double.infinity, bestFit = Double.infinity, bestScore = Double.infinity
        var line = ""
        for _ in 0..<repetitions {
            let t0 = clock.now
            let value = try ValueScoreAnalysis().run(on: snapshot)
            let t1 = clock.now
            guard let range = snapshot.dayRange else { break }
            let summary = try CustomerSummary(
                snapshot: snapshot, calibrationEnd: range.upperBound.adding(days: 1), unit: .week)
            let t2 = clock.now
            let bgnbd = try BGNBDModel().fit(summary)
            let spendModel = try GammaGammaModel().fit(summary.repeatBuyers())
            let t3 = clock.now
            let alive = bgnbd.probabilityAlive(summary)
            let expected = try bgnbd.conditionalExpectedPurchases(within: 52, for: summary)
            let clv = try LifetimeValueCalculator(discounting: .continuous(horizon: 52, rate: 0.002))
                .values(for: summary, purchases: bgnbd, spend: spendModel)
            let t4 = clock.now
            bestValue = min(bestValue, seconds(t1 - t0))
            bestSummary = min(bestSummary, seconds(t2 - t1))
            bestFit = min(bestFit, seconds(t3 - t2))
            bestScore = min(bestScore, seconds(t4 - t3))
            line = "customers=\(summary.count) tiers=\(value.tierCounts()) mean_p_alive=\(format3(alive.reduce(0, +) / Double(alive.count))) "
                + "sum_expected_52w=\(Int(expected.reduce(0, +))) sum_clv=\(Int(clv.reduce(0, +)))"
        }
        print("  scoring: value score and tiers=\(format3(bestValue))s clv summary=\(format3(bestSummary))s "
              + "bgnbd+gammagamma fit=\(format3(bestFit))s p_alive+expected+clv for all=\(format3(bestScore))s")
        print("  scoring: \(line)")
    }
    let name = path.split(separator: "/").last.map(String.init) ?? path
    print("\(name): rows=\(bytes.count) bytes read=\(String(format3(readTime)))s snapshot=\(format3(best.snapshot))s rfm=\(format3(best.rfm))s library=\(format3(best.library))s peak=\(Int(peakResidentMiB()))MiB threads=\(threads.map(String.init) ?? "all")")
    print("  \(summary)")
}

func format3(_ value: Double) -> String {
    let thousandths = Int((value * 1000).rounded())
    return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - String(thousandths % 1000).count))\(thousandths % 1000)"
}
