package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.spotify.SpotifyIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A repeatable option naming Spotify items of one kind, each as a bare id, a URI or an
 * open.spotify.com link: the seeds' {@code --artist} and {@code --track}, the exclusions' {@code
 * --exclude-artist} and {@code --exclude-track}. Its help states the accepted forms and {@link
 * #ids} reads them by one rule ({@link SpotifyIds#parse}), so the four options are declared here
 * once, through picocli's programmatic API; {@link SettingsCommand} adds them to its command.
 */
final class SpotifyIdOption {
    private final SpotifyIds.Kind kind;
    private final OptionSpec spec;

    /**
     * @param role what one value is, e.g. "An artist seed"; the help adds that the option is
     *     repeatable and the forms accepted
     */
    SpotifyIdOption(String name, SpotifyIds.Kind kind, String role) {
        String type = kind.name().toLowerCase(Locale.ROOT);
        this.kind = kind;
        this.spec =
                OptionSpec.builder(name)
                        .paramLabel("ID|URI|URL")
                        .type(List.class)
                        .auxiliaryTypes(String.class)
                        .description(
                                role
                                        + " (repeatable): a 22-character id, spotify:"
                                        + type
                                        + ":ID or https://open.spotify.com/"
                                        + type
                                        + "/ID.")
                        .build();
    }

    String name() {
        return spec.longestName();
    }

    OptionSpec spec() {
        return spec;
    }

    /** The values as given, in order; empty when the option was not given. */
    List<String> values() {
        List<String> values = spec.getValue();
        return values == null ? List.of() : values;
    }

    boolean given() {
        return !values().isEmpty();
    }

    /**
     * The bare ids of the values; each value that cannot be read adds its message, which names the
     * accepted forms, to {@code problems}.
     */
    List<String> ids(List<String> problems) {
        List<String> ids = new ArrayList<>();
        for (String value : values()) {
            try {
                ids.add(SpotifyIds.parse(kind, value));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return ids;
    }
}
