package io.spotifyinsight.web.recommendation;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotifyinsight.persistence.recommendation.DayLookup;
import io.spotifyinsight.persistence.recommendation.RecommendationRepository;
import io.spotifyinsight.persistence.recommendation.RecommendationRepository.DayStream;
import io.spotifyinsight.persistence.recommendation.RecommendationRepository.RangeReader;
import io.spotifyinsight.persistence.recommendation.StoredDay;
import io.spotifyinsight.web.error.ApiException;
import io.spotifyinsight.web.http.RenderedCache;
import io.spotifyinsight.web.http.RenderedCache.Bounds;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Reads stored lists for the API, knows nothing of HTTP. Each day's read is one query on the
 * primary key; past dates' rendered lists are kept in a bounded cache (today's and "latest" never
 * are: a re-run of the job may replace them). Callers pass usernames already checked with {@code
 * Usernames.isValid}.
 */
public final class RecommendationService {
    private final RecommendationRepository repository;
    private final ObjectMapper json;

    /** In the server's time zone. */
    private final Clock clock;

    private final RenderedCache<RenderedDay> cache;

    public RecommendationService(
            RecommendationRepository repository, ObjectMapper json, Clock clock, Bounds cache) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
        this.cache = new RenderedCache<>(cache, day -> day.json().length);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** True for a date whose list can no longer be replaced by the nightly run. */
    public boolean isPast(LocalDate date) {
        return date.isBefore(today());
    }

    /** The list for {@code date}, or the newest one when {@code date} is null, rendered as JSON. */
    RenderedDay rendered(String username, LocalDate date) {
        boolean cacheable = date != null && isPast(date);
        if (cacheable) {
            RenderedDay cached = cache.get(username, date);
            if (cached != null) {
                return cached;
            }
        }
        StoredDay day = stored(username, date);
        RenderedDay rendered =
                new RenderedDay(
                        username, day.date(), toJson(DayView.of(day)), RenderedDay.versionOf(day));
        if (cacheable) {
            cache.put(username, date, rendered);
        }
        return rendered;
    }

    /** The stored list itself (for CSV and the playlist exports); never cached. */
    StoredDay stored(String username, LocalDate date) {
        DayLookup lookup =
                date == null ? repository.findLatest(username) : repository.findDay(username, date);
        if (lookup instanceof DayLookup.Found found) {
            return found.day();
        }
        if (lookup instanceof DayLookup.NoList) {
            throw ApiException.noList(
                    username,
                    date == null
                            ? "has no stored recommendations yet."
                            : "has no recommendations stored for "
                                    + date
                                    + ". GET /users shows each user's latest date.");
        }
        throw ApiException.unknownUser(username);
    }

    /**
     * Reads a range in one transaction ({@link RecommendationRepository#readRange}): {@code reader}
     * gets each day's summary, then may read the days one at a time. An unknown user is {@link
     * ApiException#unknownUser} before {@code reader} runs.
     */
    <T> T readRange(String username, LocalDate from, LocalDate to, RangeReader<T> reader) {
        return repository.readRange(
                username,
                from,
                to,
                (days, lists) -> {
                    if (days == null) {
                        throw ApiException.unknownUser(username);
                    }
                    return reader.read(days, lists);
                });
    }

    /**
     * A range as the JSON document {@code {"username", "from", "to", "days": [DayView...]}} (the
     * OpenAPI document's range schema), written a day at a time: the same mapper writes each value,
     * so the bytes are those the whole document written at once had. Flushes {@code out}, does not
     * close it.
     */
    void writeRangeJson(
            String username, LocalDate from, LocalDate to, DayStream lists, OutputStream out)
            throws IOException {
        try (JsonGenerator range = json.createGenerator(out)) {
            range.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            range.writeStartObject();
            range.writeStringField("username", username);
            range.writeObjectField("from", from);
            range.writeObjectField("to", to);
            range.writeArrayFieldStart("days");
            lists.forEachDay(
                    day -> {
                        try {
                            range.writeObject(DayView.of(day));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
            range.writeEndArray();
            range.writeEndObject();
        }
    }

    /** The rendered past days, for {@code /metrics}. */
    public RenderedCache<RenderedDay> cache() {
        return cache;
    }

    private byte[] toJson(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
