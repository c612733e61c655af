/// Minimises a smooth function of an unconstrained vector with BFGS and a backtracking
/// (Armijo) line search, given the analytic gradient.
///
/// Deterministic: the same start and objective give the same iterates on every platform.
/// The inverse-Hessian approximation starts as the identity, is rescaled after the first
/// step (Shanno–Phua), is updated only when the curvature condition sᵀy > 0 holds, and is
/// reset to the identity when it stops giving a descent direction. Steps longer than
/// ``maximumStep`` in any coordinate are shortened, which keeps log-parameters from jumping
/// to overflow. A non-finite objective counts as +∞, so the line search backs away from it.
package struct BFGSMinimizer: Sendable {
    /// The iteration limit.
    package var maximumIterations = 1000
    /// Converged when every gradient component is at most this in absolute value.
    package var gradientTolerance = 1e-7
    /// Converged when the objective changes by at most this times max(1, |f|) twice in a row.
    package var functionTolerance = 1e-15
    /// The largest step in any coordinate.
    package var maximumStep = 2.0

    package init() {}

    /// The minimiser's result.
    package struct Result: Sendable {
        package var point: [Double]
        package var value: Double
        package var gradient: [Double]
        package var report: OptimizationReport
    }

    /// Minimises `objective` (value and gradient) from `start`.
    /// - Throws: ``ScoringError`` `.didNotConverge` when the objective or its gradient is not
    ///   finite at the start.
    /// - Complexity: O(iterations · (evaluation + n²)).
    package func minimize(
        from start: [Double], _ objective: ([Double]) -> (value: Double, gradient: [Double])
    ) throws(ScoringError) -> Result {
        let n = start.count
        var x = start
        var (f, g) = objective(x)
        var evaluations = 1
        guard f.isFinite, g.allSatisfy(\.isFinite) else {
            throw ScoringError(.didNotConverge, "the objective is not finite at the starting point \(start)")
        }
        var h = Self.identity(n)
        var updated = false
        var smallChanges = 0
        var iteration = 0
        var reason = OptimizationReport.Reason.maximumIterations
        while iteration < maximumIterations {
            if Self.maxAbs(g) <= gradientTolerance {
                reason = .gradientTolerance
                break
            }
            iteration += 1
            var d = Self.multiply(h, g).map { -$0 }
            var slope = Self.dot(g, d)
            if !(slope < 0) {
                h = Self.identity(n)
                updated = false
                d = g.map { -$0 }
                slope = Self.dot(g, d)
            }
            let longest = Self.maxAbs(d)
            if longest > maximumStep {
                d = d.map { $0 * maximumStep / longest }
                slope *= maximumStep / longest
            }
            // Backtracking with safeguarded quadratic interpolation.
            var step = 1.0
            var accepted: (x: [Double], f: Double, g: [Double])?
            for _ in 0..<60 {
                let trial = (0..<n).map { x[$0] + step * d[$0] }
                let (ft, gt) = objective(trial)
                evaluations += 1
                if ft.isFinite, gt.allSatisfy(\.isFinite), ft <= f + 1e-4 * step * slope {
                    accepted = (trial, ft, gt)
                    break
                }
                if ft.isFinite {
                    let q = -slope * step * step / (2 * (ft - f - slope * step))
                    step = min(max(q, 0.1 * step), 0.5 * step)
                } else {
                    step *= 0.1
                }
            }
            guard let next = accepted else {
                if updated {
                    h = Self.identity(n)
                    updated = false
                    continue
                }
                reason = .lineSearchFailed
                break
            }
            let s = (0..<n).map { next.x[$0] - x[$0] }
            let y = (0..<n).map { next.g[$0] - g[$0] }
            let change = abs(f - next.f)
            x = next.x
            g = next.g
            let previous = f
            f = next.f
            let sy = Self.dot(s, y)
            if sy > 1e-12 * Self.dot(s, s).squareRoot() * Self.dot(y, y).squareRoot() {
                if !updated {
                    let scale = sy / Self.dot(y, y)
                    h = h.map { $0 * scale }
                }
                Self.update(&h, s: s, y: y, sy: sy)
                updated = true
            }
            if change <= functionTolerance * max(1, abs(previous)) {
                smallChanges += 1
                if smallChanges >= 2 {
                    reason = .functionTolerance
                    break
                }
            } else {
                smallChanges = 0
            }
        }
        let norm = Self.maxAbs(g)
        if reason == .maximumIterations && norm <= gradientTolerance { reason = .gradientTolerance }
        let converged = reason == .gradientTolerance || reason == .functionTolerance
            || (reason == .lineSearchFailed && norm <= 1e3 * gradientTolerance)
        return Result(
            point: x, value: f, gradient: g,
            report: OptimizationReport(
                iterations: iteration, evaluations: evaluations, gradientNorm: norm, converged: converged,
                reason: reason))
    }

    /// H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / sᵀy.
    private static func update(_ h: inout [Double], s: [Double], y: [Double], sy: Double) {
        let n = s.count
        let rho = 1 / sy
        let hy = multiply(h, y)
        let yhy = dot(y, hy)
        for i in 0..<n {
            for j in 0..<n {
                h[i * n + j] += rho * ((1 + rho * yhy) * s[i] * s[j] - hy[i] * s[j] - s[i] * hy[j])
            }
        }
    }

    private static func identity(_ n: Int) -> [Double] {
        var m = [Double](repeating: 0, count: n * n)
        for i in 0..<n { m[i * n + i] = 1 }
        return m
    }

    private static func multiply(_ m: [Double], _ v: [Double]) -> [Double] {
        let n = v.count
        return (0..<n).map { i in (0..<n).reduce(0.0) { $0 + m[i * n + $1] * v[$1] } }
    }

    private static func dot(_ u: [Double], _ v: [Double]) -> Double {
        zip(u, v).reduce(0.0) { $0 + $1.0 * $1.1 }
    }

    private static func maxAbs(_ v: [Double]) -> Double { v.reduce(0.0) { max($0, abs($1)) } }
}
