package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.cli.Converters;
import io.spotifyinsight.persistence.user.UserSettings;
import java.util.List;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --market} and {@code --limit} of {@code users add} and {@code users update}: one name,
 * label, type and converter each, declared here once through picocli's programmatic API; each
 * command gives the help that says what leaving an option out means to it (no market and the
 * default limit for a new alias, no change for an update). {@link SettingsCommand} adds them to its
 * command.
 */
final class MarketAndLimit {
    private final OptionSpec market;
    private final OptionSpec limit;

    /** For {@code users add}: no market and the default limit when left out. */
    static MarketAndLimit forNewAlias() {
        return new MarketAndLimit(
                "ISO 3166-1 alpha-2 country code, e.g. US or SE (default: none).",
                "Tracks per day, 1 to 100 (default: ${DEFAULT-VALUE}).",
                UserSettings.DEFAULT_TRACK_LIMIT);
    }

    /** For {@code users update}: an option left out changes nothing. */
    static MarketAndLimit forUpdate() {
        return new MarketAndLimit(
                "New market (ISO 3166-1 alpha-2 code).",
                "New number of tracks per day, 1 to 100.",
                null);
    }

    /**
     * @param defaultLimit the limit when {@code --limit} is not given ({@code ${DEFAULT-VALUE}} in
     *     {@code limitHelp}), or null for none
     */
    private MarketAndLimit(String marketHelp, String limitHelp, Integer defaultLimit) {
        this.market =
                OptionSpec.builder("--market")
                        .paramLabel("CC")
                        .type(String.class)
                        .description(marketHelp)
                        .build();
        this.limit =
                OptionSpec.builder("--limit")
                        .paramLabel("N")
                        .type(Integer.class)
                        .converters(new Converters.TrackLimit())
                        .defaultValue(defaultLimit == null ? null : defaultLimit.toString())
                        .description(limitHelp)
                        .build();
    }

    List<OptionSpec> specs() {
        return List.of(market, limit);
    }

    /** The market as given (not yet checked), or null. */
    String market() {
        return market.getValue();
    }

    /** The tracks per day given (not yet checked against the range), the default, or null. */
    Integer limit() {
        return limit.getValue();
    }
}
