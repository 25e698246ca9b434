package io.spotifyinsight.web.page;

import io.spotifyinsight.persistence.recommendation.StoredDay;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * What the day page shows: the alias and its seeds by name, the day's list with its strategy and
 * fetch time, the neighbouring days that have lists, the month, and the export links.
 *
 * @param previousDate the newest list before this day, or null; @param nextDate the oldest after it
 */
public record DayPage(
        String username,
        Seeds seeds,
        LocalDate date,
        String strategy,
        String fetchedAt,
        String fetchedAtIso,
        List<String> missingSources,
        List<TrackRow> tracks,
        LocalDate previousDate,
        LocalDate nextDate,
        MonthView month,
        List<Export> exports) {

    /** Seeds in the words of the page: names where the engine learnt them, ids where it did not. */
    public record Seeds(List<String> artists, List<String> genres, List<String> tracks) {
        public boolean isEmpty() {
            return artists.isEmpty() && genres.isEmpty() && tracks.isEmpty();
        }
    }

    /** A link to the same list in another format. */
    public record Export(String label, String href, String description) {}

    private static final DateTimeFormatter FETCHED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    static DayPage of(StoredDay day, Seeds seeds, List<LocalDate> listDates, ZoneId zone) {
        List<TrackRow> tracks = new ArrayList<>();
        for (int i = 0; i < day.tracks().size(); i++) {
            tracks.add(TrackRow.of(i + 1, day.tracks().get(i)));
        }
        NavigableSet<LocalDate> dates = new TreeSet<>(listDates);
        dates.add(day.date());
        return new DayPage(
                day.username(),
                seeds,
                day.date(),
                day.strategy().dbValue(),
                day.fetchedAt().atZoneSameInstant(zone).format(FETCHED),
                day.fetchedAt().toString(),
                day.missingSources(),
                tracks,
                dates.lower(day.date()),
                dates.higher(day.date()),
                MonthView.of(day.date(), dates),
                exports(day.username(), day.date()));
    }

    /** The page of a day; the same path shape the routes declare. */
    public static String href(String username, LocalDate date) {
        return "/u/" + username + "/" + date;
    }

    private static List<Export> exports(String username, LocalDate date) {
        String base = "/user-recommendations/" + username + "?date=" + date + "&format=";
        return List.of(
                new Export("JSPF", base + "jspf", "JSON playlist (ListenBrainz and others)"),
                new Export("XSPF", base + "xspf", "XML playlist (VLC, foobar2000, ...)"),
                new Export("M3U8", base + "m3u", "extended M3U playlist"),
                new Export("CSV", base + "csv", "spreadsheet"),
                new Export("JSON", base + "json", "this API's JSON"));
    }
}
