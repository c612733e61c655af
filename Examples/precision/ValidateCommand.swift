#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PrecisionMarketing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `precision validate --input FILE [--currency CODE] [--format json|table]`: the import
/// report. Exit status 1 when any row was rejected, so scripts can gate on it.
enum ValidateCommand {
    static func run(_ arguments: inout CommandLineArguments) throws {
        let path = try arguments.required("input")
        let format = try arguments.format()
        let currency = try SnapshotLoading.currency(&arguments)
        try arguments.rejectUnknown()
        let (snapshot, report) = try SnapshotLoading.load(path: path, currency: currency)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            let summary = Summary(
                input: path, rowsRead: report.rowsRead, rowsKept: report.rowsKept, rowsRejected: report.rowsRejected,
                customers: snapshot.customerCount, orders: snapshot.orderCount, items: snapshot.itemCount,
                rejectionsByReason: Dictionary(uniqueKeysWithValues: report.rejectionsByReason.map { ($0.key.name, $0.value) }),
                rejections: report.rejections)
            var bytes = Array(try encoder.encode(summary))
            bytes.append(UInt8(ascii: "\n"))
            StandardStreams.write(bytes)
        case .table:
            var out = ByteOutput()
            out.append("\(path): \(report.rowsRead) rows read, \(report.rowsKept) kept, \(report.rowsRejected) rejected\n")
            out.append("\(snapshot.customerCount) customers, \(snapshot.orderCount) orders, \(snapshot.itemCount) items\n")
            for (reason, count) in report.rejectionsByReason.sorted(by: { $0.key < $1.key }) {
                out.append("  \(reason): \(count)\n")
            }
            for rejection in report.rejections { out.append("\(rejection)\n") }
            StandardStreams.write(out.bytes)
        }
        if report.rowsRejected > 0 { exit(1) }
    }

    private struct Summary: Encodable {
        var input: String
        var rowsRead: Int
        var rowsKept: Int
        var rowsRejected: Int
        var customers: Int
        var orders: Int
        var items: Int
        var rejectionsByReason: [String: Int]
        var rejections: [ImportRejection]
    }
}
