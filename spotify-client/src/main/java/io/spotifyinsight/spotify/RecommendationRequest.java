package io.spotifyinsight.spotify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parameters of {@code GET /v1/recommendations}, checked before any request is sent.
 *
 * <p>Artist and track seeds may be ids, {@code spotify:...} URIs or open.spotify.com links; they
 * are normalised to bare ids. Genre seeds are values from {@code availableGenreSeeds()} such as
 * {@code hip-hop}. Spotify wants 1 to 5 seeds in total, a limit of 1 to 100 and an ISO 3166-1
 * alpha-2 market (null for none).
 */
public record RecommendationRequest(
        List<String> seedArtists,
        List<String> seedGenres,
        List<String> seedTracks,
        int limit,
        String market) {

    public static final int MAX_SEEDS = 5;
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    private static final Pattern GENRE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    public RecommendationRequest {
        seedArtists = normalise(SpotifyIds.Kind.ARTIST, seedArtists);
        seedTracks = normalise(SpotifyIds.Kind.TRACK, seedTracks);
        seedGenres = seedGenres == null ? List.of() : List.copyOf(seedGenres);
        for (String genre : seedGenres) {
            if (!GENRE.matcher(genre).matches()) {
                throw new IllegalArgumentException(
                        "invalid seed genre '"
                                + genre
                                + "': expected a lower-case genre seed such as hip-hop or r-n-b, as"
                                + " listed by availableGenreSeeds()");
            }
        }
        int seeds = seedArtists.size() + seedGenres.size() + seedTracks.size();
        if (seeds < 1 || seeds > MAX_SEEDS) {
            throw new IllegalArgumentException(
                    "recommendations need 1 to "
                            + MAX_SEEDS
                            + " seeds in total (artists + genres + tracks), got "
                            + seeds);
        }
        RequestChecks.range("recommendation limit", limit, 1, MAX_LIMIT, "");
        RequestChecks.market(market);
    }

    /** Seeds with the default limit (20) and no market. */
    public static RecommendationRequest ofSeeds(
            List<String> seedArtists, List<String> seedGenres, List<String> seedTracks) {
        return new RecommendationRequest(seedArtists, seedGenres, seedTracks, DEFAULT_LIMIT, null);
    }

    public RecommendationRequest withLimit(int newLimit) {
        return new RecommendationRequest(seedArtists, seedGenres, seedTracks, newLimit, market);
    }

    public RecommendationRequest withMarket(String newMarket) {
        return new RecommendationRequest(seedArtists, seedGenres, seedTracks, limit, newMarket);
    }

    private static List<String> normalise(SpotifyIds.Kind kind, List<String> seeds) {
        if (seeds == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(seeds.size());
        for (String seed : seeds) {
            ids.add(SpotifyIds.parse(kind, seed));
        }
        return List.copyOf(ids);
    }
}
