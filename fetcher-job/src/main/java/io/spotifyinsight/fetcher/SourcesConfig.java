package io.spotifyinsight.fetcher;

import io.spotifyinsight.sources.SourceConfig;
import io.spotifyinsight.sources.SourceService;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The blend's settings, parsed once at start-up; every problem reported at once, naming its variable.
 * {@code toString} leaves the Last.fm key out.
 *
 * <ul>
 *   <li>{@code FETCHER_SOURCES}: the third-party services the blend may call, a comma list of
 *       reccobeats, lastfm, musicbrainz, or none; default all three, lastfm only with a key;
 *   <li>{@code RECCOBEATS_API_URL}, {@code LASTFM_API_URL}, {@code MUSICBRAINZ_API_URL}: the services'
 *       base URLs (https, except on loopback);
 *   <li>{@code LASTFM_API_KEY}: the operator's own key (a secret); {@code MUSICBRAINZ_CONTACT}: the
 *       contact MusicBrainz requires in the User-Agent;
 *   <li>{@code RECCOBEATS_REQUESTS_PER_SECOND}, {@code LASTFM_REQUESTS_PER_SECOND} (default 2, shared by
 *       all threads; MusicBrainz is always held to 1 per second);
 *   <li>{@code FETCHER_NO_REPEAT_DAYS} (0 to 365, default 14) and
 *       {@code FETCHER_SPOTIFY_REQUESTS_PER_ALIAS} (1 to 50, default 4: the Spotify allowance of one
 *       alias's candidates per night; seed lookups come on top, on an alias's first night only).
 * </ul>
 */
public record SourcesConfig(Set<SourceService> sources, SourceConfig reccoBeats, SourceConfig lastFm,
                            String lastFmApiKey, SourceConfig musicBrainz, String musicBrainzContact,
                            int noRepeatDays, int spotifyRequestsPerAlias) {
    public static final String DEFAULT_MUSICBRAINZ_CONTACT = "https://github.com/spotify-insight/spotify-insight";
    public static final int DEFAULT_NO_REPEAT_DAYS = 14;
    public static final int MAX_NO_REPEAT_DAYS = 365;
    public static final int DEFAULT_SPOTIFY_REQUESTS_PER_ALIAS = 4;
    public static final int MAX_SPOTIFY_REQUESTS_PER_ALIAS = 50;
    public static final double DEFAULT_REQUESTS_PER_SECOND = 2;
    static final String SOURCES_ACCEPTED = "a comma list of reccobeats, lastfm, musicbrainz, or none";

    public SourcesConfig {
        sources = sources.isEmpty() ? EnumSet.noneOf(SourceService.class) : EnumSet.copyOf(sources);
    }

    public boolean uses(SourceService service) {
        return sources.contains(service);
    }

    /** Reads the variables above; every problem is reported in one exception, naming its variable. */
    public static SourcesConfig fromEnv(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String key = value(env, "LASTFM_API_KEY");
        Set<SourceService> sources = EnumSet.of(SourceService.RECCOBEATS, SourceService.MUSICBRAINZ);
        if (key != null) {
            sources.add(SourceService.LASTFM);
        }
        String rawSources = value(env, "FETCHER_SOURCES");
        if (rawSources != null) {
            sources = parseSources(rawSources, problems);
            if (sources.contains(SourceService.LASTFM) && key == null) {
                problems.add("FETCHER_SOURCES names lastfm but LASTFM_API_KEY is not set: set your own Last.fm API key"
                        + " (free with an account) or leave lastfm out");
            }
        }
        SourceConfig recco = source(env, "RECCOBEATS", SourceService.RECCOBEATS, problems);
        SourceConfig lastFm = source(env, "LASTFM", SourceService.LASTFM, problems);
        SourceConfig musicBrainz = url(env, "MUSICBRAINZ_API_URL", SourceService.MUSICBRAINZ, 1, problems);
        String contact = value(env, "MUSICBRAINZ_CONTACT");
        if (contact == null) {
            contact = DEFAULT_MUSICBRAINZ_CONTACT;
        } else if (contact.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            problems.add("MUSICBRAINZ_CONTACT holds a control or non-ASCII character: expected an e-mail address or"
                    + " URL, such as ops@example.org");
        }
        int noRepeat = wholeNumber(env, "FETCHER_NO_REPEAT_DAYS", DEFAULT_NO_REPEAT_DAYS, 0, MAX_NO_REPEAT_DAYS,
                problems);
        int budget = wholeNumber(env, "FETCHER_SPOTIFY_REQUESTS_PER_ALIAS", DEFAULT_SPOTIFY_REQUESTS_PER_ALIAS, 1,
                MAX_SPOTIFY_REQUESTS_PER_ALIAS, problems);
        if (!problems.isEmpty()) {
            throw new FetcherConfigException("invalid fetcher configuration: " + String.join("; ", problems));
        }
        return new SourcesConfig(sources, recco, lastFm, key, musicBrainz, contact, noRepeat, budget);
    }

    private static Set<SourceService> parseSources(String raw, List<String> problems) {
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
                problems.add("FETCHER_SOURCES is '" + raw + "': '" + part.strip() + "' is not a source; expected "
                        + SOURCES_ACCEPTED + " (default reccobeats,lastfm,musicbrainz; lastfm only with LASTFM_API_KEY)");
                return EnumSet.noneOf(SourceService.class);
            }
            sources.add(found);
        }
        return sources;
    }

    private static SourceConfig source(Map<String, String> env, String prefix, SourceService service,
                                       List<String> problems) {
        String rateName = prefix + "_REQUESTS_PER_SECOND";
        double rate = DEFAULT_REQUESTS_PER_SECOND;
        String rawRate = value(env, rateName);
        if (rawRate != null) {
            try {
                rate = Double.parseDouble(rawRate);
            } catch (NumberFormatException e) {
                rate = -1;
            }
            if (!(rate > 0) || rate > 50 || Double.isNaN(rate)) {
                problems.add(rateName + " is '" + rawRate + "': expected a number above 0 and at most 50 (default 2)");
                rate = DEFAULT_REQUESTS_PER_SECOND;
            }
        }
        return url(env, prefix + "_API_URL", service, rate, problems);
    }

    private static SourceConfig url(Map<String, String> env, String name, SourceService service, double rate,
                                    List<String> problems) {
        String raw = value(env, name);
        try {
            return SourceConfig.of(raw == null ? service.defaultBaseUrl() : raw, rate);
        } catch (IllegalArgumentException e) {
            problems.add(name + " is '" + raw + "': " + e.getMessage());
            return SourceConfig.of(service.defaultBaseUrl(), rate);
        }
    }

    private static int wholeNumber(Map<String, String> env, String name, int fallback, int min, int max,
                                   List<String> problems) {
        String raw = value(env, name);
        if (raw == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(raw);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + " is '" + raw + "': expected a whole number from " + min + " to " + max + " (default "
                + fallback + ")");
        return fallback;
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "SourcesConfig[sources=" + sources + ", reccoBeats=" + reccoBeats + ", lastFm=" + lastFm
                + ", lastFmApiKey=" + (lastFmApiKey == null ? "none" : "***") + ", musicBrainz=" + musicBrainz
                + ", musicBrainzContact=" + musicBrainzContact + ", noRepeatDays=" + noRepeatDays
                + ", spotifyRequestsPerAlias=" + spotifyRequestsPerAlias + "]";
    }
}
