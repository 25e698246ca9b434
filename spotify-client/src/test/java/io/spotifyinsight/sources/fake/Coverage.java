package io.spotifyinsight.sources.fake;

import java.util.Collection;
import java.util.function.Predicate;

/** How much of the catalogue a fake knows, for the fakes' coverage tests. */
final class Coverage {
    private Coverage() {}

    /** The share of {@code items} that {@code known} accepts, from 0 to 1. */
    static <T> double share(Collection<T> items, Predicate<T> known) {
        return (double) items.stream().filter(known).count() / items.size();
    }
}
