/// The word lists synthetic profiles and events are drawn from.
enum ProfileVocabulary {
    static let femaleNames = [
        "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
        "Lisa", "Nancy", "Sandra", "Ashley", "Emily", "Donna", "Michelle", "Carol", "Amanda", "Melissa",
        "Wei", "Fang", "Yuki", "Sofia", "Emma", "Olivia", "Ava", "Mia", "Chloe", "Lena",
    ]
    static let maleNames = [
        "James", "Robert", "John", "Michael", "David", "William", "Richard", "Joseph", "Thomas", "Charles",
        "Daniel", "Matthew", "Anthony", "Mark", "Steven", "Paul", "Andrew", "Joshua", "Kevin", "Brian",
        "Wei", "Jun", "Hiroshi", "Lucas", "Noah", "Liam", "Ethan", "Felix", "Jonas", "Omar",
    ]
    static let lastNames = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee",
        "Wang", "Li", "Zhang", "Chen", "Liu", "Tanaka", "Sato", "Muller", "Schmidt", "Dubois",
        "Nguyen", "Kim", "Park", "Walker", "Young", "King", "Wright", "Scott", "Green", "Baker",
    ]
    static let emailDomains = ["example.com", "mail.example", "inbox.example", "example.org", "post.example"]

    /// (country, region, city, postcode digits or pattern, phone prefix, weight).
    static let places: [(country: String, region: String, city: String, postcode: Postcode, phonePrefix: String, weight: Double)] = [
        ("US", "CA", "Los Angeles", .digits(5, base: 90_000), "+1", 0.14),
        ("US", "CA", "San Francisco", .digits(5, base: 94_100), "+1", 0.06),
        ("US", "NY", "New York", .digits(5, base: 10_000), "+1", 0.14),
        ("US", "TX", "Houston", .digits(5, base: 77_000), "+1", 0.08),
        ("US", "TX", "Austin", .digits(5, base: 78_700), "+1", 0.04),
        ("US", "IL", "Chicago", .digits(5, base: 60_600), "+1", 0.07),
        ("US", "FL", "Miami", .digits(5, base: 33_100), "+1", 0.06),
        ("US", "WA", "Seattle", .digits(5, base: 98_100), "+1", 0.05),
        ("CA", "ON", "Toronto", .canadian, "+1", 0.06),
        ("GB", "England", "London", .british, "+44", 0.08),
        ("DE", "Berlin", "Berlin", .digits(5, base: 10_100), "+49", 0.06),
        ("CN", "Shanghai", "Shanghai", .digits(6, base: 200_000), "+86", 0.08),
        ("CN", "Guangdong", "Shenzhen", .digits(6, base: 518_000), "+86", 0.05),
        ("JP", "Tokyo", "Tokyo", .japanese, "+81", 0.03),
    ]

    enum Postcode {
        case digits(Int, base: Int)
        case canadian
        case british
        case japanese
    }

    static let genders = ["female", "male", "unspecified"]
    static let genderWeights = [0.49, 0.49, 0.02]
    static let incomeLevels = ["low", "medium", "high"]
    static let incomeWeights = [0.35, 0.45, 0.20]
    static let educationLevels = ["secondary", "bachelor", "master", "doctorate"]
    static let educationWeights = [0.40, 0.38, 0.17, 0.05]
    static let occupations = ["student", "engineer", "teacher", "nurse", "manager", "designer", "retired", "sales", "self-employed", "clerk"]
    static let contactChannels = ["email", "sms", "appPush", "wechat", "directMail", "phone"]
    static let contactChannelWeights = [0.40, 0.20, 0.18, 0.12, 0.05, 0.05]

    static let categoryNames = [
        "fashion", "electronics", "home", "beauty", "sports", "books", "toys", "grocery", "health", "garden",
        "automotive", "pets", "music", "movies", "games", "office", "jewelry", "shoes", "outdoor", "kitchen",
        "baby", "crafts", "travel", "photography", "computers", "phones", "furniture", "lighting", "tools", "wine",
        "coffee", "tea", "snacks", "fitness", "cycling", "camping", "watches", "bags", "stationery", "smart-home",
    ]

    static let appFeatures = ["home", "search", "wishlist", "cart", "orders", "coupons", "live", "profile"]
    static let comments = ["love it", "great quality", "fast delivery", "not as pictured", "good value", "would buy again"]
    static let complaints = [
        "parcel arrived late", "item damaged", "wrong size delivered", "refund not received", "rude support agent",
        "missing item in order",
    ]
}
