package io.spotifyinsight.fetcher.blend;

import io.spotifyinsight.persistence.knowledge.ArtistKnowledge;
import io.spotifyinsight.persistence.knowledge.TrackKnowledge;
import io.spotifyinsight.persistence.recommendation.TrackSource;
import io.spotifyinsight.sources.ReccoArtist;
import io.spotifyinsight.sources.ReccoBeatsClient;
import io.spotifyinsight.sources.SourceService;
import io.spotifyinsight.sources.SourceTrack;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ReccoBeats: tracks similar to a seed track by audio features, one call per seed so that each
 * candidate can say which seed it resembles. An artist seed goes through a few of its own tracks
 * (ReccoBeats takes track seeds only); an alias with only genre seeds through a few of the tracks
 * search found for its genres. ReccoBeats ignores genre, so its candidates carry none: the picker
 * re-ranks them with the genres the run learnt for their artists, never takes them raw. Costs no
 * Spotify request: ReccoBeats names tracks by Spotify id.
 */
public final class ReccoBeatsSource implements CandidateSource {
    /** Seed tracks per artist seed, and tracks taken from search for a genre-only alias. */
    static final int TRACKS_PER_ARTIST = 2;

    static final int MAX_SEED_CALLS = 5;

    private final ReccoBeatsClient client;

    ReccoBeatsSource(ReccoBeatsClient client) {
        this.client = client;
    }

    @Override
    public SourceService service() {
        return SourceService.RECCOBEATS;
    }

    /** A seed for the recommender and the words that explain its results. */
    private record Seed(String trackId, String reason) {}

    @Override
    public List<Candidate> candidates(AliasFetch fetch) {
        List<Seed> seeds = new ArrayList<>();
        List<Candidate> ownTracks = new ArrayList<>();
        for (TrackKnowledge track : fetch.profile().tracks()) {
            seeds.add(
                    new Seed(
                            track.trackId(),
                            "similar to your seed track '" + track.name() + "' (ReccoBeats)"));
        }
        List<ArtistKnowledge> artists = fetch.profile().artists();
        if (!artists.isEmpty() && seeds.size() < MAX_SEED_CALLS) {
            Map<String, ArtistKnowledge> byId = new java.util.HashMap<>();
            artists.forEach(a -> byId.put(a.artistId(), a));
            for (ReccoArtist artist :
                    client.artists(artists.stream().map(ArtistKnowledge::artistId).toList())) {
                ArtistKnowledge seedArtist = byId.get(artist.spotifyId());
                if (seedArtist == null) {
                    continue;
                }
                List<SourceTrack> own = new ArrayList<>(client.artistTracks(artist.uuid(), 25));
                own.removeIf(t -> t.spotifyId() == null);
                // the artist's own tracks are candidates too; the picker keeps them a minority
                for (SourceTrack track : own) {
                    Candidate.of(
                                    track,
                                    TrackSource.RECCOBEATS,
                                    "by your seed artist " + seedArtist.name(),
                                    Set.copyOf(Genres.normaliseAll(seedArtist.genres())),
                                    0.4)
                            .ifPresent(ownTracks::add);
                }
                // a different pair of the artist's tracks each night
                own.sort(
                        Comparator.comparingDouble(t -> Shuffle.unit(fetch.seed(), t.spotifyId())));
                for (SourceTrack track : own.subList(0, Math.min(TRACKS_PER_ARTIST, own.size()))) {
                    seeds.add(
                            new Seed(
                                    track.spotifyId(),
                                    "similar to '"
                                            + track.title()
                                            + "' by your seed artist "
                                            + seedArtist.name()
                                            + " (ReccoBeats)"));
                }
            }
        }
        if (seeds.isEmpty()) {
            List<Candidate> fromSearch =
                    new ArrayList<>(
                            fetch.found().stream()
                                    .filter(
                                            c ->
                                                    c.source() == TrackSource.SEARCH
                                                            && !c.genres().isEmpty())
                                    .toList());
            fromSearch.sort(
                    Comparator.comparingDouble(c -> Shuffle.unit(fetch.seed(), "recco|" + c.id())));
            for (Candidate c :
                    fromSearch.subList(0, Math.min(TRACKS_PER_ARTIST, fromSearch.size()))) {
                seeds.add(
                        new Seed(
                                c.id(),
                                "similar to '"
                                        + c.track().name()
                                        + "', found for "
                                        + fetch.affinity()
                                                .getOrDefault(
                                                        c.genres().iterator().next(), "your genres")
                                        + " (ReccoBeats)"));
            }
        }
        List<Candidate> found = new ArrayList<>(ownTracks);
        int size = Math.min(100, Math.max(10, fetch.limit() * 2));
        for (Seed seed : seeds.subList(0, Math.min(MAX_SEED_CALLS, seeds.size()))) {
            List<SourceTrack> similar = client.recommendations(List.of(seed.trackId()), size);
            for (int rank = 0; rank < similar.size(); rank++) {
                double relevance = 1.0 - (double) rank / similar.size();
                Candidate.of(
                                similar.get(rank),
                                TrackSource.RECCOBEATS,
                                seed.reason(),
                                Set.of(),
                                relevance)
                        .ifPresent(found::add);
            }
        }
        return found;
    }
}
