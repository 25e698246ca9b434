package io.spotifyinsight.spotify.fake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A deterministic catalogue for the fake Spotify: the same seed always yields the same artists,
 * albums and tracks, ids and names. Names deliberately include accents, CJK and emoji outside the
 * BMP; ids are realistic 22-character base62 strings starting with 0-7.
 */
public final class FakeCatalog {

    /** The 126 genre seeds Spotify listed. */
    public static final List<String> GENRE_SEEDS =
            List.of(
                    "acoustic",
                    "afrobeat",
                    "alt-rock",
                    "alternative",
                    "ambient",
                    "anime",
                    "black-metal",
                    "bluegrass",
                    "blues",
                    "bossanova",
                    "brazil",
                    "breakbeat",
                    "british",
                    "cantopop",
                    "chicago-house",
                    "children",
                    "chill",
                    "classical",
                    "club",
                    "comedy",
                    "country",
                    "dance",
                    "dancehall",
                    "death-metal",
                    "deep-house",
                    "detroit-techno",
                    "disco",
                    "disney",
                    "drum-and-bass",
                    "dub",
                    "dubstep",
                    "edm",
                    "electro",
                    "electronic",
                    "emo",
                    "folk",
                    "forro",
                    "french",
                    "funk",
                    "garage",
                    "german",
                    "gospel",
                    "goth",
                    "grindcore",
                    "groove",
                    "grunge",
                    "guitar",
                    "happy",
                    "hard-rock",
                    "hardcore",
                    "hardstyle",
                    "heavy-metal",
                    "hip-hop",
                    "holidays",
                    "honky-tonk",
                    "house",
                    "idm",
                    "indian",
                    "indie",
                    "indie-pop",
                    "industrial",
                    "iranian",
                    "j-dance",
                    "j-idol",
                    "j-pop",
                    "j-rock",
                    "jazz",
                    "k-pop",
                    "kids",
                    "latin",
                    "latino",
                    "malay",
                    "mandopop",
                    "metal",
                    "metal-misc",
                    "metalcore",
                    "minimal-techno",
                    "movies",
                    "mpb",
                    "new-age",
                    "new-release",
                    "opera",
                    "pagode",
                    "party",
                    "philippines-opm",
                    "piano",
                    "pop",
                    "pop-film",
                    "post-dubstep",
                    "power-pop",
                    "progressive-house",
                    "psych-rock",
                    "punk",
                    "punk-rock",
                    "r-n-b",
                    "rainy-day",
                    "reggae",
                    "reggaeton",
                    "road-trip",
                    "rock",
                    "rock-n-roll",
                    "rockabilly",
                    "romance",
                    "sad",
                    "salsa",
                    "samba",
                    "sertanejo",
                    "show-tunes",
                    "singer-songwriter",
                    "ska",
                    "sleep",
                    "songwriter",
                    "soul",
                    "soundtracks",
                    "spanish",
                    "study",
                    "summer",
                    "swedish",
                    "synth-pop",
                    "tango",
                    "techno",
                    "trance",
                    "trip-hop",
                    "turkish",
                    "work-out",
                    "world-music");

    public static final List<String> MARKETS =
            List.of("US", "GB", "DE", "SE", "FR", "JP", "BR", "MX", "ES", "KR");

    private static final String BASE62 =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String[] FIRST = {
        "Zoë", "Björn", "Amélie", "José", "Søren", "Chloé", "Nina", "Miles", "Aretha", "Ólafur",
        "Dvořák", "Renée", "Kenji", "Łukasz", "Ines", "Ana", "Marek", "Élodie", "Tomás", "Hana",
        "Ruby", "Otis", "Yara", "Nils"
    };
    private static final String[] LAST = {
        "Müller",
        "Nakamura",
        "Ångström",
        "García",
        "Østergaard",
        "Dubois",
        "Simone",
        "Kowalski",
        "Ferreira",
        "Lindqvist",
        "O'Neil",
        "Çelik",
        "Novák",
        "Reyes",
        "Schäfer",
        "Moreau",
        "Kim",
        "Silva"
    };
    private static final String[] BANDS = {
        "坂本トリオ",
        "東京 Nights",
        "서울 Echo",
        "The Velvet Café",
        "Los Niños Perdidos",
        "Sigur Ljós",
        "Мечта",
        "🌙 Moonriders",
        "Les Étoiles",
        "北京 Express",
        "Fjärilar",
        "Ñu Wave"
    };
    private static final String[] WORDS = {
        "Café",
        "Noche",
        "Señorita",
        "Über",
        "Déjà Vu",
        "Lumière",
        "夜明け",
        "東京",
        "사랑",
        "Mañana",
        "Fête",
        "Smörgåsbord",
        "Naïve",
        "Rêverie",
        "Blue",
        "Night",
        "Fire",
        "Dream",
        "River",
        "Gold",
        "Summer",
        "Heart",
        "Echo",
        "Storm",
        "Light",
        "Road",
        "Dance",
        "Rain",
        "Song",
        "Home",
        "🔥",
        "💙",
        "Æther",
        "Zürich",
        "Saudade",
        "Crème"
    };
    private static final String[] ALBUM_WORDS = {
        "Sessions",
        "Chronicles",
        "Live at the Olympia",
        "Horizons",
        "Nocturnes",
        "Greatest Hits",
        "Remixes",
        "Tales",
        "Part II",
        "Édition Spéciale",
        "物語",
        "Voyage"
    };

