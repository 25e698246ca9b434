package io.spotifyinsight.fetcher.notify;

import io.spotifyinsight.fetcher.report.RunReport;
import java.util.Locale;

/** {@code NOTIFY_ON}: which runs are worth a message. */
public enum NotifyOn {
    /** Partial, failed and not-started runs: the nights someone should look at. */
    FAILURE,
    ALWAYS,
    NEVER;

    static final String ACCEPTED =
            "failure (partial, failed or not started runs; the default), always or never";

    public boolean wants(RunReport.Status status) {
        return switch (this) {
            case FAILURE -> status.isFailure();
            case ALWAYS -> true;
            case NEVER -> false;
        };
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
