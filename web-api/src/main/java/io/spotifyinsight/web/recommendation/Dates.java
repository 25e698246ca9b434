package io.spotifyinsight.web.recommendation;

import io.spotifyinsight.persistence.Printable;
import io.spotifyinsight.web.error.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Strict parsing of the API's date parameters: YYYY-MM-DD, real calendar dates only (no
 * 2026-02-30).
 */
public final class Dates {
    private static final DateTimeFormatter ISO_STRICT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private Dates() {}

    /**
     * Parses {@code raw} as the value of parameter {@code name}, or answers 400 saying what is
     * accepted.
     */
    public static LocalDate parse(String name, String raw, String alsoAccepted) {
        // length first: a 10 kB parameter is rejected without being scanned or echoed
        if (raw.length() == 10) {
            try {
                return LocalDate.parse(raw, ISO_STRICT);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw ApiException.badRequest(
                "invalid-date",
                name
                        + " must be YYYY-MM-DD, a real calendar date such as 2026-02-28"
                        + alsoAccepted
                        + " (got '"
                        + Printable.of(raw, 43) // 40 characters and "..."
                        + "')");
    }
}
