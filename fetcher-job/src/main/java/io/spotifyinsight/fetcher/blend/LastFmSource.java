package io.spotifyinsight.fetcher.blend;

import io.spotifyinsight.persistence.knowledge.ArtistKnowledge;
import io.spotifyinsight.persistence.recommendation.TrackSource;
import io.spotifyinsight.sources.NamedTrack;
import io.spotifyinsight.sources.SimilarArtist;
import io.spotifyinsight.sources.SourceService;
import io.spotifyinsight.sources.SourceTrack;
import io.spotifyinsight.spotify.SearchRequest;
import io.spotifyinsight.spotify.model.Track;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

    /**
     * Similar artists per seed found on Spotify through MusicBrainz for a list of {@value
     * BlendStrategy#ALLOWANCE_LIMIT}; a longer list gets more, in proportion (see {@link
     * #linkedPerSeed}).
     */
    static final int LINKED_PER_SEED = 3;

    /** MusicBrainz lookups beyond the artists wanted, for those it does not link to Spotify. */
    static final int SPARE_LOOKUPS = 2;

    static final int TAG_TRACKS = 100;

    /** How relevant a tag's artist is: as similar as a search result, since the tag is a genre. */
    static final double TAG_RELEVANCE = 0.5;

    static final int TAGS_ASKED = 3;

    private final RunSources sources;
    private final LinkedArtists links;
    private final RunKnowledge knowledge;

    /** The top tracks of each tag asked in this run, shared by its aliases. */
    private final Map<String, List<NamedTrack>> tagTracks = new ConcurrentHashMap<>();

    /**
     * @param sources with Last.fm: a run without it has no such source
     */
    LastFmSource(RunSources sources, RunKnowledge knowledge) {
        this.sources = sources;
        this.links = new LinkedArtists(sources);
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
                    new ArrayList<>(
                            sources.lastFm().similarArtists(seed.name(), SIMILAR_ARTISTS_ASKED));
            similar.sort(Comparator.comparingDouble(SimilarArtist::match).reversed());
            List<SimilarArtist> window =
                    new ArrayList<>(similar.subList(0, Math.min(window(fetch), similar.size())));
            window.sort(
                    Comparator.comparingDouble(
                            a -> Shuffle.unit(fetch.seed(), "lastfm|" + a.name())));
            String reason = "Last.fm: similar to " + seed.name();
            int wanted = linkedPerSeed(fetch.limit());
            int linked = 0;
            int lookups = 0;
            for (SimilarArtist artist : window) {
                if (linked == wanted || lookups == wanted + SPARE_LOOKUPS || !links.usable()) {
                    break;
                }
                if (artist.mbid() != null) {
                    lookups++;
                    Optional<LinkedArtists.Linked> link = links.find(artist.mbid());
                    if (link.isPresent()) {
                        linked++;
                        found.addAll(linkedCandidates(fetch, link.get(), reason, artist.match()));
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
        found.addAll(tagArtistCandidates(fetch));
        return found;
    }

    /**
     * For a list longer than the allowance covers: artists of its genres' top tracks on Last.fm,
     * taken in turn from each genre in an order drawn for the night, found like similar artists.
     */
    private List<Candidate> tagArtistCandidates(AliasFetch fetch) {
        int wanted = tagArtistsWanted(fetch.limit());
        List<Candidate> found = new ArrayList<>();
        if (wanted == 0 || !links.usable()) {
            return found;
        }
        List<List<NamedTrack>> byTag = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (String tag : fetch.affinity().keySet().stream().limit(TAGS_ASKED).toList()) {
            List<NamedTrack> tracks = new ArrayList<>(tagTracks.getOrDefault(tag, List.of()));
            tracks.removeIf(t -> t.artistMbid() == null);
            tracks.sort(
                    Comparator.comparingDouble(
                            t -> Shuffle.unit(fetch.seed(), "lastfm-tag|" + t.artistMbid())));
            byTag.add(tracks);
            tags.add(tag);
        }
        Set<String> asked = new HashSet<>();
        int linked = 0;
        int lookups = 2 * wanted;
        for (int round = 0; linked < wanted && asked.size() < lookups; round++) {
            boolean any = false;
            for (int t = 0; t < byTag.size() && linked < wanted; t++) {
                if (round >= byTag.get(t).size()) {
                    continue;
                }
                any = true;
                NamedTrack track = byTag.get(t).get(round);
                if (!asked.add(track.artistMbid()) || !links.usable()) {
                    continue;
                }
                Optional<LinkedArtists.Linked> link = links.find(track.artistMbid());
                if (link.isPresent()) {
                    // Last.fm merges namesakes: only an artist MusicBrainz also gives a list's
                    // genre counts towards those wanted
                    if (link.get().genres().stream().anyMatch(fetch.affinity()::containsKey)) {
                        linked++;
                    }
                    String reason = "Last.fm: an artist of the tag '" + tags.get(t) + "'";
                    found.addAll(linkedCandidates(fetch, link.get(), reason, TAG_RELEVANCE));
                }
            }
            if (!any) {
                break;
            }
        }
        return found;
    }

    /**
     * Similar artists per seed to find through MusicBrainz: {@value #LINKED_PER_SEED} for a list of
     * {@value BlendStrategy#ALLOWANCE_LIMIT}, in proportion for others (one for five, eight for
     * fifty).
     */
    static int linkedPerSeed(int limit) {
        int base = BlendStrategy.ALLOWANCE_LIMIT;
        return Math.max(1, (LINKED_PER_SEED * limit + base - 1) / base);
    }

    /**
     * Artists of the list's genres to find through MusicBrainz from Last.fm's top tracks of those
     * tags: none for a list the Spotify allowance covers, one for every two tracks beyond it
     * (fifteen for fifty: earlier nights' tracks are not repeated), with up to twice as many
     * lookups, so that a long list is not left to ReccoBeats' genre-blind neighbours.
     */
    static int tagArtistsWanted(int limit) {
        return Math.max(0, limit - BlendStrategy.ALLOWANCE_LIMIT) / 2;
    }

    /** The best-matching similar artists drawn from: enough for twice the lookups of a seed. */
    private static int window(AliasFetch fetch) {
        return Math.max(SIMILAR_WINDOW, 2 * (linkedPerSeed(fetch.limit()) + SPARE_LOOKUPS));
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
            AliasFetch fetch, LinkedArtists.Linked link, String reason, double relevance) {
        Set<String> seedIds = fetch.profile().seedArtistIds();
        if (seedIds.contains(link.spotifyArtistId())) {
            return List.of();
        }
        // MusicBrainz knows the artist by id: its genres are vouched for, unlike name-merged tags
        knowledge.learnForId(link.spotifyArtistId(), link.genres());
        Set<String> genres = Set.copyOf(link.genres());
        List<Candidate> found = new ArrayList<>();
        for (SourceTrack track : link.tracks()) {
            if (track.artists().stream().anyMatch(a -> seedIds.contains(a.spotifyId()))) {
                continue;
            }
            Candidate.of(track, TrackSource.LASTFM, reason, genres, relevance)
                    .ifPresent(found::add);
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
                        fetch.user().settings().market());
        List<Candidate> found = new ArrayList<>();
        for (Track track : sources.spotify().searchTracks(request).items()) {
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
            Candidate.of(track, TrackSource.LASTFM, reason, Set.copyOf(genres), artist.match())
                    .ifPresent(found::add);
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
                                sources.lastFm().artistTopTags(artistName).stream()
                                        .filter(t -> t.count() >= SeedResolver.MIN_TAG_COUNT)
                                        .toList())
                        .stream()
                        .limit(5)
                        .toList();
        knowledge.learnForName(artistName, genres);
        return genres;
    }

    private List<NamedTrack> askTagTopTracks(String tag) {
        List<NamedTrack> tracks = sources.lastFm().tagTopTracks(tag, TAG_TRACKS);
        for (NamedTrack track : tracks) {
            knowledge.learnForName(track.artist(), List.of(tag));
        }
        return tracks;
    }

    /**
     * Each of the list's first genres, once per run: which artists Last.fm tags with it (their top
     * tracks are kept for {@link #tagArtistCandidates}).
     */
    private void learnTagArtists(AliasFetch fetch) {
        List<String> tags = fetch.affinity().keySet().stream().limit(TAGS_ASKED).toList();
        for (String tag : tags) {
            // an alias that needs a tag another alias is asking for waits for that answer
            tagTracks.computeIfAbsent(tag, this::askTagTopTracks);
        }
    }
}
