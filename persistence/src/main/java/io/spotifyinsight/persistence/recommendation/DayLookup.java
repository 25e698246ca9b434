package io.spotifyinsight.persistence.recommendation;

/** The answer to "this user's list for this date": three outcomes the API reports differently. */
public sealed interface DayLookup {
    /** No user has this name. */
    record UnknownUser(String username) implements DayLookup {}

    /** The user exists but has no list for the date (or, for "latest", none at all). */
    record NoList(String username) implements DayLookup {}

    record Found(StoredDay day) implements DayLookup {}
}
