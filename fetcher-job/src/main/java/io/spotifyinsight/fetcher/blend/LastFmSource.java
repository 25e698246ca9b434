package io.spotifyinsight.fetcher.blend;

import io.spotifyinsight.persistence.knowledge.ArtistKnowledge;
import io.spotifyinsight.persistence.recommendation.TrackSource;
import io.spotifyinsight.sources.LastFmClient;
import io.spotifyinsight.sources.NamedTrack;
import io.spotifyinsight.sources.SimilarArtist;
import io.spotifyinsight.sources.SourceService;
import io.spotifyinsight.sources.SourceTrack;
import io.spotifyinsight.spotify.SearchRequest;
import io.spotifyinsight.spotify.SpotifyClient;
import io.spotifyinsight.spotify.model.Track;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Last.fm, which names artists and tracks, never Spotify ids: for each seed artist (and each seed
 * track's artist) its similar artists, a different few each night. Those Last.fm gives an MBID are
 * found on Spotify through MusicBrainz and their tracks through ReccoBeats ({@link LinkedArtists}),
 * with MusicBrainz's genres, at no Spotify cost; when none of a seed's is found that way, one is
 * mapped by an {@code artist:"NAME"} search within the alias's allowance, its Last.fm top tags
 * teaching the run its genres. A tag's top tracks cost no Spotify request: they teach the run which
 * artists have the list's genres, so that other sources' candidates by those artists rank higher.
 */
public final class LastFmSource implements CandidateSource {
    static final int SIMILAR_ARTISTS_ASKED = 30;

    /** Similar artists drawn from the best-matching ones each night. */
    static final int SIMILAR_WINDOW = 12;

    /** Similar artists per seed found on Spotify through MusicBrainz, and lookups spent on it. */
    static final int LINKED_PER_SEED = 3;

    static final int LOOKUPS_PER_SEED = 5;

    static final int TAG_TRACKS = 100;
    static final int TAGS_ASKED = 3;

    private final LastFmClient lastFm;
    private final SpotifyClient spotify;
    private final LinkedArtists links;
    private final RunKnowledge knowledge;

    public LastFmSource(
            LastFmClient lastFm,
            SpotifyClient spotify,
            LinkedArtists links,
            RunKnowledge knowledge) {
        this.lastFm = lastFm;
        this.spotify = spotify;
        this.links = links;
        this.knowledge = knowledge;
    }

    @Override
    public SourceService service() {
        return SourceService.LASTFM;
    }

    @Override
    public List<Candidate> candidates(AliasFetch fetch) {
        learnTagArtists(fetch);
        List<ArtistKnowledge> seedArtists = new ArrayList<>(fetch.profile().artists());
        fetch.profile().trackArtists().values().stream()
                .filter(a -> seedArtists.stream().noneMatch(s -> s.artistId().equals(a.artistId())))
                .forEach(seedArtists::add);
        List<Candidate> found = new ArrayList<>();
        for (int i = 0; i < seedArtists.size(); i++) {
            if (!links.usable() && fetch.budget().left() == 0) {
                break; // no way left to find Last.fm's artists on Spotify for this alias
            }
            ArtistKnowledge seed = seedArtists.get(i);
            List<SimilarArtist> similar =
                    new ArrayList<>(lastFm.similarArtists(seed.name(), SIMILAR_ARTISTS_ASKED));
            similar.sort(Comparator.comparingDouble(SimilarArtist::match).reversed());
            List<SimilarArtist> window =
                    new ArrayList<>(similar.subList(0, Math.min(SIMILAR_WINDOW, similar.size())));
            window.sort(
                    Comparator.comparingDouble(
                            a -> Shuffle.unit(fetch.seed(), "lastfm|" + a.name())));
            String reason = "Last.fm: similar to " + seed.name();
            int linked = 0;
            int lookups = 0;
            for (SimilarArtist artist : window) {
                if (linked == LINKED_PER_SEED || lookups == LOOKUPS_PER_SEED || !links.usable()) {
                    break;
                }
                if (artist.mbid() != null) {
                    lookups++;
                    Optional<LinkedArtists.Linked> link = links.find(artist.mbid());
                    if (link.isPresent()) {
                        linked++;
                        found.addAll(linkedCandidates(fetch, artist, link.get(), reason));
                    }
                }
            }
            if (linked > 0) {
                continue;
            }
            // none found without Spotify: artist searches within the allowance, shared by the seeds
            int share = Math.max(1, fetch.budget().left() / (seedArtists.size() - i));
            for (SimilarArtist artist : window.subList(0, Math.min(share, window.size()))) {
                if (!fetch.budget().tryTake()) {
                    break;
                }
                found.addAll(searchedCandidates(fetch, artist, reason));
            }
        }
        return found;
    }

    /**
     * Whether similar artists are found through Spotify search only (MusicBrainz or ReccoBeats is
     * not there), so that the alias's allowance should keep a request for them.
     */
    public boolean findsThroughSearch() {
        return !links.usable();
    }

    /**
     * The tracks of an artist MusicBrainz links to Spotify, with the genres it gives the artist.
     */
    private List<Candidate> linkedCandidates(
            AliasFetch fetch, SimilarArtist artist, LinkedArtists.Linked link, String reason) {
        Set<String> seedIds = fetch.profile().seedArtistIds();
        if (seedIds.contains(link.spotifyArtistId())) {
            return List.of();
        }
        // MusicBrainz knows the artist by id: its genres are vouched for, unlike name-merged tags
        knowledge.learnForId(link.spotifyArtistId(), link.genres());
        Set<String> genres = Set.copyOf(Genres.normaliseAll(link.genres()));
        List<Candidate> found = new ArrayList<>();
        for (SourceTrack track : link.tracks()) {
            if (track.artists().stream().anyMatch(a -> seedIds.contains(a.spotifyId()))) {
                continue;
            }
            SpotifyTracks.of(track)
                    .ifPresent(
                            info ->
                                    found.add(
                                            new Candidate(
                                                    info,
                                                    TrackSource.LASTFM,
                                                    reason,
                                                    genres,
                                                    artist.match())));
        }
        return found;
    }

    /** One {@code artist:"NAME"} search: the tracks by that name, with its Last.fm tags. */
    private List<Candidate> searchedCandidates(
            AliasFetch fetch, SimilarArtist artist, String reason) {
        Set<String> seedIds = fetch.profile().seedArtistIds();
        List<String> genres = tagsOf(artist.name());
        String name = RunKnowledge.nameKey(artist.name());
        SearchRequest request =
                new SearchRequest(
                        SpotifySearchSource.filter("artist", artist.name()),
                        SpotifySearchSource.PAGE,
                        0,
                        fetch.user().market());
        List<Candidate> found = new ArrayList<>();
        for (Track track : spotify.searchTracks(request).items()) {
            List<String> byIt =
                    track.artists().stream()
                            .filter(a -> RunKnowledge.nameKey(a.name()).equals(name))
                            .map(a -> a.id())
                            .toList();
            if (byIt.isEmpty()
                    || track.artists().stream().anyMatch(a -> seedIds.contains(a.id()))) {
                continue;
            }
            byIt.forEach(id -> knowledge.learnFromLastFmForId(id, genres));
            SpotifyTracks.of(track)
                    .ifPresent(
                            info ->
                                    found.add(
                                            new Candidate(
                                                    info,
                                                    TrackSource.LASTFM,
                                                    reason,
                                                    Set.copyOf(genres),
                                                    artist.match())));
        }
        return found;
    }

    /** The genres of an artist by its Last.fm top tags, asked once per run per artist. */
    public List<String> tagsOf(String artistName) {
        if (!knowledge.firstAskAbout(artistName)) {
            return List.copyOf(knowledge.genresOf(null, artistName));
        }
        List<String> genres =
                SeedResolver.genreNames(
                                lastFm.artistTopTags(artistName).stream()
                                        .filter(t -> t.count() >= SeedResolver.MIN_TAG_COUNT)
                                        .toList())
                        .stream()
                        .limit(5)
                        .toList();
        knowledge.learnForName(artistName, genres);
        return genres;
    }

    /** Each of the list's first genres, once per run: which artists Last.fm tags with it. */
    private void learnTagArtists(AliasFetch fetch) {
        List<String> tags = fetch.affinity().keySet().stream().limit(TAGS_ASKED).toList();
        for (String tag : tags) {
            if (!knowledge.firstAskAbout("tag:" + tag)) {
                continue;
            }
            for (NamedTrack track : lastFm.tagTopTracks(tag, TAG_TRACKS)) {
                knowledge.learnForName(track.artist(), List.of(tag));
            }
        }
    }
}
