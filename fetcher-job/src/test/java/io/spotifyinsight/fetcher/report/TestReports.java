package io.spotifyinsight.fetcher.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Run reports with "any" values, so that a test states only what it is about. */
public final class TestReports {
    public static final Instant AT = Instant.parse("2026-12-02T03:00:12Z");
    public static final LocalDate DATE = LocalDate.of(2026, 12, 2);

    private TestReports() {}

    public static RunReport succeeded() {
        return new RunReport(
                RunReport.Event.RUN_FINISHED,
                41L,
                DATE,
                RunReport.Status.SUCCEEDED,
                "auto",
                List.of("blend"),
                3,
                0,
                3,
                60,
                Duration.ofMillis(9400),
                List.of(),
                List.of(),
                null,
                Map.of(
                        "spotify",
                        new RunReport.Traffic(12, 0),
                        "reccobeats",
                        new RunReport.Traffic(5, 1)),
                AT);
    }

    public static RunReport partial() {
        return new RunReport(
                RunReport.Event.RUN_FINISHED,
                42L,
                DATE,
                RunReport.Status.PARTIAL,
                "auto",
                List.of("blend"),
                2,
                1,
                3,
                40,
                Duration.ofMillis(9400),
                List.of(new RunReport.FailedAlias("bob", "no tracks found for these seeds", false)),
                List.of("lastfm"),
                null,
                Map.of(
                        "spotify",
                        new RunReport.Traffic(26, 2),
                        "lastfm",
                        new RunReport.Traffic(15, 0)),
                AT);
    }

    /** A failed run with {@code n} failed aliases. */
    public static RunReport failedWith(int n) {
        List<RunReport.FailedAlias> failures =
                java.util.stream.IntStream.range(0, n)
                        .mapToObj(
                                i ->
                                        new RunReport.FailedAlias(
                                                "alias" + i,
                                                "Spotify answered 500 " + "x".repeat(40),
                                                false))
                        .toList();
        return new RunReport(
                RunReport.Event.RUN_FINISHED,
                43L,
                DATE,
                RunReport.Status.FAILED,
                "spotify",
                List.of(),
                0,
                n,
                n,
                0,
                Duration.ofSeconds(3),
                failures,
                List.of(),
                null,
                Map.of(),
                AT);
    }

    public static RunReport notStarted() {
        return RunReport.notStarted(
                DATE, "auto", "another fetch run is in progress (lock held)", AT);
    }
}
