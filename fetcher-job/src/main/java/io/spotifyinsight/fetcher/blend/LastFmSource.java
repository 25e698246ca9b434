package io.spotifyinsight.fetcher.blend;

import io.spotifyinsight.persistence.knowledge.ArtistKnowledge;
import io.spotifyinsight.persistence.recommendation.TrackSource;
import io.spotifyinsight.sources.LastFmClient;
import io.spotifyinsight.sources.NamedTrack;
import io.spotifyinsight.sources.SimilarArtist;
import io.spotifyinsight.sources.SourceService;
import io.spotifyinsight.spotify.SearchRequest;
import io.spotifyinsight.spotify.SpotifyClient;
import io.spotifyinsight.spotify.model.Track;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Last.fm, which names artists and tracks, never Spotify ids: for each seed artist (and each seed
 * track's artist) its similar artists, a different few each night, each mapped to Spotify by one
 * {@code artist:"NAME"} search within the alias's allowance; the similar artists' top tags teach
 * the run their genres. A tag's top tracks cost no Spotify request: they teach the run which
 * artists have the list's genres, so that other sources' candidates by those artists rank higher.
 */
public final class LastFmSource implements CandidateSource {
    static final int SIMILAR_ARTISTS_ASKED = 30;

    /** Similar artists drawn from the best-matching ones each night. */
    static final int SIMILAR_WINDOW = 12;

    static final int TAG_TRACKS = 100;
    static final int TAGS_ASKED = 3;

    private final LastFmClient lastFm;
    private final SpotifyClient spotify;
    private final RunKnowledge knowledge;

    public LastFmSource(LastFmClient lastFm, SpotifyClient spotify, RunKnowledge knowledge) {
        this.lastFm = lastFm;
        this.spotify = spotify;
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
        Set<String> seedIds = fetch.profile().seedArtistIds();
        for (int i = 0; i < seedArtists.size() && fetch.budget().left() > 0; i++) {
            ArtistKnowledge seed = seedArtists.get(i);
            List<SimilarArtist> similar =
                    new ArrayList<>(lastFm.similarArtists(seed.name(), SIMILAR_ARTISTS_ASKED));
            similar.sort(Comparator.comparingDouble(SimilarArtist::match).reversed());
            List<SimilarArtist> window =
                    new ArrayList<>(similar.subList(0, Math.min(SIMILAR_WINDOW, similar.size())));
            window.sort(
                    Comparator.comparingDouble(
                            a -> Shuffle.unit(fetch.seed(), "lastfm|" + a.name())));
            int share = Math.max(1, fetch.budget().left() / (seedArtists.size() - i));
            for (SimilarArtist artist : window.subList(0, Math.min(share, window.size()))) {
                if (!fetch.budget().tryTake()) {
                    break;
                }
                List<String> genres = tagsOf(artist.name());
                String reason = "Last.fm: similar to " + seed.name();
                for (Track track :
                        spotify.searchTracks(
                                        new SearchRequest(
                                                SpotifySearchSource.filter("artist", artist.name()),
                                                SpotifySearchSource.PAGE,
                                                0,
                                                fetch.user().market()))
                                .items()) {
                    boolean byIt =
                            track.artists().stream()
                                    .anyMatch(
                                            a ->
                                                    RunKnowledge.nameKey(a.name())
                                                            .equals(
                                                                    RunKnowledge.nameKey(
                                                                            artist.name())));
                    if (!byIt || track.artists().stream().anyMatch(a -> seedIds.contains(a.id()))) {
                        continue;
                    }
                    track.artists().stream()
                            .filter(
                                    a ->
                                            RunKnowledge.nameKey(a.name())
                                                    .equals(RunKnowledge.nameKey(artist.name())))
                            .forEach(a -> knowledge.learnFromLastFmForId(a.id(), genres));
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
            }
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
