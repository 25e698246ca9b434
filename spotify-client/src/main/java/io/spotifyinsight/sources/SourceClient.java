package io.spotifyinsight.sources;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotifyinsight.sources.error.SourceNotFoundException;
import io.spotifyinsight.sources.internal.JsonShape;
import io.spotifyinsight.sources.internal.SourceExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * What the source clients share: their config, base URL and {@link SourceExecutor}, and the
 * lifecycle. Only this package's clients extend it.
 */
public abstract class SourceClient implements AutoCloseable {

    private final SourceConfig config;
    private final HttpUrl baseUrl;
    private final SourceExecutor executor;

    SourceClient(SourceConfig config, SourceExecutor executor) {
        this.config = Objects.requireNonNull(config, "config");
        this.baseUrl = config.httpUrl();
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    public SourceConfig config() {
        return config;
    }

    @Override
    public void close() {
        executor.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + config + "]";
    }

    /** How long calls still wait after a 429 (zero when not paused); for tests and metrics. */
    Duration rateLimitPause() {
        return executor.remainingPause();
    }

    /** A builder of a URL below the configured base. */
    HttpUrl.Builder newUrl() {
        return baseUrl.newBuilder();
    }

    /** The JSON body; see {@link SourceExecutor#get}. */
    JsonNode get(String label, HttpUrl url) {
        return executor.get(label, url);
    }

    /** The JSON body, or null when the source answers that it does not know what was asked. */
    JsonNode getIfFound(String label, HttpUrl url) {
        try {
            return executor.get(label, url);
        } catch (SourceNotFoundException e) {
            return null;
        }
    }

    /** A reader of the answer to {@code label}, whose failures name this source and call. */
    JsonShape shape(String label) {
        return new JsonShape(executor.service(), label);
    }

    /**
     * Tags as Last.fm and MusicBrainz send them, {@code {"name":...,"count":...}}, heaviest first;
     * nameless ones are left out. The sort is stable: ties keep the source's order.
     */
    static List<Tag> heaviestFirst(JsonShape in, JsonNode parent, String field, String path) {
        List<Tag> tags =
                new ArrayList<>(
                        in.listOf(
                                parent,
                                field,
                                path,
                                (item, at) -> {
                                    String name = in.optionalText(item, "name", at);
                                    return name == null
                                            ? null
                                            : new Tag(name, in.integer(item, "count", at, 0));
                                }));
        tags.sort(Comparator.comparingInt(Tag::count).reversed());
        return List.copyOf(tags);
    }
}
