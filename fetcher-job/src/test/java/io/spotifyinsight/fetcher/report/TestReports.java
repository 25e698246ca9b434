package io.spotifyinsight.fetcher.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/** Run reports with "any" values, so that a test states only what it is about. */
public final class TestReports {
    public static final Instant AT = Instant.parse("2026-12-02T03:00:12Z");
    public static final LocalDate DATE = LocalDate.of(2026, 12, 2);

    private TestReports() {}

    /** Run 41: 3 of 3 aliases stored through the blend, 60 tracks. */
    public static RunReport succeeded() {
        return finished(run -> {});
    }

    /** Run 42: bob failed, Last.fm unavailable. */
    public static RunReport partial() {
        return finished(
                run -> {
                    run.runId = 42;
                    run.status = RunReport.Status.PARTIAL;
                    run.stored = 2;
                    run.failed = 1;
                    run.tracks = 40;
                    run.failures =
                            List.of(
                                    new RunReport.FailedAlias(
                                            "bob", "no tracks found for these seeds", false));
                    run.unavailable = List.of("lastfm");
                    run.traffic =
                            Map.of(
                                    "spotify",
                                    new RunReport.Traffic(26, 2),
                                    "lastfm",
                                    new RunReport.Traffic(15, 0));
                });
    }

    /** A failed run with {@code n} failed aliases. */
    public static RunReport failedWith(int n) {
        return finished(
                run -> {
                    run.runId = 43;
                    run.status = RunReport.Status.FAILED;
                    run.strategy = "spotify";
                    run.strategiesUsed = List.of();
                    run.stored = 0;
                    run.failed = n;
                    run.tracks = 0;
                    run.duration = Duration.ofSeconds(3);
                    run.failures =
                            IntStream.range(0, n)
                                    .mapToObj(
                                            i ->
                                                    new RunReport.FailedAlias(
                                                            "alias" + i,
                                                            "Spotify answered 500 "
                                                                    + "x".repeat(40),
                                                            false))
                                    .toList();
                    run.traffic = Map.of();
                });
    }

    public static RunReport notStarted() {
        return RunReport.notStarted(
                DATE, "auto", "another fetch run is in progress (lock held)", AT);
    }

    /** A finished run with the values of {@link #succeeded}, but for what {@code changes} sets. */
    static RunReport finished(Consumer<Finished> changes) {
        Finished run = new Finished();
        changes.accept(run);
        return run.build();
    }

    /** The values of a finished run that tests change; the rest is fixed. */
    static final class Finished {
        long runId = 41;
        RunReport.Status status = RunReport.Status.SUCCEEDED;
        String strategy = "auto";
        List<String> strategiesUsed = List.of("blend");
        int stored = 3;
        int failed = 0;
        int tracks = 60;
        Duration duration = Duration.ofMillis(9400);
        List<RunReport.FailedAlias> failures = List.of();
        List<String> unavailable = List.of();
        Map<String, RunReport.Traffic> traffic =
                Map.of(
                        "spotify",
                        new RunReport.Traffic(12, 0),
                        "reccobeats",
                        new RunReport.Traffic(5, 1));

        private RunReport build() {
            return new RunReport(
                    RunReport.Event.RUN_FINISHED,
                    runId,
                    DATE,
                    status,
                    strategy,
                    strategiesUsed,
                    stored,
                    failed,
                    stored + failed,
                    tracks,
                    duration,
                    failures,
                    unavailable,
                    null,
                    traffic,
                    AT);
        }
    }
}
