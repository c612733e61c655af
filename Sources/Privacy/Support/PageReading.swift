import CustomerModel

/// Reads every page of a paged store.
func readAllPages<Element>(pageSize: Int = 1_000, _ read: (PageCursor?, Int) async throws -> Page<Element>) async throws -> [Element] {
    var all: [Element] = []
    var cursor: PageCursor?
    repeat {
        let page = try await read(cursor, pageSize)
        all.append(contentsOf: page.elements)
        cursor = page.nextCursor
    } while cursor != nil
    return all
}
