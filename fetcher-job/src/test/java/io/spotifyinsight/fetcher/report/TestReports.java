package io.spotifyinsight.fetcher.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Run reports with "any" values, so that a test states only what it is about. */
public final class TestReports {
    public static final Instant AT = Instant.parse("2026-12-02T03:00:12Z");
    public static final LocalDate DATE = LocalDate.of(2026, 12, 2);

    private TestReports() {}

    /** Run 41: 3 of 3 aliases stored through the blend, 60 tracks. */
    public static RunReport succeeded() {
        return finished().build();
    }

    /** Run 42: bob failed, Last.fm unavailable. */
    public static RunReport partial() {
        return finished()
                .runId(42)
                .status(RunReport.Status.PARTIAL)
                .users(2, 1)
                .tracks(40)
                .failures(
                        new RunReport.FailedAlias("bob", "no tracks found for these seeds", false))
                .unavailable("lastfm")
                .traffic(
                        Map.of(
                                "spotify",
                                new RunReport.Traffic(26, 2),
                                "lastfm",
                                new RunReport.Traffic(15, 0)))
                .build();
    }

    /** A failed run with {@code n} failed aliases. */
    public static RunReport failedWith(int n) {
        return finished()
                .runId(43)
                .status(RunReport.Status.FAILED)
                .strategy("spotify")
                .users(0, n)
                .tracks(0)
                .duration(Duration.ofSeconds(3))
                .failures(
                        IntStream.range(0, n)
                                .mapToObj(
                                        i ->
                                                new RunReport.FailedAlias(
                                                        "alias" + i,
                                                        "Spotify answered 500 " + "x".repeat(40),
                                                        false))
                                .toArray(RunReport.FailedAlias[]::new))
                .traffic(Map.of())
                .build();
    }

    public static RunReport notStarted() {
        return RunReport.notStarted(
                DATE, "auto", "another fetch run is in progress (lock held)", AT);
    }

    /** A finished run, as {@link #succeeded} unless changed. */
    static Finished finished() {
        return new Finished();
    }

    /** The values of a finished run that tests change; the rest is fixed. */
    static final class Finished {
        private long runId = 41;
        private RunReport.Status status = RunReport.Status.SUCCEEDED;
        private String strategy = "auto";
        private List<String> strategiesUsed = List.of("blend");
        private int stored = 3;
        private int failed = 0;
        private int tracks = 60;
        private Duration duration = Duration.ofMillis(9400);
        private List<RunReport.FailedAlias> failures = List.of();
        private List<String> unavailable = List.of();
        private Map<String, RunReport.Traffic> traffic =
                Map.of(
                        "spotify",
                        new RunReport.Traffic(12, 0),
                        "reccobeats",
                        new RunReport.Traffic(5, 1));

        Finished runId(long value) {
            runId = value;
            return this;
        }

        Finished status(RunReport.Status value) {
            status = value;
            return this;
        }

        /** The configured strategy, and none used (a run that stored nothing). */
        Finished strategy(String value) {
            strategy = value;
            strategiesUsed = List.of();
            return this;
        }

        /** Aliases stored and failed, out of their sum. */
        Finished users(int storedCount, int failedCount) {
            stored = storedCount;
            failed = failedCount;
            return this;
        }

        Finished tracks(int value) {
            tracks = value;
            return this;
        }

        Finished duration(Duration value) {
            duration = value;
            return this;
        }

        Finished failures(RunReport.FailedAlias... values) {
            failures = List.of(values);
            return this;
        }

        Finished unavailable(String... sources) {
            unavailable = List.of(sources);
            return this;
        }

        Finished traffic(Map<String, RunReport.Traffic> value) {
            traffic = value;
            return this;
        }

        RunReport build() {
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
