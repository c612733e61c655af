import Synchronization

/// Collects the first error (by index) raised inside a parallel loop.
final class ErrorSlots: Sendable {
    private let state: Mutex<(index: Int, error: ScoringError?)>

    init(count: Int) { state = Mutex((Int.max, nil)) }

    /// Records `error` for item `index`, keeping the one with the smallest index.
    func record(_ error: ScoringError, at index: Int) {
        state.withLock { if index < $0.index { $0 = (index, error) } }
    }

    /// The error of the smallest index, if any.
    var first: ScoringError? { state.withLock { $0.error } }
    /// The smallest failing index (Int.max when none failed).
    var firstIndex: Int { state.withLock { $0.index } }
}