    private final List<CatalogArtist> artists;
    private final List<CatalogAlbum> albums;
    private final List<CatalogTrack> tracks;
    private final Map<String, CatalogArtist> artistsById = new LinkedHashMap<>();
    private final Map<String, CatalogTrack> tracksById = new LinkedHashMap<>();

    /** An artist with Spotify's free-text genres (here: seed genres, for easy matching). */
    public record CatalogArtist(
            String id, String name, List<String> genres, int popularity, int followers) {}

    public record CatalogAlbum(
            String id,
            String name,
            String albumType,
            String releaseDate,
            String releaseDatePrecision,
            int year,
            List<CatalogArtist> artists,
            int totalTracks) {}

    public record CatalogTrack(
            String id,
            String name,
            int durationMs,
            boolean explicit,
            CatalogAlbum album,
            List<CatalogArtist> artists,
            int trackNumber,
            int popularity,
            List<String> markets,
            String isrc) {

        /** The track's main artist. */
        public CatalogArtist artist() {
            return artists.get(0);
        }
    }

    private FakeCatalog(long seed, int artistCount) {
        Random random = new Random(seed);
        Set<String> ids = new HashSet<>();
        List<CatalogArtist> artistList = new ArrayList<>();
        for (int i = 0; i < artistCount; i++) {
            List<String> genres = new ArrayList<>();
            genres.add(GENRE_SEEDS.get(i % GENRE_SEEDS.size()));
            int extra = random.nextInt(3);
            for (int g = 0; g < extra; g++) {
                String genre = GENRE_SEEDS.get(random.nextInt(GENRE_SEEDS.size()));
                if (!genres.contains(genre)) {
                    genres.add(genre);
                }
            }
            String name =
                    i % 4 == 3
                            ? BANDS[random.nextInt(BANDS.length)]
                                    + (i >= 48 ? " " + (i / 48 + 1) : "")
                            : FIRST[random.nextInt(FIRST.length)]
                                    + " "
                                    + LAST[random.nextInt(LAST.length)];
            CatalogArtist artist =
                    new CatalogArtist(
                            newId(random, ids),
                            name,
                            List.copyOf(genres),
                            random.nextInt(101),
                            random.nextInt(5_000_000));
            artistList.add(artist);
            artistsById.put(artist.id(), artist);
        }
        List<CatalogAlbum> albumList = new ArrayList<>();
        List<CatalogTrack> trackList = new ArrayList<>();
        for (int i = 0; i < artistList.size(); i++) {
            CatalogArtist artist = artistList.get(i);
            int albumCount = 1 + random.nextInt(2);
            for (int a = 0; a < albumCount; a++) {
                int year = 1960 + random.nextInt(66);
                int precisionPick = random.nextInt(10);
                String precision =
                        precisionPick == 0 ? "year" : precisionPick == 1 ? "month" : "day";
                String date =
                        switch (precision) {
                            case "year" -> Integer.toString(year);
                            case "month" -> String.format("%d-%02d", year, 1 + random.nextInt(12));
                            default ->
                                    String.format(
                                            "%d-%02d-%02d",
                                            year, 1 + random.nextInt(12), 1 + random.nextInt(28));
                        };
                int trackCount = 2 + random.nextInt(4);
                List<CatalogArtist> albumArtists = List.of(artist);
                CatalogAlbum album =
                        new CatalogAlbum(
                                newId(random, ids),
                                WORDS[random.nextInt(WORDS.length)]
                                        + " "
                                        + ALBUM_WORDS[random.nextInt(ALBUM_WORDS.length)],
                                trackCount == 2 ? "single" : "album",
                                date,
                                precision,
                                year,
                                albumArtists,
                                trackCount);
                albumList.add(album);
                for (int t = 0; t < trackCount; t++) {
                    List<CatalogArtist> trackArtists = new ArrayList<>(albumArtists);
                    if (random.nextInt(6) == 0) {
                        CatalogArtist guest = artistList.get(random.nextInt(artistList.size()));
                        if (guest != artist) {
                            trackArtists.add(guest);
                        }
                    }
                    List<String> markets = new ArrayList<>(MARKETS);
                    if (random.nextInt(5) == 0) {
                        markets.remove(random.nextInt(markets.size()));
                        markets.remove(random.nextInt(markets.size()));
                    }
                    String trackName =
                            WORDS[random.nextInt(WORDS.length)]
                                    + " "
                                    + WORDS[random.nextInt(WORDS.length)]
                                    + (random.nextInt(7) == 0 ? " (Remastered)" : "");
                    CatalogTrack track =
                            new CatalogTrack(
                                    newId(random, ids),
                                    trackName,
                                    90_000 + random.nextInt(300_000),
                                    random.nextInt(8) == 0,
                                    album,
                                    List.copyOf(trackArtists),
                                    t + 1,
                                    random.nextInt(101),
                                    List.copyOf(markets),
                                    String.format(
                                            "QZ%s%02d%05d", "FKE", year % 100, trackList.size()));
                    trackList.add(track);
                    tracksById.put(track.id(), track);
                }
            }
        }
        this.artists = List.copyOf(artistList);
        this.albums = List.copyOf(albumList);
        this.tracks = List.copyOf(trackList);
    }

