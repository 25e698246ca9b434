package io.spotifyinsight.fetcher.blend;

import io.spotifyinsight.persistence.knowledge.ArtistKnowledge;
import io.spotifyinsight.persistence.knowledge.SeedKnowledgeRepository;
import io.spotifyinsight.persistence.knowledge.TrackKnowledge;
import io.spotifyinsight.persistence.recommendation.ArtistInfo;
import io.spotifyinsight.persistence.user.Seeds;
import io.spotifyinsight.persistence.user.UserAlias;
import io.spotifyinsight.sources.LastFmClient;
import io.spotifyinsight.sources.MusicBrainzArtist;
import io.spotifyinsight.sources.MusicBrainzClient;
import io.spotifyinsight.sources.SourceService;
import io.spotifyinsight.sources.Tag;
import io.spotifyinsight.sources.error.SourceException;
import io.spotifyinsight.spotify.error.SpotifyNotFoundException;
import io.spotifyinsight.spotify.model.Artist;
import io.spotifyinsight.spotify.model.Track;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows each seed: a seed artist's name and genres, a seed track's name, artists, release date and
 * ISRC, and the genres of a seed track's artists. Genres come, in order, from Spotify's artist
 * genres when not empty (deprecated since February 2026, often empty), Last.fm's top tags (as far
 * as MusicBrainz confirms them where it knows the artist: Last.fm merges namesakes), MusicBrainz's
 * genres (Spotify id → MusicBrainz artist by URL, or, where MusicBrainz has no such link, by the
 * ISRC of a seed track crediting the artist → genres). What is learnt, misses included, is kept in
 * the database with its source and date and reused for {@link #MAX_AGE}: from its second night an
 * alias's seeds cost no lookups. Seeds Spotify does not know are left out with a warning.
 */
public final class SeedResolver {
    private static final Logger log = LoggerFactory.getLogger(SeedResolver.class);
    public static final Duration MAX_AGE = Duration.ofDays(30);

    /** Last.fm tags below this relative count (0..100) are one listener's opinion, not a genre. */
    static final int MIN_TAG_COUNT = 10;

    private final SeedKnowledgeRepository knowledge;
    private final RunSources sources;
    private final Clock clock;

    /**
     * @param sources Spotify for the seeds; Last.fm and MusicBrainz, where the run has them, for
     *     genres
     */
    public SeedResolver(SeedKnowledgeRepository knowledge, RunSources sources, Clock clock) {
        this.knowledge = knowledge;
        this.sources = sources;
        this.clock = clock;
    }

    public SeedProfile resolve(UserAlias user) {
        Seeds seeds = user.settings().seeds();
        OffsetDateTime notBefore = OffsetDateTime.now(clock).minus(MAX_AGE);
        Map<String, TrackKnowledge> knownTracks =
                new HashMap<>(knowledge.tracks(seeds.tracks(), notBefore));
        List<TrackKnowledge> tracks = new ArrayList<>();
        for (String id : seeds.tracks()) {
            TrackKnowledge track = knownTracks.get(id);
            if (track == null) {
                track = learnTrack(user, id).orElse(null);
            }
            if (track != null) {
                tracks.add(track);
            }
        }
        List<String> artistIds = new ArrayList<>(seeds.artists());
        Map<String, String> namesFromTracks = new HashMap<>();
        Map<String, String> isrcsFromTracks = new HashMap<>();
        for (TrackKnowledge track : tracks) {
            for (ArtistInfo artist : SeedProfile.creditedArtists(track)) {
                namesFromTracks.putIfAbsent(artist.id(), artist.name());
                // Spotify's ISRC data is not always well formed: a malformed one is simply not used
                if (MusicBrainzClient.isIsrc(track.isrc())) {
                    isrcsFromTracks.putIfAbsent(artist.id(), track.isrc());
                }
                if (!artistIds.contains(artist.id())) {
                    artistIds.add(artist.id());
                }
            }
        }
        Map<String, ArtistKnowledge> knownArtists =
                new HashMap<>(knowledge.artists(artistIds, notBefore));
        Map<String, List<MusicBrainzArtist>> creditsByIsrc = new HashMap<>();
        for (String id : artistIds) {
            if (!knownArtists.containsKey(id)) {
                learnArtist(
                                user,
                                id,
                                namesFromTracks.get(id),
                                isrcsFromTracks.get(id),
                                creditsByIsrc)
                        .ifPresent(a -> knownArtists.put(id, a));
            }
        }
        List<ArtistKnowledge> artists =
                seeds.artists().stream().map(knownArtists::get).filter(a -> a != null).toList();
        Map<String, ArtistKnowledge> trackArtists = new LinkedHashMap<>();
        for (TrackKnowledge track : tracks) {
            for (ArtistInfo artist : SeedProfile.creditedArtists(track)) {
                if (knownArtists.containsKey(artist.id())) {
                    trackArtists.put(artist.id(), knownArtists.get(artist.id()));
                }
            }
        }
        return new SeedProfile(artists, seeds.genres(), tracks, trackArtists);
    }

    private Optional<TrackKnowledge> learnTrack(UserAlias user, String id) {
        try {
            Track track = sources.spotify().track(id, user.settings().market());
            var learnt =
                    new TrackKnowledge(
                            id,
                            track.name(),
                            track.artists().stream()
                                    .map(a -> new ArtistInfo(a.id(), a.name()))
                                    .toList(),
                            track.album().releaseDate(),
                            track.isrc(),
                            OffsetDateTime.now(clock));
            knowledge.saveTrack(learnt);
            return Optional.of(learnt);
        } catch (SpotifyNotFoundException e) {
            log.warn(
                    "{}: track seed {} does not exist on Spotify; skipping that seed",
                    user.settings().username(),
                    id);
            return Optional.empty();
        }
    }

    /**
     * @param knownName the name a seed track credits the artist with, so that no artist lookup is
     *     needed when Spotify's genres are known to be of no help
     * @param isrc the ISRC of a seed track crediting the artist, or null: it reaches the
     *     MusicBrainz artist when MusicBrainz has no link from the Spotify artist
     * @param creditsByIsrc the credits already read in this resolution, so that a track with
     *     several unlinked artists is asked once
     */
    private Optional<ArtistKnowledge> learnArtist(
            UserAlias user,
            String id,
            String knownName,
            String isrc,
            Map<String, List<MusicBrainzArtist>> creditsByIsrc) {
        String name = knownName;
        List<String> genres = List.of();
        try {
            Artist artist = sources.spotify().artist(id);
            name = artist.name();
            genres = Genres.normaliseAll(artist.genres());
        } catch (SpotifyNotFoundException e) {
            if (knownName == null) {
                log.warn(
                        "{}: artist seed {} does not exist on Spotify; skipping that seed",
                        user.settings().username(),
                        id);
                return Optional.empty();
            }
        }
        String source = genres.isEmpty() ? null : "spotify";
        String mbid = null;
        boolean incomplete = false;
        List<String> lastFmGenres = List.of();
        if (genres.isEmpty()) {
            Optional<List<String>> tags = lastFmTags(name);
            incomplete = tags.isEmpty();
            lastFmGenres = tags.orElse(List.of());
        }
        MusicBrainzClient musicBrainz = sources.musicBrainz();
        if (genres.isEmpty()
                && musicBrainz != null
                && !sources.health().usable(SourceService.MUSICBRAINZ)) {
            incomplete = true;
        } else if (genres.isEmpty() && musicBrainz != null) {
            try {
                Optional<MusicBrainzArtist> found = musicBrainz.artistForSpotify(id);
                if (found.isEmpty() && isrc != null) {
                    found =
                            creditedAs(
                                    name,
                                    creditsByIsrc.computeIfAbsent(
                                            isrc, musicBrainz::artistsForIsrc));
                }
                if (found.isPresent()) {
                    mbid = found.get().mbid();
                    List<String> confirmed = genreNames(musicBrainz.artistGenres(mbid));
                    genres = confirmedByMusicBrainz(lastFmGenres, confirmed);
                    source =
                            genres.isEmpty()
                                    ? null
                                    : genres.equals(confirmed) ? "musicbrainz" : "lastfm";
                }
            } catch (SourceException e) {
                sources.health().failed(SourceService.MUSICBRAINZ, e);
                incomplete = true;
            }
        }
        if (genres.isEmpty() && !lastFmGenres.isEmpty()) {
            genres = lastFmGenres;
            source = "lastfm";
        }
        var learnt = new ArtistKnowledge(id, name, genres, source, mbid, OffsetDateTime.now(clock));
        if (!genres.isEmpty() || !incomplete) {
            // a miss is kept only when every source could answer: another night may reach the one
            // that failed
            knowledge.saveArtist(learnt);
        }
        if (genres.isEmpty()) {
            log.info(
                    "{}: no source knows a genre of seed artist {} ({}); its list leans on"
                            + " similarity",
                    user.settings().username(),
                    name,
                    id);
        }
        return Optional.of(learnt);
    }

    /**
     * The artist of a recording's credits that carries this name. Names, not positions: MusicBrainz
     * may credit a featured artist that Spotify leaves out, or the other way round.
     */
    static Optional<MusicBrainzArtist> creditedAs(String name, List<MusicBrainzArtist> credits) {
        String wanted = comparable(name);
        return credits.stream().filter(a -> comparable(a.name()).equals(wanted)).findFirst();
    }

    private static String comparable(String name) {
        return name == null
                ? ""
                : Normalizer.normalize(name, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Empty when Last.fm could not answer (failed in this run, or failed now); a list, maybe empty,
     * otherwise.
     */
    private Optional<List<String>> lastFmTags(String artistName) {
        LastFmClient lastFm = sources.lastFm();
        if (lastFm == null) {
            return Optional.of(List.of());
        }
        if (!sources.health().usable(SourceService.LASTFM)) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    genreNames(
                            lastFm.artistTopTags(artistName).stream()
                                    .filter(t -> t.count() >= MIN_TAG_COUNT)
                                    .toList()));
        } catch (SourceException e) {
            sources.health().failed(SourceService.LASTFM, e);
            return Optional.empty();
        }
    }

    /**
     * Last.fm knows artists by name and merges namesakes, so its top tags can be another artist's
     * genres; MusicBrainz is asked by Spotify id. Last.fm's tags are kept as far as MusicBrainz
     * confirms them (in Last.fm's order, which ranks by listeners); when none is confirmed, or
     * Last.fm had none, MusicBrainz's genres are taken.
     */
    static List<String> confirmedByMusicBrainz(
            List<String> lastFmGenres, List<String> musicBrainzGenres) {
        List<String> confirmed = lastFmGenres.stream().filter(musicBrainzGenres::contains).toList();
        return confirmed.isEmpty() ? musicBrainzGenres : confirmed;
    }

    static List<String> genreNames(List<Tag> tags) {
        return Genres.normaliseAll(tags.stream().map(Tag::name).toList()).stream()
                .filter(Genres::isGenreTag)
                .limit(ArtistKnowledge.MAX_GENRES)
                .toList();
    }
}
