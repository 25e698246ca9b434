package io.spotifyinsight.fetcher.run;

import io.spotifyinsight.fetcher.FetcherEnvironment;
import io.spotifyinsight.fetcher.StrategyChoice;
import io.spotifyinsight.fetcher.blend.SourceHealth;
import io.spotifyinsight.fetcher.engine.RunResult;
import io.spotifyinsight.fetcher.report.RunReport;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The {@link RunReport}s of the run command: of a run that ended, and of one that could not start.
 */
final class RunReports {
    private RunReports() {}

    static RunReport finished(
            Map<String, RunReport.Traffic> traffic,
            Clock clock,
            RunResult result,
            StrategyChoice choice,
            SourceHealth health) {
        return RunReport.finished(
                result, choice.value(), health.unavailableNames(), traffic, clock.instant());
    }

    /**
     * @param dateOption {@code --date}, or null for today in APP_TIMEZONE (null in the report when
     *     the fetcher's settings cannot be read)
     * @param strategyOption {@code --strategy}, or null for FETCHER_STRATEGY
     */
    static RunReport notStarted(
            FetcherEnvironment env,
            Clock clock,
            LocalDate dateOption,
            StrategyChoice strategyOption,
            String why) {
        LocalDate date = dateOption;
        String strategy = strategyOption == null ? null : strategyOption.value();
        try {
            var config = env.fetcher();
            date = date != null ? date : LocalDate.now(clock.withZone(config.timezone()));
            strategy = strategy != null ? strategy : config.strategy().value();
        } catch (RuntimeException e) {
            // an invalid fetcher setting: the report says what was asked for, and why it did not
            // start
        }
        return RunReport.notStarted(date, strategy, oneLine(why), clock.instant());
    }

    /** "configuration error:\n - A\n - B" as "configuration error: A; B". */
    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        List<String> lines =
                message.lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .map(line -> line.startsWith("- ") ? line.substring(2) : line)
                        .toList();
        return lines.size() == 1
                ? lines.get(0)
                : lines.get(0) + " " + String.join("; ", lines.subList(1, lines.size()));
    }
}