    /** The standard catalogue: 300 artists, every seed genre covered, about 1,600 tracks. */
    public static FakeCatalog standard() {
        return new FakeCatalog(20241127L, 300);
    }

    /** A catalogue of another size or seed, e.g. for benchmarks. */
    public static FakeCatalog generate(long seed, int artistCount) {
        if (artistCount < 1) {
            throw new IllegalArgumentException("artistCount must be positive");
        }
        return new FakeCatalog(seed, artistCount);
    }

    public List<CatalogArtist> artists() {
        return artists;
    }

    public List<CatalogAlbum> albums() {
        return albums;
    }

    public List<CatalogTrack> tracks() {
        return tracks;
    }

    public List<String> genres() {
        return GENRE_SEEDS;
    }

    public Optional<CatalogArtist> artist(String id) {
        return Optional.ofNullable(artistsById.get(id));
    }

    public Optional<CatalogTrack> track(String id) {
        return Optional.ofNullable(tracksById.get(id));
    }

    /** A stable artist id (the first artist's). */
    public String someArtistId() {
        return artists.get(0).id();
    }

    /** A stable track id (the first track's). */
    public String someTrackId() {
        return tracks.get(0).id();
    }

    /** The first artist, in catalogue order, that {@code wanted} accepts; throws when none does. */
    public CatalogArtist firstArtist(Predicate<CatalogArtist> wanted) {
        return artists.stream().filter(wanted).findFirst().orElseThrow();
    }

    /** The first track, in catalogue order, that {@code wanted} accepts; throws when none does. */
    public CatalogTrack firstTrack(Predicate<CatalogTrack> wanted) {
        return tracks.stream().filter(wanted).findFirst().orElseThrow();
    }

    public List<CatalogTrack> tracksBy(String artistId) {
        return tracks.stream()
                .filter(t -> t.artists().stream().anyMatch(a -> a.id().equals(artistId)))
                .toList();
    }

    public List<CatalogArtist> artistsIn(String genre) {
        return artists.stream().filter(a -> a.genres().contains(genre)).toList();
    }

    /** A well-formed id that is not in the catalogue. */
    public String unknownId() {
        String candidate = "7zzzzzzzzzzzzzzzzzzzzz";
        return tracksById.containsKey(candidate) || artistsById.containsKey(candidate)
                ? "7zzzzzzzzzzzzzzzzzzzzy"
                : candidate;
    }

    /** All tracks whose names contain characters outside ASCII (for Unicode round-trip tests). */
    public List<CatalogTrack> unicodeTracks() {
        return Collections.unmodifiableList(
                tracks.stream().filter(t -> t.name().chars().anyMatch(c -> c > 127)).toList());
    }

    private static String newId(Random random, Set<String> taken) {
        while (true) {
            StringBuilder id = new StringBuilder(22);
            id.append(
                    BASE62.charAt(random.nextInt(8))); // a 128-bit number in base62 starts with 0-7
            for (int i = 1; i < 22; i++) {
                id.append(BASE62.charAt(random.nextInt(62)));
            }
            if (taken.add(id.toString())) {
                return id.toString();
            }
        }
    }
}
