import Scoring

/// Small data sets with scikit-learn 1.9.1 results (`KMeans(init=rows ⌊j·n/k⌋, n_init=1,
/// algorithm="lloyd", max_iter=1000)`, `silhouette_score`), produced once with the peers'
/// environment; the script and its output are quoted in Documentation/KMeans.md.
enum KMeansReferenceFixtures {
    /// 24 points around (0, 0), (5, 5) and (0, 6), 2 decimals.
    static let blobs: [[Double]] = [
        [-2.08, 5.9], [-1.4, 5.24], [4.41, 4.14], [0.66, -0.08], [-0.71, 0.49], [1.0, -1.97], [-0.31, -1.18],
        [4.79, 3.45], [0.02, -0.05], [-0.37, 4.74], [4.52, 3.69], [-1.63, 6.27], [3.67, 6.4], [0.86, -2.4],
        [0.33, -1.32], [0.04, 6.05], [2.61, 4.72], [4.69, 6.15], [3.58, 5.89], [-1.32, -0.4], [-1.01, 1.74],
        [0.68, 8.92], [5.77, 6.01], [1.01, -0.73],
    ]

    /// 60 overlapping points around four centres, 2 decimals.
    static let overlapping: [[Double]] = [
        [0.99, -0.26], [-0.82, 0.42], [4.79, 3.67], [3.6, 2.15], [0.77, 2.11], [1.38, 3.27], [2.21, 1.59],
        [-0.73, -0.92], [1.09, 1.14], [0.58, -0.81], [4.52, 1.9], [4.69, 4.44], [2.05, 1.53], [0.68, 0.66],
        [-0.94, 3.38], [-0.28, 0.86], [3.52, 3.98], [4.38, 3.04], [4.66, 3.88], [1.54, 2.43], [5.19, 4.67],
        [2.8, 1.7], [1.39, 1.97], [-0.73, 3.97], [3.51, 0.9], [-0.11, 4.38], [2.61, 4.62], [4.43, -0.76],
        [3.67, 2.56], [0.27, 1.67], [5.23, -0.96], [3.37, 4.77], [1.74, 0.46], [0.18, 3.33], [2.98, 0.78],
        [0.19, 3.43], [4.34, 3.9], [3.76, 2.59], [3.47, 5.33], [0.79, 1.42], [5.47, 4.58], [6.32, 4.07],
        [-0.51, -1.59], [1.46, 2.83], [2.1, 0.29], [1.66, 2.09], [3.7, 3.62], [3.21, 2.2], [4.02, 5.01],
        [2.54, 1.36], [1.65, 2.41], [1.88, 2.35], [1.64, 3.6], [1.45, 0.89], [2.12, 2.88], [3.23, 3.2],
        [3.46, 2.76], [3.4, 3.9], [4.28, 3.63], [-2.12, -0.08],
    ]

    struct Expectation {
        let k: Int
        let tolerance: Double
        let inertia: Double
        let iterations: Int
        let labels: [Int32]?
        let silhouette: Double?
    }

    static let blobsK3 = Expectation(
        k: 3, tolerance: 0, inertia: 52.6140641667, iterations: 2,
        labels: [0, 0, 2, 1, 1, 1, 1, 2, 1, 0, 2, 0, 2, 1, 1, 0, 2, 2, 2, 1, 1, 0, 2, 1], silhouette: 0.647477653432)
    static let blobsK3Centroids: [[Double]] = [
        [-0.7933333333333332, 6.1866666666666665], [0.052999999999999936, -0.5900000000000003],
        [4.254999999999999, 5.05625],
    ]
    static let blobsK4 = Expectation(
        k: 4, tolerance: 0, inertia: 43.4507016667, iterations: 4,
        labels: [0, 0, 3, 1, 1, 1, 1, 3, 1, 0, 3, 0, 2, 1, 1, 0, 3, 2, 2, 1, 1, 0, 2, 1], silhouette: nil)

    static let overlappingCases: [Expectation] = [
        Expectation(
            k: 3, tolerance: 0, inertia: 186.7682291087, iterations: 5,
            labels: [0, 0, 2, 1, 0, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 2, 2, 0, 2, 0, 0, 0, 0, 0, 1, 0, 1, 0, 2, 1, 0,
                     0, 0, 0, 2, 1, 1, 0, 2, 2, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1, 1, 1, 1, 2, 0],
            silhouette: nil),
        Expectation(k: 3, tolerance: 1e-2, inertia: 187.2928371759, iterations: 3, labels: nil, silhouette: 0.242369777621),
        Expectation(
            k: 4, tolerance: 0, inertia: 97.5257842308, iterations: 10,
            labels: [0, 0, 3, 2, 1, 1, 2, 0, 0, 0, 2, 3, 2, 0, 1, 0, 3, 3, 3, 1, 3, 2, 1, 1, 2, 1, 3, 2, 3, 0, 2, 3, 0,
                     1, 2, 1, 3, 3, 3, 0, 3, 3, 0, 1, 2, 1, 3, 2, 3, 2, 1, 1, 1, 0, 1, 3, 3, 3, 3, 0],
            silhouette: nil),
        Expectation(k: 4, tolerance: 1e-2, inertia: 97.5257842308, iterations: 10, labels: nil, silhouette: 0.395083627780),
        Expectation(
            k: 5, tolerance: 0, inertia: 88.0941133929, iterations: 6,
            labels: [0, 0, 3, 2, 1, 1, 2, 0, 1, 0, 2, 3, 2, 0, 1, 0, 3, 3, 3, 1, 3, 2, 1, 1, 2, 1, 4, 2, 3, 1, 2, 4, 2,
                     1, 2, 1, 3, 3, 4, 1, 3, 3, 0, 1, 2, 1, 3, 2, 4, 2, 1, 1, 1, 2, 1, 3, 3, 3, 3, 0],
            silhouette: nil),
        Expectation(k: 5, tolerance: 1e-2, inertia: 88.4799689965, iterations: 4, labels: nil, silhouette: 0.327601516180),
    ]

    static func matrix(_ rows: [[Double]]) throws -> FeatureMatrix { try FeatureMatrix(rows: rows) }
}
