import CustomerModel

extension CustomerSummary {
    /// Reads a summary CSV: one row per customer with frequency, recency and T in `unit`.
    ///
    /// Accepted headers (case-insensitive except `T`):
    /// - `customer_id,frequency,recency,T[,monetary_value]` (the `precision clv --summary` form);
    /// - lifetimes' `ID,x,t_x,T,zbar` (`cdnow_customers_summary_with_transactions.csv`);
    /// - a first column with an empty name or `ID` holding the id (pandas' index, as in
    ///   `cdnow_customers_summary.csv`). Without any id column, ids are the line numbers.
    ///
    /// Every bad row becomes an ``ImportRejection`` and the valid rows are kept: a wrong
    /// number of fields, an empty or repeated id, a field that is not a number, and rows
    /// that ``init(customerIDs:frequency:recency:age:monetaryValue:holdoutFrequency:holdoutDuration:unit:)``
    /// would refuse (x not a whole number, tₓ > T, …).
    /// - Throws: ``ImportError`` `.missingHeader`, `.missingColumn` or `.duplicateColumn`.
    /// - Complexity: O(bytes + rows log rows).
    public static func parse(csv bytes: [UInt8], unit: TimeUnit) throws(ImportError) -> (CustomerSummary, ImportReport) {
        var lines = SummaryLines(bytes)
        guard let header = lines.next() else { throw ImportError(.missingHeader, "the summary CSV is empty") }
        let names = Self.fields(header.text)
        var columns: [String: Int] = [:]
        for (position, raw) in names.enumerated() {
            let name = raw == "T" ? "T" : raw.lowercased()
            let role: String?
            switch name {
            case "customer_id", "id", "": role = "id"
            case "frequency", "x": role = "frequency"
            case "recency", "t_x": role = "recency"
            case "T": role = "T"
            case "monetary_value", "zbar": role = "monetary"
            default: role = nil
            }
            guard let role else { continue }
            if columns[role] != nil {
                throw ImportError(.duplicateColumn, "two columns of the summary header mean \(role): \(names)")
            }
            columns[role] = position
        }
        guard let fx = columns["frequency"], let rx = columns["recency"], let tx = columns["T"] else {
            throw ImportError(
                .missingColumn, "the summary header needs frequency (or x), recency (or t_x) and T; found \(names)")
        }
        let idColumn = columns["id"], moneyColumn = columns["monetary"]
        var report = ImportReport()
        var ids: [String] = [], frequency: [Double] = [], recency: [Double] = [], age: [Double] = []
        var monetary: [Double] = []
        var seen = Set<String>()
        while let line = lines.next() {
            report.rowsRead += 1
            let fields = Self.fields(line.text)
            func reject(_ column: String?, _ reason: RejectionReason, _ message: String) {
                report.rejections.append(ImportRejection(line: line.number, column: column, reason: reason, message: message))
            }
            guard fields.count == names.count else {
                reject(nil, .wrongColumnCount, "\(fields.count) fields, the header has \(names.count)")
                continue
            }
            let id = idColumn.map { fields[$0] } ?? String(line.number)
            guard !id.isEmpty else { reject(idColumn.map { names[$0] }, .emptyID, "the customer id is empty"); continue }
            var values: [Double] = []
            var bad = false
            for column in [fx, rx, tx] + (moneyColumn.map { [$0] } ?? []) {
                guard let value = Double(fields[column]), value.isFinite else {
                    reject(names[column], .invalidField, "'\(fields[column].prefix(40))' is not a finite number")
                    bad = true
                    break
                }
                values.append(value)
            }
            if bad { continue }
            if let problem = Self.problem(
                frequency: values[0], recency: values[1], age: values[2], monetary: values.count > 3 ? values[3] : nil)
            {
                reject(nil, .invalidField, problem)
                continue
            }
            guard seen.insert(id).inserted else { reject(idColumn.map { names[$0] }, .duplicateRecord, "customer \(id) appears twice"); continue }
            ids.append(id)
            frequency.append(values[0])
            recency.append(values[1])
            age.append(values[2])
            if values.count > 3 { monetary.append(values[3]) }
            report.rowsKept += 1
        }
        let summary = CustomerSummary(
            unchecked: ids, frequency: frequency, recency: recency, age: age,
            monetaryValue: moneyColumn == nil ? nil : monetary, holdoutFrequency: nil, holdoutDuration: nil, unit: unit)
        return (summary, report)
    }

    /// Splits a line at commas, trimming spaces and one pair of surrounding quotes.
    private static func fields(_ line: Substring) -> [String] {
        line.split(separator: ",", omittingEmptySubsequences: false).map { raw in
            var field = raw.trimmingSpaces()
            if field.count >= 2, field.first == "\"", field.last == "\"" {
                field = String(field.dropFirst().dropLast()).replacingDoubledQuotes()
            }
            return field
        }
    }
}

private extension Substring {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

private extension String {
    func replacingDoubledQuotes() -> String {
        var out = ""
        var previousQuote = false
        for ch in self {
            if ch == "\"" && previousQuote { previousQuote = false; continue }
            previousQuote = ch == "\""
            out.append(ch)
        }
        return out
    }
}

/// The non-blank lines of a CSV with their 1-based line numbers (LF or CRLF, optional BOM).
private struct SummaryLines {
    private let bytes: [UInt8]
    private var position = 0
    private var number = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    mutating func next() -> (number: Int, text: Substring)? {
        while position < bytes.count {
            number += 1
            let end = bytes[position...].firstIndex(of: 10) ?? bytes.count
            var stop = end
            if stop > position && bytes[stop - 1] == 13 { stop -= 1 }
            let line = String(decoding: bytes[position..<stop], as: UTF8.self)
            position = end + 1
            if !line.allSatisfy({ $0 == " " || $0 == "\t" }) { return (number, line[...]) }
        }
        return nil
    }
}
