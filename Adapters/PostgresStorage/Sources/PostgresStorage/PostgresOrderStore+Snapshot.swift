import CustomerModel
import Logging
import PostgresNIO

extension PostgresOrderStore {
    /// Builds a ``CustomerSnapshot`` of every stored order line, streaming.
    ///
    /// The server formats each line as a row of the canonical transactions CSV
    /// (`customer_id,order_id,date,item_id,quantity,amount`), ordered by customer id, day,
    /// order id and line number; the rows arrive as a stream and their bytes are fed to
    /// ``SnapshotBuilder`` in chunks of `chunkSize` bytes, so no `Order` or `String` is made per
    /// line and memory stays at one chunk plus the snapshot. Customers are therefore indexed in
    /// ascending id order. Rows the builder rejects (an id with a comma, say) are in the report.
    /// - Parameters:
    ///   - format: the currency of the snapshot and the accepted dates.
    ///   - chunkSize: bytes gathered before each hand-over to the builder.
    /// - Throws: ``StoreError`` `.invalidArgument` when some stored line is in another currency
    ///   than `format.currency`, `.unavailable` when the server fails.
    public func snapshot(
        format: TransactionCSVFormat = TransactionCSVFormat(), chunkSize: Int = 1 << 20
    ) async throws -> (snapshot: CustomerSnapshot, report: ImportReport) {
        let name = schema.name
        let code = format.currency.code
        let digits = Int16(format.currency.minorUnitDigits)
        return try await client.withConnection(schema) { connection in
            let logger = client.logger
            let foreign = try await connection.count("""
                SELECT count(*) FROM \(unescaped: name).order_lines WHERE currency <> \(code) OR currency_digits <> \(digits)
                """, logger: logger)
            guard foreign == 0 else {
                throw StoreError(.invalidArgument, "\(foreign) stored order lines are not in \(code); a snapshot has one currency")
            }
            let rows = try await connection.query("""
                SELECT l.customer_id || ',' || l.order_id || ',' || to_char(date '1970-01-01' + o.day, 'YYYY-MM-DD')
                       || ',' || l.item_id || ',' || l.quantity
                       || ',' || trim_scale(l.amount_minor::numeric / (10::numeric ^ l.currency_digits)) || E'\\n'
                FROM \(unescaped: name).order_lines AS l
                JOIN \(unescaped: name).orders AS o ON o.id = l.order_id
                ORDER BY l.customer_id, o.day, l.order_id, l.line_number
                """, logger: logger)
            var builder = SnapshotBuilder(format: format)
            var chunk: [UInt8] = []
            chunk.reserveCapacity(chunkSize + 256)
            chunk.append(contentsOf: (TransactionCSVFormat.columns.joined(separator: ",") + "\n").utf8)
            for try await row in rows {
                guard let bytes = row.first?.bytes else { continue }
                chunk.append(contentsOf: bytes.readableBytesView)
                if chunk.count >= chunkSize {
                    try builder.append(chunk)
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            try builder.append(chunk)
            return try builder.finish()
        }
    }
}
