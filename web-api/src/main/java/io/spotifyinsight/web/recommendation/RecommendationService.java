package io.spotifyinsight.web.recommendation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotifyinsight.persistence.recommendation.DayLookup;
import io.spotifyinsight.persistence.recommendation.RecommendationRepository;
import io.spotifyinsight.persistence.recommendation.StoredDay;
import io.spotifyinsight.web.error.ApiException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Reads stored lists for the API, knows nothing of HTTP. Each read is one query on the primary key;
 * past dates' rendered lists are kept in a bounded cache (today's and "latest" never are: a re-run of
 * the job may replace them). Callers pass usernames already checked with {@code Usernames.isValid}.
 */
public final class RecommendationService {
    /** Past lists are immutable in normal operation; the TTL only bounds how long a manual backfill hides. */
    private static final Duration CACHE_TTL = Duration.ofMinutes(10);

    private final RecommendationRepository repository;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final PastDayCache cache;

    public RecommendationService(RecommendationRepository repository, ObjectMapper json, Clock clock, ZoneId zone,
                                 int cacheEntries, long cacheMaxBytes) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
        this.cache = new PastDayCache(cacheEntries, cacheMaxBytes, CACHE_TTL.toMillis());
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** True for a date whose list can no longer be replaced by the nightly run. */
    public boolean isPast(LocalDate date) {
        return date.isBefore(today());
    }

    /** The list for {@code date}, or the newest one when {@code date} is null, rendered as JSON. */
    RenderedDay rendered(String username, LocalDate date) {
        boolean cacheable = date != null && isPast(date);
        long now = clock.millis();
        if (cacheable) {
            RenderedDay cached = cache.get(username, date, now);
            if (cached != null) {
                return cached;
            }
        }
        StoredDay day = stored(username, date);
        RenderedDay rendered = new RenderedDay(username, day.date(), toJson(DayView.of(day)), RenderedDay.versionOf(day));
        if (cacheable) {
            cache.put(rendered, now);
        }
        return rendered;
    }

    /** The stored list itself (for CSV and the playlist exports); never cached. */
    StoredDay stored(String username, LocalDate date) {
        DayLookup lookup = date == null ? repository.findLatest(username) : repository.findDay(username, date);
        if (lookup instanceof DayLookup.Found found) {
            return found.day();
        }
        if (lookup instanceof DayLookup.NoList) {
            throw ApiException.noList(username, date == null
                    ? "has no stored recommendations yet."
                    : "has no recommendations stored for " + date + ". GET /users shows each user's latest date.");
        }
        throw ApiException.unknownUser(username);
    }

    /** Every list of the user from {@code from} to {@code to}, oldest first. */
    List<DayView> range(String username, LocalDate from, LocalDate to) {
        return storedRange(username, from, to).stream().map(DayView::of).toList();
    }

    /** The stored lists themselves (for the playlist exports), oldest first; never cached. */
    List<StoredDay> storedRange(String username, LocalDate from, LocalDate to) {
        Optional<List<StoredDay>> days = repository.findRange(username, from, to);
        return days.orElseThrow(() -> ApiException.unknownUser(username));
    }

    /** Past-date lists in the cache now. */
    public int cachedDays() {
        return cache.size();
    }

    /** Past-date requests answered from the cache since start. */
    public long cacheHits() {
        return cache.hits();
    }

    /** Past-date requests that had to read the database (the cache being on). */
    public long cacheMisses() {
        return cache.misses();
    }

    private byte[] toJson(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
