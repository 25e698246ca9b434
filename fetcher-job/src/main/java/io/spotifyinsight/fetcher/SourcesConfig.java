package io.spotifyinsight.fetcher;

import io.spotifyinsight.config.EnvReader;
import io.spotifyinsight.sources.SourceConfig;
import io.spotifyinsight.sources.SourceService;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The blend's settings, read by {@link FetcherEnvironment}. {@code toString} leaves the Last.fm key
 * out.
 *
 * <ul>
 *   <li>{@code FETCHER_SOURCES}: the third-party services the blend may call, a comma list of
 *       reccobeats, lastfm, musicbrainz, or none; default all three, lastfm only with a key;
 *   <li>{@code RECCOBEATS_API_URL}, {@code LASTFM_API_URL}, {@code MUSICBRAINZ_API_URL}: the
 *       services' base URLs (https, except on loopback);
 *   <li>{@code LASTFM_API_KEY}: the operator's own key (a secret); {@code MUSICBRAINZ_CONTACT}: the
 *       contact MusicBrainz requires in the User-Agent;
 *   <li>{@code RECCOBEATS_REQUESTS_PER_SECOND}, {@code LASTFM_REQUESTS_PER_SECOND} (default 2,
 *       shared by all threads; MusicBrainz is always held to 1 per second);
 *   <li>{@code FETCHER_NO_REPEAT_DAYS} (0 to 365, default 14) and {@code
 *       FETCHER_SPOTIFY_REQUESTS_PER_ALIAS} (1 to 50, default 4: the Spotify allowance of one
 *       alias's candidates per night; seed lookups come on top, on an alias's first night only).
 * </ul>
 */
public record SourcesConfig(
        Set<SourceService> sources,
        SourceConfig reccoBeats,
        SourceConfig lastFm,
        String lastFmApiKey,
        SourceConfig musicBrainz,
        String musicBrainzContact,
        int noRepeatDays,
        int spotifyRequestsPerAlias) {
    public static final String DEFAULT_MUSICBRAINZ_CONTACT =
            "https://github.com/spotify-insight/spotify-insight";
    public static final int DEFAULT_NO_REPEAT_DAYS = 14;
    public static final int MAX_NO_REPEAT_DAYS = 365;
    public static final int DEFAULT_SPOTIFY_REQUESTS_PER_ALIAS = 4;
    public static final int MAX_SPOTIFY_REQUESTS_PER_ALIAS = 50;
    public static final double DEFAULT_REQUESTS_PER_SECOND = 2;
    static final String SOURCES_ACCEPTED =
            "a comma list of reccobeats, lastfm, musicbrainz, or none";

    public SourcesConfig {
        sources = sources.isEmpty() ? EnumSet.noneOf(SourceService.class) : EnumSet.copyOf(sources);
    }

    public boolean uses(SourceService service) {
        return sources.contains(service);
    }

    /** Reads the variables above, recording each problem in {@code env}. */
    public static SourcesConfig read(EnvReader env) {
        String key = env.text("LASTFM_API_KEY");
        Set<SourceService> sources =
                EnumSet.of(SourceService.RECCOBEATS, SourceService.MUSICBRAINZ);
        if (key != null) {
            sources.add(SourceService.LASTFM);
        }
        String rawSources = env.text("FETCHER_SOURCES");
        if (rawSources != null) {
            sources = parseSources(rawSources, env);
            if (sources.contains(SourceService.LASTFM) && key == null) {
                env.problem(
                        "FETCHER_SOURCES names lastfm but LASTFM_API_KEY is not set: set your own"
                                + " Last.fm API key (free with an account) or leave lastfm out");
            }
        }
        SourceConfig recco = source(env, "RECCOBEATS", SourceService.RECCOBEATS);
        SourceConfig lastFm = source(env, "LASTFM", SourceService.LASTFM);
        SourceConfig musicBrainz = url(env, "MUSICBRAINZ_API_URL", SourceService.MUSICBRAINZ, 1);
        String contact = env.text("MUSICBRAINZ_CONTACT", DEFAULT_MUSICBRAINZ_CONTACT);
        if (contact.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            env.problem(
                    "MUSICBRAINZ_CONTACT holds a control or non-ASCII character: expected an e-mail"
                            + " address or URL, such as ops@example.org");
        }
        int noRepeat =
                env.wholeNumber(
                        "FETCHER_NO_REPEAT_DAYS", DEFAULT_NO_REPEAT_DAYS, 0, MAX_NO_REPEAT_DAYS);
        int budget =
                env.wholeNumber(
                        "FETCHER_SPOTIFY_REQUESTS_PER_ALIAS",
                        DEFAULT_SPOTIFY_REQUESTS_PER_ALIAS,
                        1,
                        MAX_SPOTIFY_REQUESTS_PER_ALIAS);
        return new SourcesConfig(
                sources, recco, lastFm, key, musicBrainz, contact, noRepeat, budget);
    }

    private static Set<SourceService> parseSources(String raw, EnvReader env) {
        Set<SourceService> sources = EnumSet.noneOf(SourceService.class);
        if (raw.strip().equalsIgnoreCase("none")) {
            return sources;
        }
        for (String part : raw.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            SourceService found = null;
            for (SourceService service : SourceService.values()) {
                if (service.configName().equals(name)) {
                    found = service;
                }
            }
            if (found == null) {
                env.problem(
                        "FETCHER_SOURCES is '"
                                + raw
                                + "': '"
                                + part.strip()
                                + "' is not a source; expected "
                                + SOURCES_ACCEPTED
                                + " (default reccobeats,lastfm,musicbrainz; lastfm only with"
                                + " LASTFM_API_KEY)");
                return EnumSet.noneOf(SourceService.class);
            }
            sources.add(found);
        }
        return sources;
    }

    private static SourceConfig source(EnvReader env, String prefix, SourceService service) {
        double rate =
                env.number(
                        prefix + "_REQUESTS_PER_SECOND",
                        DEFAULT_REQUESTS_PER_SECOND,
                        value -> value > 0 && value <= 50,
                        "a number above 0 and at most 50 (default 2)");
        return url(env, prefix + "_API_URL", service, rate);
    }

    private static SourceConfig url(
            EnvReader env, String name, SourceService service, double rate) {
        String raw = env.text(name);
        try {
            return SourceConfig.of(raw == null ? service.defaultBaseUrl() : raw, rate);
        } catch (IllegalArgumentException e) {
            env.problem(name + " is '" + raw + "': " + e.getMessage());
            return SourceConfig.of(service.defaultBaseUrl(), rate);
        }
    }

    @Override
    public String toString() {
        return "SourcesConfig[sources="
                + sources
                + ", reccoBeats="
                + reccoBeats
                + ", lastFm="
                + lastFm
                + ", lastFmApiKey="
                + (lastFmApiKey == null ? "none" : "***")
                + ", musicBrainz="
                + musicBrainz
                + ", musicBrainzContact="
                + musicBrainzContact
                + ", noRepeatDays="
                + noRepeatDays
                + ", spotifyRequestsPerAlias="
                + spotifyRequestsPerAlias
                + "]";
    }
}
