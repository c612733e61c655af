#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

let usage = """
    usage: precision <command> [options]
      demo      [--customers N] [--seed S] [--format json|table]
      rfm       --input FILE [--as-of YYYY-MM-DD] [--currency CODE] [--format json|table]
      validate  --input FILE [--currency CODE] [--format json|table]
    """

let commandLine = CommandLine.arguments
guard commandLine.count >= 2 else {
    StandardStreams.error(usage)
    exit(2)
}
do {
    let command = commandLine[1]
    var arguments = try CommandLineArguments(commandLine.dropFirst(2))
    switch command {
    case "rfm": try RFMCommand.run(&arguments)
    case "validate": try ValidateCommand.run(&arguments)
    case "demo": try DemoCommand.run(&arguments)
    case "help", "--help", "-h":
        StandardStreams.write(Array((usage + "\n").utf8))
    default:
        throw UsageError("unknown command '\(command)'; try `precision help`")
    }
} catch let error as UsageError {
    StandardStreams.error("precision: \(error.description)")
    exit(2)
} catch {
    StandardStreams.error("precision: \(error)")
    exit(1)
}
