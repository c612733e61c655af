import PrecisionMarketing

/// Reads a transactions CSV file into a snapshot, chunk by chunk, with progress on a terminal.
enum SnapshotLoading {
    static func currency(_ arguments: inout CommandLineArguments) throws(UsageError) -> Currency {
        guard let code = arguments.string("currency") else { return .usd }
        do { return try Currency(isoCode: code) } catch { throw UsageError("--currency: \(error.message)") }
    }

    static func load(path: String, currency: Currency) throws -> (CustomerSnapshot, ImportReport) {
        var builder = SnapshotBuilder(format: TransactionCSVFormat(currency: currency), expectedByteCount: FileInput.size(path: path))
        let progress = StandardStreams.errorIsTerminal
        do {
            try FileInput.forEachChunk(path: path) { chunk, soFar, total in
                try builder.append(chunk)
                if progress && total > 0 {
                    StandardStreams.error("\u{1B}[1Aread \(soFar >> 20) of \(total >> 20) MiB")
                }
            }
            return try builder.finish()
        } catch let error as ImportError {
            throw UsageError("\(path): \(error.message)")
        }
    }

    /// Tells on standard error how many rows were rejected, with the first few reasons.
    static func warn(about report: ImportReport) {
        guard report.rowsRejected > 0 else { return }
        StandardStreams.error("\(report.rowsRejected) of \(report.rowsRead) rows rejected (run `precision validate` for all):")
        for rejection in report.rejections.prefix(5) { StandardStreams.error("  \(rejection)") }
    }
}
