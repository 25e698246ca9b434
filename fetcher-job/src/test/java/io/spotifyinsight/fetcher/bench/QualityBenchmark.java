package io.spotifyinsight.fetcher.bench;

import io.spotifyinsight.sources.fake.FakeLastFm;
import io.spotifyinsight.sources.fake.FakeMusicBrainz;
import io.spotifyinsight.sources.fake.FakeReccoBeats;
import io.spotifyinsight.spotify.fake.FakeCatalog;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogArtist;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogTrack;
import io.spotifyinsight.spotify.fake.FakeSpotify;
import io.spotifyinsight.spotify.fake.RecordedCall;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The recommendation-quality benchmark behind {@code fetcher-job/bench/quality.sh} (not a test).
 *
 * <p>In this JVM: the fake Spotify (development mode, artist genres empty) and the fakes of
 * ReccoBeats, Last.fm and MusicBrainz, all over one generated catalogue. For each configuration
 * (keyless: ReccoBeats + MusicBrainz; with a Last.fm key: all three) it recreates a scratch
 * database, adds a dozen aliases with varied seeds taken from the catalogue, runs the real fetcher
 * jar as a process ({@code run --date D}, {@code FETCHER_STRATEGY=blend}) for three consecutive
 * nights, and scores every stored list against the catalogue's ground-truth genres. Prints the
 * figures beside the targets.
 *
 * <pre>
 *   QualityBenchmark ADMIN_JDBC_URL FETCHER_JAR OUT_DIR
 * </pre>
 *
 * Variables: QUALITY_CATALOG_SEED (20260301), QUALITY_ARTISTS (3000), QUALITY_NIGHTS (3),
 * QUALITY_FIRST_DATE (2026-03-01), QUALITY_CONFIGS ("keyless lastfm"), DATABASE_USER,
 * DATABASE_PASSWORD, LOG_LEVEL (passed to the fetcher).
 */
public final class QualityBenchmark {
    private static final int NO_REPEAT_DAYS = 14;

    private QualityBenchmark() {}

    /** One alias: its name, limit, seeds and the kind of seeds it stands for. */
    record Alias(
            String name,
            String kind,
            int limit,
            List<String> artists,
            List<String> genres,
            List<String> tracks) {
        /** An alias of 20 tracks a day from genres alone. */
        static Alias ofGenres(String name, String kind, String... genres) {
            return new Alias(name, kind, 20, List.of(), List.of(genres), List.of());
        }

        /** An alias of 20 tracks a day from one artist, whose name completes {@code kind}. */
        static Alias ofArtist(String name, String kind, CatalogArtist artist) {
            return new Alias(
                    name,
                    kind + " (" + artist.name() + ")",
                    20,
                    List.of(artist.id()),
                    List.of(),
                    List.of());
        }

        /** An alias of 20 tracks a day from tracks alone. */
        static Alias ofTracks(String name, String kind, CatalogTrack... tracks) {
            return new Alias(
                    name,
                    kind,
                    20,
                    List.of(),
                    List.of(),
                    Stream.of(tracks).map(CatalogTrack::id).toList());
        }

        int seedCount() {
            return artists.size() + genres.size() + tracks.size();
        }
    }

    /** One stored list. */
    record DayList(String alias, LocalDate date, List<String> trackIds, List<String> sources) {}

    /** What one configuration produced. */
    record ConfigResult(
            String name,
            List<DayList> lists,
            List<long[]> runs,
            List<Double> seconds,
            List<Integer> exitCodes,
            int mbViolations,
            double mbMinIntervalMs,
            int mbRequests,
            int rateLimitedAnswers,
            int requestsDuringRetryAfter,
            String loadBefore,
            String loadAfter) {}

