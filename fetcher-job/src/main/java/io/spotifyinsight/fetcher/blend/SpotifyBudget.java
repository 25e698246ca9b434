package io.spotifyinsight.fetcher.blend;

/**
 * The Spotify requests one alias may spend on candidates in one night. Spotify is the scarce
 * resource (the quota is counted per developer account, and a spent quota answers QUOTA_EXCEEDED
 * for many hours), so the third-party sources carry the load and Spotify search gets a fixed
 * allowance. Seed lookups are not counted: they happen on an alias's first night and then come from
 * the database. Not thread-safe: one per alias fetch.
 */
public final class SpotifyBudget {
    private int left;

    public SpotifyBudget(int requests) {
        this.left = Math.max(0, requests);
    }

    public boolean tryTake() {
        if (left == 0) {
            return false;
        }
        left--;
        return true;
    }

    /**
     * More requests for a list the allowance could not fill: a full list is worth a few more calls
     * (the job's benchmark shows how often that happens).
     */
    public void grant(int requests) {
        left += Math.max(0, requests);
    }

    public int left() {
        return left;
    }
}
