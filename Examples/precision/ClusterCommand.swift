#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PrecisionMarketing

/// `precision cluster --input FILE --k K [--seed S] [--restarts N] [--init kmeans++|rows]
/// [--tolerance T] [--max-iterations N] [--silhouette-sample M] [--as-of D] [--currency CODE]
/// [--format json|table]`
///
/// k-means on the RFM features of `peers/kmeans_sklearn.py`: log(1 + x) of recency,
/// frequency and spend, z-scored, customers in customer_id order (so `--init rows` is the
/// reference script's replicable start); then the sampled silhouette and a profile per
/// cluster in days, orders and currency units.
enum ClusterCommand {
    struct Outcome {
        let fit: KMeansResult
        let order: [Int]
        let profiles: [ClusterProfile]
        let silhouette: Double?
        let silhouetteSample: Int
        let seed: UInt64
        let initialization: String
    }

    static func run(_ arguments: inout CommandLineArguments) throws {
        let path = try arguments.required("input")
        let k = try arguments.int("k", default: -1, in: 1...10_000)
        guard k >= 1 else { throw UsageError("option --k is required") }
        let seed = UInt64(try arguments.int("seed", default: 0, in: 0...Int.max))
        let restarts = try arguments.int("restarts", default: 1, in: 1...1000)
        let tolerance = try arguments.double("tolerance", default: 1e-4, in: 0...1)
        let maxIterations = try arguments.int("max-iterations", default: 300, in: 1...100_000)
        let sample = try arguments.int("silhouette-sample", default: 10_000, in: 2...1_000_000)
        let initName = arguments.string("init") ?? "kmeans++"
        let initialization: KMeansInitialization
        switch initName {
        case "kmeans++": initialization = .kMeansPlusPlus()
        case "rows": initialization = .evenlySpacedRows
        default: throw UsageError("--init must be kmeans++ or rows, not '\(initName)'")
        }
        let asOf = try arguments.day("as-of")
        let format = try arguments.format()
        let currency = try SnapshotLoading.currency(&arguments)
        try arguments.rejectUnknown()

        let (snapshot, report) = try SnapshotLoading.load(path: path, currency: currency)
        SnapshotLoading.warn(about: report)
        let outcome: Outcome
        do {
            let rfm = try RFMAnalysis().run(on: snapshot, asOf: asOf)
            let order = customerIDOrder(rfm, snapshot: snapshot)
            let logarithmic = try RFMFeatures.logarithmic(rfm, order: order)
            let points = try FeatureStandardization(fitting: logarithmic).transform(logarithmic)
            let fit = try KMeans(
                clusterCount: k, initialization: initialization, restarts: restarts, maxIterations: maxIterations,
                tolerance: tolerance, seed: seed
            ).fit(points)
            let silhouette = k >= 2 && k < min(sample, points.rowCount)
                ? try Silhouette.score(points, labels: fit.labels, sampleSize: sample, seed: seed) : nil
            let profiles = try ClusterProfile.profiles(
                of: fit.labels, clusterCount: k, features: RFMFeatures.raw(rfm, order: order), names: RFMFeatures.names)
            outcome = Outcome(
                fit: fit, order: order, profiles: profiles, silhouette: silhouette,
                silhouetteSample: min(sample, points.rowCount), seed: seed, initialization: initName)
            switch format {
            case .json: writeJSON(outcome, rfm: rfm, snapshot: snapshot)
            case .table: writeTable(outcome, rfm: rfm)
            }
        } catch let error as ScoringError {
            throw UsageError(error.message)
        } catch let error as ClusteringError {
            throw UsageError(error.message)
        }
    }

    /// RFM entries sorted by customer_id bytes, the reference script's row order.
    static func customerIDOrder(_ rfm: RFMResult, snapshot: CustomerSnapshot) -> [Int] {
        let ids = snapshot.customerIDs
        return ids.bytes.withUnsafeBufferPointer { bytes in
            Array(0..<rfm.count).sorted { a, b in
                let ca = Int(rfm.customers[a]), cb = Int(rfm.customers[b])
                let la = ids.offsets[ca + 1] - ids.offsets[ca], lb = ids.offsets[cb + 1] - ids.offsets[cb]
                let common = min(la, lb)
                if common > 0, let base = bytes.baseAddress {
                    let order = memcmp(base + ids.offsets[ca], base + ids.offsets[cb], common)
                    if order != 0 { return order < 0 }
                }
                return la < lb
            }
        }
    }