    public static void main(String[] args) throws Exception {
        String adminUrl = args[0];
        String jar = args[1];
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        long catalogSeed = Long.parseLong(env("QUALITY_CATALOG_SEED", "20260301"));
        int artistCount = Integer.parseInt(env("QUALITY_ARTISTS", "3000"));
        int nights = Integer.parseInt(env("QUALITY_NIGHTS", "3"));
        LocalDate first = LocalDate.parse(env("QUALITY_FIRST_DATE", "2026-03-01"));
        List<String> configs =
                List.of(env("QUALITY_CONFIGS", "keyless lastfm").trim().split("\\s+"));

        long started = System.nanoTime();
        FakeCatalog catalog = FakeCatalog.generate(catalogSeed, artistCount);
        printCatalogue(catalog, catalogSeed, artistCount);
        List<Alias> aliases = aliases(catalog);
        printAliases(aliases, catalog);

        List<ConfigResult> results = new ArrayList<>();
        try (FakeSpotify spotify =
                        FakeSpotify.builder()
                                .mode(FakeSpotify.Mode.DEVELOPMENT)
                                .emptyArtistGenres(true)
                                .catalog(catalog)
                                .logLimit(100_000)
                                .start();
                FakeReccoBeats recco = FakeReccoBeats.builder(catalog).start();
                FakeLastFm lastFm = FakeLastFm.builder(catalog).start();
                FakeMusicBrainz musicBrainz = FakeMusicBrainz.builder(catalog).start()) {
            for (String config : configs) {
                if (!config.equals("keyless") && !config.equals("lastfm")) {
                    throw new IllegalArgumentException(
                            "QUALITY_CONFIGS accepts keyless and lastfm, got " + config);
                }
                spotify.resetLog();
                recco.resetLog();
                lastFm.resetLog();
                musicBrainz.resetLog();
                int violationsBefore = musicBrainz.rateViolations();
                String dbName = "spotify_insight_quality_" + config;
                String url = ScratchDatabase.recreate(adminUrl, dbName, "quality");
                addAliases(url, aliases);
                Map<String, String> env = new LinkedHashMap<>(spotify.env());
                env.put("DATABASE_URL", url);
                env.put("DATABASE_USER", ScratchDatabase.user());
                env.put("DATABASE_PASSWORD", ScratchDatabase.password());
                env.put("FETCHER_STRATEGY", "blend");
                env.put("RECCOBEATS_API_URL", recco.url());
                env.put("MUSICBRAINZ_API_URL", musicBrainz.url());
                if (config.equals("keyless")) {
                    env.put("FETCHER_SOURCES", "reccobeats,musicbrainz");
                } else {
                    env.put("FETCHER_SOURCES", "reccobeats,lastfm,musicbrainz");
                    env.put("LASTFM_API_URL", lastFm.url());
                    env.put("LASTFM_API_KEY", lastFm.apiKey());
                }
                String loadBefore = loadAverage();
                List<Double> seconds = new ArrayList<>();
                List<Integer> codes = new ArrayList<>();
                for (int n = 0; n < nights; n++) {
                    LocalDate date = first.plusDays(n);
                    long t0 = System.nanoTime();
                    int code = runFetcher(jar, env, date, out.resolve(config + "-night" + (n + 1)));
                    double s = (System.nanoTime() - t0) / 1e9;
                    seconds.add(s);
                    codes.add(code);
                    System.out.printf(
                            Locale.ROOT,
                            "   %s night %d (%s): exit %d, %.1f s%n",
                            config,
                            n + 1,
                            date,
                            code,
                            s);
                }
                String loadAfter = loadAverage();
                List<RecordedCall> mb = musicBrainz.requests();
                double minInterval = Double.POSITIVE_INFINITY;
                for (int i = 1; i < mb.size(); i++) {
                    minInterval =
                            Math.min(
                                    minInterval,
                                    Duration.between(
                                                            mb.get(i - 1).receivedAt(),
                                                            mb.get(i).receivedAt())
                                                    .toNanos()
                                            / 1e6);
                }
                int limited = 0;
                int during = 0;
                for (List<RecordedCall> log :
                        List.of(spotify.apiRequests(), recco.requests(), lastFm.requests(), mb)) {
                    int[] counts = duringRetryAfter(log);
                    limited += counts[0];
                    during += counts[1];
                }
                results.add(
                        new ConfigResult(
                                config,
                                lists(url),
                                runs(url),
                                seconds,
                                codes,
                                musicBrainz.rateViolations() - violationsBefore,
                                minInterval,
                                mb.size(),
                                limited,
                                during,
                                loadBefore,
                                loadAfter));
            }
        }
        for (ConfigResult result : results) {
            report(result, aliases, catalog, first, nights);
        }
        System.out.printf(
                Locale.ROOT,
                "%ntotal benchmark time %.1f s; load average at the end: %s%n",
                (System.nanoTime() - started) / 1e9,
                loadAverage());
    }

