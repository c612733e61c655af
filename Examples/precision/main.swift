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
      clv       (--input FILE --calibration-end D [--holdout-end D] | --summary FILE)
                [--model bgnbd|mbgnbd|paretonbd] [--unit day|week] [--spend gammagamma] [--horizon T]
                [--discount-rate R] [--months M] [--currency CODE] [--format json|table]
                horizon: default the holdout length, else 52 weeks / 364 days; CLV with
                --months M: monthly rule at R per month, else continuous over the horizon
      score     --input FILE [--as-of D] [--weights r,f,m,if,id,si] [--currency CODE] [--format json|table]
      segment   --input FILE --definition FILE.json [--segment ID] [--as-of D] [--explain CUSTOMER_ID]
                [--profiles FILE.jsonl] [--interactions FILE.jsonl] [--categories FILE.csv]
                [--currency CODE] [--format json|table]
      cluster   --input FILE --k K [--seed S] [--restarts N] [--init kmeans++|rows] [--tolerance T]
                [--max-iterations N] [--silhouette-sample M] [--as-of D] [--currency CODE] [--format json|table]
                k-means on standardised log(1 + x) RFM features; profile per cluster
      rules     --input FILE [--min-support S] [--min-confidence C] [--max-length N] [--currency CODE]
                [--format json|table]    defaults: support 0.005, confidence 0.2; baskets are orders
      recommend --input FILE [--k 10] [--neighbors 50] [--customers a,b,...] [--currency CODE]
                [--catalog FILE.csv|FILE.jsonl [--per-category 3] [--as-of D]]
                [--format json|table]    item-item cosine CF; bought items excluded; with a
                catalogue: CF, then category-affinity popularity, then overall popularity,
                at most M per category, each entry with its source
      evaluate-recs --input FILE --split-date D [--k 10] [--neighbors 50] [--min-support S]
                [--min-confidence C] [--currency CODE] [--format json|table]
                offline evaluation: train before D, judge the top k on new items bought from D on
      report    --input FILE --output FILE.html [--as-of D] [--campaign FILE.csv] [--currency CODE]
                self-contained HTML (inline SVG): RFM heat map, value tiers, CLV, segments; with
                --campaign (customer_id,treated,responded,predicted_uplift) gain and Qini curves
      social    --input EVENTS.jsonl [--as-of D] [--top N] [--credit direct|geometric] [--window DAYS]
                [--format json|table]    fission chains and K-factor, top referrers, influence, KOL
                candidates with audience overlap, community health (default as-of: day after the last event)
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
    case "demo": try await DemoCommand.run(&arguments)
    case "clv": try CLVCommand.run(&arguments)
    case "score": try ScoreCommand.run(&arguments)
    case "segment": try SegmentCommand.run(&arguments)
    case "cluster": try ClusterCommand.run(&arguments)
    case "rules": try RulesCommand.run(&arguments)
    case "recommend": try RecommendCommand.run(&arguments)
    case "evaluate-recs": try EvaluateRecsCommand.run(&arguments)
    case "report": try ReportCommand.run(&arguments)
    case "social": try SocialCommand.run(&arguments)
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