    static func number(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite else { return "null" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
    }

    static func writeJSON(_ outcome: Outcome, rfm: RFMResult, snapshot: CustomerSnapshot) {
        let fit = outcome.fit
        var out = ByteOutput()
        out.append("{\"k\":\(fit.clusterCount),\"customers\":\(fit.labels.count),\"features\":")
        out.append("[\"log1p_recency_days\",\"log1p_frequency\",\"log1p_monetary\"],\"standardized\":true,")
        out.append("\"init\":\"\(outcome.initialization)\",\"seed\":\(outcome.seed),\"restarts\":\(fit.restartInertias.count),")
        out.append("\"inertia\":\(number(fit.inertia)),\"iterations\":\(fit.iterations),\"converged\":\(fit.converged),")
        out.append("\"silhouette\":\(outcome.silhouette.map { number($0, digits: 6) } ?? "null"),")
        out.append("\"silhouette_sample\":\(outcome.silhouetteSample),\"clusters\":[\n")
        for (index, profile) in outcome.profiles.enumerated() {
            out.append("{\"cluster\":\(profile.cluster),\"size\":\(profile.size),\"share\":\(number(profile.share, digits: 6)),")
            out.append("\"centroid\":{")
            out.append(zip(RFMFeatures.names, profile.centroid).map { "\"\($0)\":\(number($1))" }.joined(separator: ","))
            out.append("},\"median\":{")
            out.append(zip(RFMFeatures.names, profile.median).map { "\"\($0)\":\(number($1))" }.joined(separator: ","))
            out.append("},\"distinguishing\":[")
            out.append(profile.contrasts.map { "{\"feature\":\"\($0.name)\",\"z\":\(number($0.standardizedDifference))}" }
                .joined(separator: ","))
            out.append(index + 1 == outcome.profiles.count ? "]}\n" : "]},\n")
        }
        out.append("],\"assignments\":[\n")
        StandardStreams.write(out.bytes)
        var chunk = ByteOutput(capacity: 1 << 20)
        snapshot.customerIDs.bytes.withUnsafeBufferPointer { idBytes in
            for (row, entry) in outcome.order.enumerated() {
                let c = Int(rfm.customers[entry])
                chunk.append("{\"customer_id\":")
                chunk.appendJSONString(UnsafeBufferPointer(
                    rebasing: idBytes[snapshot.customerIDs.offsets[c]..<snapshot.customerIDs.offsets[c + 1]]))
                chunk.append(",\"cluster\":")
                chunk.append(Int(fit.labels[row]))
                chunk.append(row + 1 == outcome.order.count ? "}\n" : "},\n")
                if chunk.bytes.count > 1 << 20 {
                    StandardStreams.write(chunk.bytes)
                    chunk.bytes.removeAll(keepingCapacity: true)
                }
            }
        }
        chunk.append("]}\n")
        StandardStreams.write(chunk.bytes)
    }

    static func writeTable(_ outcome: Outcome, rfm: RFMResult) {
        let fit = outcome.fit
        var out = ByteOutput()
        out.append("k-means on log(1 + x) of recency, frequency and spend, standardised; RFM as of \(rfm.asOf)\n")
        out.append("\(fit.labels.count) customers, k = \(fit.clusterCount), init \(outcome.initialization), seed \(outcome.seed), ")
        out.append("restarts \(fit.restartInertias.count)\n")
        out.append("inertia \(number(fit.inertia)), \(fit.iterations) iterations\(fit.converged ? "" : " (iteration limit reached)")")
        if let silhouette = outcome.silhouette {
            out.append(", silhouette \(number(silhouette, digits: 4)) (\(outcome.silhouetteSample) customers sampled)")
        }
        out.append("\n\n")
        out.appendCell("cluster", width: 8)
        out.appendCell("customers", width: 10, rightAligned: true)
        out.appendCell("share", width: 8, rightAligned: true)
        out.appendCell("recency_days", width: 14, rightAligned: true)
        out.appendCell("frequency", width: 11, rightAligned: true)
        out.appendCell("monetary", width: 12, rightAligned: true)
        out.append("  distinguishing (sd from all customers)\n")
        for profile in outcome.profiles {
            out.appendCell(String(profile.cluster), width: 8)
            out.appendCell(String(profile.size), width: 10, rightAligned: true)
            out.appendCell(number(profile.share * 100, digits: 1) + "%", width: 8, rightAligned: true)
            out.appendCell(number(profile.centroid[0], digits: 1), width: 14, rightAligned: true)
            out.appendCell(number(profile.centroid[1], digits: 2), width: 11, rightAligned: true)
            out.appendCell(number(profile.centroid[2], digits: 2), width: 12, rightAligned: true)
            out.append("  ")
            out.append(profile.distinguishingFeatures(3).map { contrast in
                let z = contrast.standardizedDifference
                return "\(contrast.name) \(z >= 0 ? "+" : "")\(number(z, digits: 2))"
            }.joined(separator: ", "))
            out.append("\n")
        }
        out.append("(centroid columns are the cluster means in days, orders and currency units)\n")
        StandardStreams.write(out.bytes)
    }
}