    // ---- setup

    private static void printCatalogue(FakeCatalog catalog, long seed, int artistCount) {
        Map<String, Integer> perGenre = new TreeMap<>();
        for (CatalogTrack t : catalog.tracks()) {
            for (String g : t.artist().genres()) {
                perGenre.merge(g, 1, Integer::sum);
            }
        }
        int min = perGenre.values().stream().mapToInt(i -> i).min().orElse(0);
        int max = perGenre.values().stream().mapToInt(i -> i).max().orElse(0);
        double mean = perGenre.values().stream().mapToInt(i -> i).average().orElse(0);
        System.out.printf(
                Locale.ROOT,
                "catalogue FakeCatalog.generate(%d, %d): %d artists, %d tracks, %d genres;"
                        + " tracks per genre (by main artist) min %d, mean %.0f, max %d%n",
                seed,
                artistCount,
                catalog.artists().size(),
                catalog.tracks().size(),
                perGenre.size(),
                min,
                mean,
                max);
    }

    /** A dozen aliases of varied seeds, taken deterministically from the catalogue. */
    static List<Alias> aliases(FakeCatalog catalog) {
        List<CatalogArtist> artists = catalog.artists();
        CatalogArtist latin =
                first(
                        artists,
                        a ->
                                a.name().chars().allMatch(c -> c < 0x250)
                                        && a.genres().size() == 1
                                        && !catalog.tracksBy(a.id()).isEmpty(),
                        0);
        CatalogArtist cjk =
                first(
                        artists,
                        a ->
                                a.name().codePoints().anyMatch(QualityBenchmark::isCjk)
                                        && !catalog.tracksBy(a.id()).isEmpty(),
                        0);
        CatalogArtist korean = first(artists, a -> a.name().startsWith("서울"), 0);
        CatalogArtist cyrillic =
                first(
                        artists,
                        a ->
                                a.name()
                                        .codePoints()
                                        .anyMatch(
                                                c ->
                                                        Character.UnicodeScript.of(c)
                                                                == Character.UnicodeScript
                                                                        .CYRILLIC),
                        0);
        CatalogArtist jazz = first(artists, a -> a.genres().get(0).equals("jazz"), 1);
        CatalogArtist hipHop = first(artists, a -> a.genres().get(0).equals("hip-hop"), 0);
        CatalogArtist metal = first(artists, a -> a.genres().get(0).equals("heavy-metal"), 2);
        CatalogTrack folkTrack =
                catalog.tracksBy(first(artists, a -> a.genres().get(0).equals("folk"), 0).id())
                        .get(0);
        CatalogTrack houseTrack =
                catalog.tracksBy(
                                first(artists, a -> a.genres().get(0).equals("deep-house"), 1).id())
                        .get(0);
        CatalogTrack tangoTrack =
                catalog.tracksBy(first(artists, a -> a.genres().get(0).equals("tango"), 0).id())
                        .get(0);
        CatalogTrack soulTrack =
                catalog.tracksBy(first(artists, a -> a.genres().get(0).equals("soul"), 3).id())
                        .get(1);
        CatalogTrack punkTrack =
                catalog.tracksBy(first(artists, a -> a.genres().get(0).equals("punk"), 0).id())
                        .get(0);
        return List.of(
                Alias.ofGenres("q-genre-jazz", "genre only", "jazz"),
                Alias.ofGenres("q-genre-two", "genre only (two)", "trip-hop", "ambient"),
                Alias.ofArtist("q-artist-latin", "artist only", latin),
                Alias.ofArtist("q-artist-cjk", "artist only, CJK", cjk),
                Alias.ofArtist("q-artist-cyrillic", "artist only, Cyrillic", cyrillic),
                Alias.ofTracks("q-track-one", "track only", folkTrack),
                Alias.ofTracks("q-track-two", "track only (two)", houseTrack, tangoTrack),
                new Alias(
                        "q-mixed",
                        "mixed (artist, genre, track)",
                        20,
                        List.of(hipHop.id()),
                        List.of("r-n-b"),
                        List.of(soulTrack.id())),
                new Alias(
                        "q-five-seeds",
                        "five seeds (2 artists, genre, 2 tracks)",
                        20,
                        List.of(jazz.id(), metal.id()),
                        List.of("blues"),
                        List.of(punkTrack.id(), tangoTrack.id())),
                new Alias(
                        "q-korean-mixed",
                        "mixed, Korean artist (" + korean.name() + ") + genre",
                        20,
                        List.of(korean.id()),
                        List.of("k-pop"),
                        List.of()),
                new Alias(
                        "q-limit-5",
                        "mixed, limit 5",
                        5,
                        List.of(latin.id()),
                        List.of("rock"),
                        List.of()),
                new Alias(
                        "q-limit-50",
                        "mixed, limit 50",
                        50,
                        List.of(metal.id()),
                        List.of("metal"),
                        List.of(punkTrack.id())));
    }

