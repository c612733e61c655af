import Dispatch

/// Runs a loop body for indices `0..<count` on all cores and returns when all are done.
///
/// Callers give every index disjoint state (its own output slot, its own range of an
/// array), which is what makes the unchecked box below safe.
package enum ParallelLoop {
    package static func forEach(_ count: Int, _ body: (Int) -> Void) {
        guard count > 1 else {
            if count == 1 { body(0) }
            return
        }
        withoutActuallyEscaping(body) { escapable in
            let box = IterationBody(run: escapable)
            DispatchQueue.concurrentPerform(iterations: count) { box.run($0) }
        }
    }

    /// Collects one result per index.
    package static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        let address = SlotAddress(base: UnsafeMutableRawPointer(slots.baseAddress))
        forEach(count) { index in
            address.base?.assumingMemoryBound(to: T?.self)[index] = body(index)
        }
        return slots.compactMap { $0 }
    }
}

extension ParallelLoop {
    /// Fills `output[i] = body(i)` for every index, in contiguous chunks on all cores; each
    /// chunk writes only its own index range.
    /// - Complexity: O(count · cost of body).
    package static func fill<T>(_ output: inout [T], _ body: (Int) -> T) {
        let count = output.count
        let pieces = count < 2048 ? 1 : 8
        output.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            forEach(pieces) { piece in
                for i in (count * piece / pieces)..<(count * (piece + 1) / pieces) { base[i] = body(i) }
            }
        }
    }
}

/// The loop body, made sendable for `concurrentPerform`.
///
/// Safe because `concurrentPerform` returns only after every iteration has finished (the
/// closure never outlives `forEach`), and every iteration touches only its own index's state.
private struct IterationBody: @unchecked Sendable {
    let run: (Int) -> Void
}

/// The address of the result slots; each iteration writes only its own slot (see above).
private struct SlotAddress: @unchecked Sendable {
    let base: UnsafeMutableRawPointer?
}
