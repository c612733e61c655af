/// A baseline sentiment scorer for English and Chinese from small built-in lexicons, with
/// negation. A baseline to compare better scorers against, not a model.
///
/// - English: lower-cased runs of ASCII letters and apostrophes are words; a word in the
///   positive or negative list counts +1 or −1.
/// - Chinese: at each Han character the longest lexicon word starting there (up to four
///   characters) is matched; words are matched before negators, so 不错 is one positive word.
/// - Negation: after an English `not`, `no`, `never` or a word ending in `n't`, or a
///   Chinese 不 or 没, the polarity of the next sentiment word is flipped if it starts
///   within three English words or two Chinese characters.
/// - Score: (positives − negatives) / (positives + negatives), 0 without sentiment words.
///
/// `"not bad, good value"` → +1; `"物流太慢了，不满意"` → −1; `"I do not like the colour
/// but the fit is great"` → 0. See `Documentation/SocialListening.md` for the lexicons.
public struct LexiconSentimentScorer: SentimentScorer {
    /// Positive English words (lower case).
    public var positiveEnglish: Set<String>
    /// Negative English words (lower case).
    public var negativeEnglish: Set<String>
    /// Positive Chinese words.
    public var positiveChinese: Set<String>
    /// Negative Chinese words.
    public var negativeChinese: Set<String>

    /// The built-in positive English words.
    public static let defaultPositiveEnglish: Set<String> = [
        "good", "great", "love", "like", "excellent", "nice", "happy", "recommend", "amazing", "perfect", "best",
        "fast", "beautiful", "awesome", "satisfied", "comfortable", "worth", "helpful",
    ]
    /// The built-in negative English words.
    public static let defaultNegativeEnglish: Set<String> = [
        "bad", "terrible", "slow", "broken", "hate", "disappointed", "poor", "worst", "awful", "expensive", "problem",
        "refund", "fake", "rude", "late", "complaint", "useless",
    ]
    /// The built-in positive Chinese words.
    public static let defaultPositiveChinese: Set<String> = [
        "好", "喜欢", "满意", "推荐", "不错", "棒", "赞", "快", "优秀", "划算", "漂亮", "舒服", "值得", "好用",
    ]
    /// The built-in negative Chinese words.
    public static let defaultNegativeChinese: Set<String> = [
        "差", "慢", "失望", "讨厌", "糟糕", "坏", "贵", "投诉", "问题", "退货", "假货", "难用", "垃圾",
    ]

    /// Creates a scorer with the built-in lexicons, or with your own.
    public init(
        positiveEnglish: Set<String> = defaultPositiveEnglish, negativeEnglish: Set<String> = defaultNegativeEnglish,
        positiveChinese: Set<String> = defaultPositiveChinese, negativeChinese: Set<String> = defaultNegativeChinese
    ) {
        self.positiveEnglish = positiveEnglish
        self.negativeEnglish = negativeEnglish
        self.positiveChinese = positiveChinese
        self.negativeChinese = negativeChinese
    }

    public func scores(for texts: [String]) async throws -> [Double] {
        texts.map(score)
    }

    /// The score of one text.
    /// - Complexity: O(length).
    public func score(_ text: String) -> Double {
        let characters = Array(text.lowercased())
        var positives = 0, negatives = 0
        var negationLeft = 0  // tokens (English words or Han characters) the pending negation still covers
        func count(_ polarity: Int) {
            let flipped = negationLeft > 0 ? -polarity : polarity
            if flipped > 0 { positives += 1 } else { negatives += 1 }
            negationLeft = 0
        }
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c.isASCII && (c.isLetter || c == "'") {
                var j = i
                while j < characters.count, characters[j].isASCII, characters[j].isLetter || characters[j] == "'" { j += 1 }
                let word = String(characters[i..<j])
                i = j
                if negationLeft > 0 { negationLeft -= 1 }
                if positiveEnglish.contains(word) {
                    count(1)
                } else if negativeEnglish.contains(word) {
                    count(-1)
                } else if word == "not" || word == "no" || word == "never" || word.hasSuffix("n't") {
                    negationLeft = 4  // this word plus the three that follow
                }
                continue
            }
            if Self.isHan(c) {
                if negationLeft > 0 { negationLeft -= 1 }
                var matched = 0
                var polarity = 0
                for length in stride(from: min(4, characters.count - i), through: 1, by: -1) {
                    let word = String(characters[i..<(i + length)])
                    if positiveChinese.contains(word) { matched = length; polarity = 1; break }
                    if negativeChinese.contains(word) { matched = length; polarity = -1; break }
                }
                if matched > 0 {
                    count(polarity)
                    i += matched
                } else {
                    if c == "不" || c == "没" { negationLeft = 3 }  // this character plus the two that follow
                    i += 1
                }
                continue
            }
            i += 1
        }
        let total = positives + negatives
        return total > 0 ? Double(positives - negatives) / Double(total) : 0
    }

    static func isHan(_ c: Character) -> Bool {
        guard let scalar = c.unicodeScalars.first else { return false }
        return (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }
}
