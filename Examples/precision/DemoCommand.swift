import PrecisionMarketing

enum DemoCommand {
    static func run(_ arguments: inout CommandLineArguments) throws {
        throw UsageError("demo: being written")
    }
}
