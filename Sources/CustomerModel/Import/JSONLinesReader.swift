#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Splits JSON Lines bytes into lines and runs a record parser on each, collecting the
/// records of valid lines and a rejection for every bad one.
///
/// Handles a leading UTF-8 byte-order mark, `\n` and `\r\n` line ends, and blank lines
/// (skipped, not counted). Line numbers are 1-based and count every line, blank or not.
package enum JSONLinesReader {
    package static func read<Record: Sendable>(
        _ input: some Collection<UInt8>,
        idField: String,
        id: (Record) -> String,
        parse: (JSONLinesObject) throws(JSONLinesFieldError) -> Record
    ) -> JSONLinesImportResult<Record> {
        let bytes = Array(input)
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        var records: [Record] = []
        var report = ImportReport()
        var seen: [String: Int] = [:]
        let decoder = JSONDecoder()
        var lineNumber = 0
        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let next = end + 1
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let line = bytes[start..<end]
            start = next
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            report.rowsRead += 1
            func reject(_ field: String?, _ reason: RejectionReason, _ message: String) {
                report.rejections.append(ImportRejection(line: lineNumber, column: field, reason: reason, message: message))
            }
            guard String(validating: line, as: UTF8.self) != nil else {
                reject(nil, .invalidEncoding, "the line is not valid UTF-8")
                continue
            }
            let value: JSONLinesValue
            do {
                value = try decoder.decode(JSONLinesValue.self, from: Data(line))
            } catch {
                reject(nil, .malformedJSON, "the line is not valid JSON")
                continue
            }
            guard case .object(let fields) = value else {
                reject(nil, .malformedJSON, "the line is \(value.typeName), not a JSON object")
                continue
            }
            do {
                let record = try parse(JSONLinesObject(fields))
                let key = id(record)
                if let first = seen[key] {
                    reject(idField, .duplicateRecord, "\(idField) '\(key)' already appeared on line \(first)")
                    continue
                }
                seen[key] = lineNumber
                records.append(record)
                report.rowsKept += 1
            } catch {
                reject(error.field, error.reason, error.message)
            }
        }
        return JSONLinesImportResult(records: records, report: report)
    }
}
