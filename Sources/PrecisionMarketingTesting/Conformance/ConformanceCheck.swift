import CustomerModel

/// The context of one conformance check: builds failures that name the suite and the check.
struct ConformanceCheck: Sendable {
    let suite: String
    let check: String

    func failure(_ message: String) -> ConformanceFailure {
        ConformanceFailure(suite: suite, check: check, message: message)
    }

    /// Throws a failure with `message` unless `condition` holds.
    func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws(ConformanceFailure) {
        if !condition { throw failure(message()) }
    }

    /// Runs `body` and checks that it throws a ``StoreError`` with `code`.
    func expectStoreError(_ code: StoreError.Code, _ what: String, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as StoreError {
            try expect(error.code == code, "\(what): expected StoreError \(code), got \(error.code): \(error.message)")
            return
        } catch {
            throw failure("\(what): expected StoreError \(code), got \(error)")
        }
        throw failure("\(what): expected StoreError \(code), but it succeeded")
    }

    /// Reads every page with `limit` and checks the paging contract: ascending ``StoreOrder``
    /// keys, no duplicates, at most `limit` per page, progress on every page but the last.
    /// Returns the keys in the order read.
    func readAllKeys<Element>(
        limit: Int,
        key: (Element) -> String,
        read: (PageCursor?, Int) async throws -> Page<Element>
    ) async throws -> [String] {
        var keys: [String] = []
        var cursor: PageCursor?
        var pages = 0
        repeat {
            let page = try await read(cursor, limit)
            pages += 1
            try expect(page.elements.count <= limit, "a page of limit \(limit) held \(page.elements.count) records")
            try expect(page.nextCursor == nil || !page.elements.isEmpty, "an empty page had a next cursor (no progress)")
            try expect(pages <= 100_000, "paging did not end after 100000 pages")
            for element in page.elements {
                let next = key(element)
                if let last = keys.last {
                    try expect(last.utf8.lexicographicallyPrecedes(next.utf8),
                               "'\(next)' came after '\(last)': pages must be strictly ascending by UTF-8 bytes of the id")
                }
                keys.append(next)
            }
            cursor = page.nextCursor
        } while cursor != nil
        return keys
    }

    /// Checks that `actual` holds exactly `expected` in ascending store order.
    func expectKeys(_ actual: [String], equal expected: some Sequence<String>, _ what: String) throws(ConformanceFailure) {
        let sorted = expected.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        guard actual != sorted else { return }
        let missing = Set(sorted).subtracting(actual).sorted().prefix(5)
        let extra = Set(actual).subtracting(sorted).sorted().prefix(5)
        throw failure("\(what): read \(actual.count) ids, expected \(sorted.count); missing \(Array(missing)), unexpected \(Array(extra))")
    }
}