    private static boolean isCjk(int c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN
                || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA;
    }

    private static CatalogArtist first(
            List<CatalogArtist> artists, Predicate<CatalogArtist> p, int skip) {
        return artists.stream()
                .filter(p)
                .skip(skip)
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "the catalogue has no artist for an alias"));
    }

    private static void printAliases(List<Alias> aliases, FakeCatalog catalog) {
        System.out.println(
                "aliases (seed genres = genre seeds + true genres of seed artists and of seed"
                        + " tracks' artists):");
        for (Alias a : aliases) {
            Set<String> genres = seedGenres(a, catalog);
            System.out.printf(
                    Locale.ROOT,
                    "  %-18s limit %2d  %-52s seed genres %s%n",
                    a.name(),
                    a.limit(),
                    a.kind(),
                    genres);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void addAliases(String url, List<Alias> aliases) throws Exception {
        try (Connection c = ScratchDatabase.connect(url)) {
            c.setAutoCommit(false);
            try (PreparedStatement user = c.prepareStatement(ScratchDatabase.INSERT_USER);
                    PreparedStatement seed = c.prepareStatement(ScratchDatabase.INSERT_SEED)) {
                for (Alias alias : aliases) {
                    long id = ScratchDatabase.insertUser(user, alias.name(), alias.limit());
                    ScratchDatabase.addSeeds(
                            seed, id, alias.artists(), alias.genres(), alias.tracks());
                }
                seed.executeBatch();
            }
            c.commit();
        }
    }

    private static int runFetcher(
            String jar, Map<String, String> env, LocalDate date, Path logPrefix) throws Exception {
        ProcessBuilder pb =
                new ProcessBuilder(javaBinary(), "-jar", jar, "run", "--date", date.toString());
        Map<String, String> processEnv = pb.environment();
        processEnv
                .keySet()
                .removeIf(
                        k ->
                                k.startsWith("SPOTIFY_")
                                        || k.startsWith("RECCOBEATS_")
                                        || k.startsWith("LASTFM_")
                                        || k.startsWith("MUSICBRAINZ_")
                                        || k.startsWith("FETCHER_")
                                        || k.startsWith("DATABASE_"));
        processEnv.putAll(env);
        pb.redirectOutput(new File(logPrefix + ".out"));
        pb.redirectError(new File(logPrefix + ".log"));
        return pb.start().waitFor();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    /**
     * {answers 429/503, requests arriving while the Retry-After of such an answer ran (1 s when
     * unknown)}.
     */
    private static int[] duringRetryAfter(List<RecordedCall> log) {
        int limited = 0;
        int during = 0;
        java.time.Instant until = null;
        for (RecordedCall call : log) {
            if (until != null && call.receivedAt().isBefore(until)) {
                during++;
            }
            if (call.status() == 429 || call.status() == 503) {
                limited++;
                until = call.receivedAt().plusSeconds(1);
            }
        }
        return new int[] {limited, during};
    }

    // ---- reading what was stored

    private static List<DayList> lists(String url) throws Exception {
        Map<String, DayList> byKey = new LinkedHashMap<>();
        ScratchDatabase.query(
                url,
                "SELECT u.username, r.list_date, r.track_id, r.source FROM recommendation r JOIN"
                        + " app_user u ON u.id = r.user_id ORDER BY u.username, r.list_date,"
                        + " r.position",
                r -> {
                    String alias = r.getString(1);
                    LocalDate date = r.getObject(2, LocalDate.class);
                    DayList list =
                            byKey.computeIfAbsent(
                                    alias + "/" + date,
                                    k ->
                                            new DayList(
                                                    alias,
                                                    date,
                                                    new ArrayList<>(),
                                                    new ArrayList<>()));
                    list.trackIds().add(r.getString(3));
                    list.sources().add(r.getString(4));
                });
        return new ArrayList<>(byKey.values());
    }

    /** Per run, in date order: {users_total, spotify, reccobeats, lastfm, musicbrainz requests}. */
    private static List<long[]> runs(String url) throws Exception {
        List<long[]> runs = new ArrayList<>();
        ScratchDatabase.query(
                url,
                "SELECT users_total, spotify_requests, reccobeats_requests, lastfm_requests,"
                        + " musicbrainz_requests FROM fetch_run ORDER BY logical_date, id",
                r ->
                        runs.add(
                                new long[] {
                                    r.getLong(1),
                                    r.getLong(2),
                                    r.getLong(3),
                                    r.getLong(4),
                                    r.getLong(5)
                                }));
        return runs;
    }

    // ---- scoring

    static String normalise(String genre) {
        return genre.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ").trim();
    }

    static Set<String> seedGenres(Alias alias, FakeCatalog catalog) {
        Set<String> genres = new HashSet<>();
        alias.genres().forEach(g -> genres.add(normalise(g)));
        for (String id : alias.artists()) {
            catalog.artist(id).ifPresent(a -> a.genres().forEach(g -> genres.add(normalise(g))));
        }
        for (String id : alias.tracks()) {
            catalog.track(id).stream()
                    .flatMap(t -> t.artists().stream())
                    .forEach(a -> a.genres().forEach(g -> genres.add(normalise(g))));
        }
        return genres;
    }

    static Set<String> seedArtists(Alias alias, FakeCatalog catalog) {
        Set<String> ids = new HashSet<>(alias.artists());
        for (String id : alias.tracks()) {
            catalog.track(id).ifPresent(t -> t.artists().forEach(a -> ids.add(a.id())));
        }
        return ids;
    }

    private static boolean sharesGenre(CatalogTrack track, Set<String> seedGenres) {
        return track.artists().stream()
                .flatMap(a -> a.genres().stream())
                .map(QualityBenchmark::normalise)
                .anyMatch(seedGenres::contains);
    }

    /** The figures of one alias-night. */
    record Score(
            String alias,
            LocalDate date,
            int night,
            int limit,
            int size,
            double genreShare,
            int distinctArtists,
            double seedArtistShare,
            double repeatShare,
            Map<String, String> genreBySource) {}

    private static void report(
            ConfigResult result,
            List<Alias> aliases,
            FakeCatalog catalog,
            LocalDate first,
            int nights) {
        Map<String, Alias> byName = aliases.stream().collect(Collectors.toMap(Alias::name, a -> a));
        Map<String, Map<LocalDate, DayList>> stored = new HashMap<>();
        for (DayList list : result.lists()) {
            stored.computeIfAbsent(list.alias(), k -> new TreeMap<>()).put(list.date(), list);
        }
        List<Score> scores = new ArrayList<>();
        for (Alias alias : aliases) {
            Set<String> genres = seedGenres(alias, catalog);
            Set<String> seedArtists = seedArtists(alias, catalog);
            Map<LocalDate, DayList> days = stored.getOrDefault(alias.name(), Map.of());
            for (int n = 0; n < nights; n++) {
                LocalDate date = first.plusDays(n);
                DayList list = days.get(date);
                List<String> ids = list == null ? List.of() : list.trackIds();
                Set<String> earlier = new HashSet<>();
                days.forEach(
                        (d, l) -> {
                            if (d.isBefore(date) && !d.isBefore(date.minusDays(NO_REPEAT_DAYS))) {
                                earlier.addAll(l.trackIds());
                            }
                        });
                int shares = 0;
                int bySeed = 0;
                int repeats = 0;
                Set<String> artists = new HashSet<>();
                Map<String, int[]> bySource = new TreeMap<>();
                for (int i = 0; i < ids.size(); i++) {
                    CatalogTrack t =
                            catalog.track(ids.get(i))
                                    .orElseThrow(
                                            () ->
                                                    new IllegalStateException(
                                                            "a stored track is not in the"
                                                                    + " catalogue"));
                    boolean share = sharesGenre(t, genres);
                    shares += share ? 1 : 0;
                    int[] s = bySource.computeIfAbsent(list.sources().get(i), k -> new int[2]);
                    s[0] += share ? 1 : 0;
                    s[1]++;
                    artists.add(t.artist().id());
                    bySeed +=
                            t.artists().stream().anyMatch(a -> seedArtists.contains(a.id()))
                                    ? 1
                                    : 0;
                    repeats += earlier.contains(t.id()) ? 1 : 0;
                }
                Map<String, String> genreBySource = new TreeMap<>();
                bySource.forEach((k, v) -> genreBySource.put(k, v[0] + "/" + v[1]));
                int size = ids.size();
                scores.add(
                        new Score(
                                alias.name(),
                                date,
                                n + 1,
                                alias.limit(),
                                size,
                                size == 0 ? 0 : (double) shares / size,
                                artists.size(),
                                size == 0 ? 0 : (double) bySeed / size,
                                size == 0 ? 0 : (double) repeats / size,
                                genreBySource));
            }
        }
        boolean withKey = result.name().equals("lastfm");
        double genreMeanTarget = withKey ? 0.90 : 0.85;
        double genreWorstTarget = withKey ? 0.70 : 0.50;

        long filled = scores.stream().filter(s -> s.size() == s.limit()).count();
        String missing =
                scores.stream()
                        .filter(s -> s.size() == 0)
                        .map(s -> s.alias() + " n" + s.night())
                        .collect(Collectors.joining(", "));
        // a list the fetcher did not store counts against "filled" only: the others score what was
        // stored
        List<Score> all = scores;
        scores = scores.stream().filter(s -> s.size() > 0).toList();
        double genreMean = mean(scores, Score::genreShare);
        Score genreWorst = worst(scores, Score::genreShare);
        Score artistsWorst =
                scores.stream()
                        .min(
                                (a, b) ->
                                        Double.compare(
                                                (double) a.distinctArtists() / a.limit(),
                                                (double) b.distinctArtists() / b.limit()))
                        .orElseThrow();
        long underHalf = scores.stream().filter(s -> s.distinctArtists() * 2 < s.limit()).count();
        double seedMean = mean(scores, Score::seedArtistShare);
        List<Score> later = scores.stream().filter(s -> s.night() > 1).toList();
        double repeatMean = later.isEmpty() ? 0 : mean(later, Score::repeatShare);
        Score repeatWorst =
                later.stream()
                        .max((a, b) -> Double.compare(a.repeatShare(), b.repeatShare()))
                        .orElse(null);
        double spotifyNight1 =
                result.runs().isEmpty()
                        ? Double.NaN
                        : (double) result.runs().get(0)[1] / Math.max(1, result.runs().get(0)[0]);
        double spotifyLater =
                result.runs().stream()
                        .skip(1)
                        .mapToDouble(r -> (double) r[1] / Math.max(1, r[0]))
                        .average()
                        .orElse(Double.NaN);

        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "== %s: FETCHER_SOURCES=%s, %d aliases x %d nights, fetcher exit codes %s%n",
                result.name(),
                withKey
                        ? "reccobeats,lastfm,musicbrainz (LASTFM_API_KEY set)"
                        : "reccobeats,musicbrainz (no key)",
                aliases.size(),
                nights,
                result.exitCodes());
        System.out.printf(
                Locale.ROOT,
                "   load average before %s, after %s; night durations %s s%n",
                result.loadBefore(),
                result.loadAfter(),
                result.seconds().stream().map(s -> String.format(Locale.ROOT, "%.1f", s)).toList());
        System.out.println();
        System.out.println("| Measure | Figure | Target | Result |");
        System.out.println("|---|---|---|---|");
        row(
                "Lists filled to their limit (every seed resolves)",
                filled + "/" + all.size() + (missing.isEmpty() ? "" : "; not stored: " + missing),
                "all",
                filled == all.size());
        row(
                "Tracks sharing a genre with the seeds, mean (stored lists)",
                pct(genreMean),
                "≥ " + pct(genreMeanTarget),
                genreMean >= genreMeanTarget);
        row(
                "Tracks sharing a genre with the seeds, worst alias-night",
                pct(genreWorst.genreShare())
                        + " ("
                        + genreWorst.alias()
                        + ", night "
                        + genreWorst.night()
                        + ")",
                "≥ " + pct(genreWorstTarget),
                genreWorst.genreShare() >= genreWorstTarget);
        row(
                "Distinct artists in a stored list, worst",
                artistsWorst.distinctArtists()
                        + " of "
                        + artistsWorst.limit()
                        + " = "
                        + pct((double) artistsWorst.distinctArtists() / artistsWorst.limit())
                        + " ("
                        + artistsWorst.alias()
                        + ", night "
                        + artistsWorst.night()
                        + "); lists under half: "
                        + underHalf,
                "≥ half the limit, every list",
                underHalf == 0);
        row(
                "Tracks by seed artists (artist seeds and seed tracks' artists), mean",
                pct(seedMean),
                "≤ 25 %",
                seedMean <= 0.25);
        row(
                "Tracks repeated from the previous nights (within "
                        + NO_REPEAT_DAYS
                        + "), mean, nights 2-"
                        + nights,
                pct(repeatMean),
                "≤ 10 %",
                repeatMean <= 0.10);
        row(
                "Tracks repeated from the previous nights, worst alias-night",
                repeatWorst == null
                        ? "-"
                        : pct(repeatWorst.repeatShare())
                                + " ("
                                + repeatWorst.alias()
                                + ", night "
                                + repeatWorst.night()
                                + ")",
                "≤ 30 %",
                repeatWorst == null || repeatWorst.repeatShare() <= 0.30);
        row(
                "Spotify requests per alias per night, nights 2-" + nights + " (mean)",
                fmt(spotifyLater),
                "≤ 4",
                spotifyLater <= 4);
        System.out.printf(
                Locale.ROOT,
                "| Spotify requests per alias, night 1 | %s | (no target) | - |%n",
                fmt(spotifyNight1));
        row(
                "MusicBrainz rate violations (fake's 503s; %d requests, closest two %.0f ms apart)"
                        .formatted(
                                result.mbRequests(),
                                result.mbRequests() < 2 ? Double.NaN : result.mbMinIntervalMs()),
                Integer.toString(result.mbViolations()),
                "0 (never above 1 request/s)",
                result.mbViolations() == 0);
        row(
                "Requests to any fake during a Retry-After (429/503 answers: %d)"
                        .formatted(result.rateLimitedAnswers()),
                Integer.toString(result.requestsDuringRetryAfter()),
                "0",
                result.requestsDuringRetryAfter() == 0);
        System.out.println();
        System.out.println(
                "   requests per night (from fetch_run): users, spotify, reccobeats, lastfm,"
                        + " musicbrainz");
        for (int i = 0; i < result.runs().size(); i++) {
            long[] r = result.runs().get(i);
            System.out.printf(
                    Locale.ROOT,
                    "     night %d: %d users, %d, %d, %d, %d%n",
                    i + 1,
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    r[4]);
        }
        System.out.println(
                "   per alias-night: size/limit, genre share, distinct artists, seed-artist share,"
                        + " repeats; genre-sharing tracks by source");
        for (Score s : all) {
            System.out.printf(
                    Locale.ROOT,
                    "     %-18s n%d %2d/%-2d genre %4s artists %2d seed %4s repeats %4s  %s%n",
                    s.alias(),
                    s.night(),
                    s.size(),
                    s.limit(),
                    pct(s.genreShare()),
                    s.distinctArtists(),
                    pct(s.seedArtistShare()),
                    s.night() == 1 ? "-" : pct(s.repeatShare()),
                    s.genreBySource());
        }
        if (byName.isEmpty()) {
            throw new IllegalStateException("no aliases");
        }
    }

    private static void row(String measure, String figure, String target, boolean pass) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %s | %s | %s |%n",
                measure,
                figure,
                target,
                pass ? "PASS" : "**FAIL**");
    }

    private static double mean(
            Collection<Score> scores, java.util.function.ToDoubleFunction<Score> f) {
        return scores.stream().mapToDouble(f).average().orElse(0);
    }

    private static Score worst(
            Collection<Score> scores, java.util.function.ToDoubleFunction<Score> f) {
        return scores.stream()
                .min((a, b) -> Double.compare(f.applyAsDouble(a), f.applyAsDouble(b)))
                .orElseThrow();
    }

    private static String pct(double x) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * x);
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }
}
