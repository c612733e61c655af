import CustomerModel

/// The CustomerModel ``ParallelLoop`` as used by the CLV code (one place to change).
enum ParallelLoopBridge {
    /// One result per index `0..<count`, computed on all cores.
    static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] { ParallelLoop.map(count, body) }

    /// Fills `output[i] = body(i)` for every index, in contiguous chunks on all cores.
    /// - Complexity: O(count · cost of body).
    static func fill(_ output: inout [Double], _ body: (Int) -> Double) {
        let count = output.count
        let pieces = count < 2048 ? 1 : 8
        output.withUnsafeMutableBufferPointer { buffer in
            let address = OutputAddress(base: buffer.baseAddress)
            ParallelLoop.forEach(pieces) { piece in
                // Each piece writes only its own index range.
                for i in (count * piece / pieces)..<(count * (piece + 1) / pieces) {
                    address.base?[i] = body(i)
                }
            }
        }
    }
}

/// The output buffer's address; safe to share because every chunk writes a disjoint range
/// and `ParallelLoop.forEach` returns only after all chunks finished.
private struct OutputAddress: @unchecked Sendable {
    let base: UnsafeMutablePointer<Double>?
}
