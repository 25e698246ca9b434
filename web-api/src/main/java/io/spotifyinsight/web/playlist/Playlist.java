package io.spotifyinsight.web.playlist;

import io.spotifyinsight.persistence.recommendation.AlbumInfo;
import io.spotifyinsight.persistence.recommendation.ArtistInfo;
import io.spotifyinsight.persistence.recommendation.RecommendedTrack;
import io.spotifyinsight.persistence.recommendation.StoredDay;
import io.spotifyinsight.persistence.recommendation.TrackInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Stored lists as one playlist, in the terms the playlist formats share (XSPF and its JSON and M3U
 * cousins): what a player shows, plus our own data per track ({@link Origin}) that the writers put
 * under a namespaced extension. Built here once, so the three writers cannot disagree on a title.
 *
 * @param created when the newest of its lists was stored; null for a range without lists
 */
public record Playlist(
        String title,
        String creator,
        String annotation,
        String identifier,
        Instant created,
        Scope scope,
        List<Track> tracks) {
    public static final String CREATOR = "Spotify Insight";

    public Playlist {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(scope, "scope");
        tracks = List.copyOf(tracks);
    }

    /** Whose lists, and which dates (from = to for a single day). */
    public record Scope(String username, LocalDate from, LocalDate to) {
        public Scope {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * One entry. {@code creator} is the artists joined with ", "; {@code album} and {@code image}
     * are null when unknown (a track only a third-party source named). Only {@link #tracksOf} makes
     * them, from a {@link TrackInfo} (whose id and name are checked there) and values it builds
     * itself, so the others are never null and are not checked again here.
     */
    public record Track(
            String title,
            String creator,
            String album,
            int durationMs,
            String location,
            String image,
            Origin origin) {}

    /**
     * Our data about an entry: the list it is on (date), its 1-based position there, its source and
     * reason.
     */
    public record Origin(LocalDate date, int position, String source, String reason) {}

    /** One day's list: "Spotify Insight: alice, 2026-11-24". */
    public static Playlist ofDay(StoredDay day) {
        return new Playlist(
                CREATOR + ": " + day.username() + ", " + day.date(),
                CREATOR,
                "Recommendations for "
                        + day.username()
                        + " on "
                        + day.date()
                        + " (strategy "
                        + day.strategy().dbValue()
                        + ")",
                identifier(day.username(), day.date().toString()),
                day.fetchedAt().toInstant(),
                new Scope(day.username(), day.date(), day.date()),
                tracksOf(day));
    }

    /**
     * Every list of a range in one playlist, oldest day first, each day's tracks in position order.
     */
    public static Playlist ofRange(
            String username, LocalDate from, LocalDate to, List<StoredDay> days) {
        List<StoredDay> oldestFirst =
                days.stream().sorted(Comparator.comparing(StoredDay::date)).toList();
        List<Track> tracks = new ArrayList<>();
        oldestFirst.forEach(day -> tracks.addAll(tracksOf(day)));
        Instant created =
                oldestFirst.stream()
                        .map(day -> day.fetchedAt().toInstant())
                        .max(Comparator.naturalOrder())
                        .orElse(null);
        return rangeHead(username, from, to, oldestFirst.size(), created).withTracks(tracks);
    }

    /**
     * A range's playlist without its tracks, for a writer that takes them one day at a time ({@link
     * PlaylistWriter#write(Playlist, PlaylistWriter.Tracks, java.io.OutputStream)}).
     *
     * @param created when the newest of its lists was stored; null when there is none
     */
    public static Playlist rangeHead(
            String username, LocalDate from, LocalDate to, int daysWithList, Instant created) {
        return new Playlist(
                CREATOR + ": " + username + ", " + from + " to " + to,
                CREATOR,
                "Recommendations for "
                        + username
                        + " from "
                        + from
                        + " to "
                        + to
                        + " ("
                        + daysWithList
                        + (daysWithList == 1 ? " day" : " days")
                        + " with a list)",
                identifier(username, from + "_" + to),
                created,
                new Scope(username, from, to),
                List.of());
    }

    private Playlist withTracks(List<Track> newTracks) {
        return new Playlist(title, creator, annotation, identifier, created, scope, newTracks);
    }

    /**
     * A URN of our own: stable for the same user and dates, so a player can recognise a
     * re-download.
     */
    private static String identifier(String username, String dates) {
        return "urn:spotify-insight:playlist:" + username + ":" + dates;
    }

    /** One day's entries, in position order. */
    public static List<Track> tracksOf(StoredDay day) {
        List<Track> tracks = new ArrayList<>(day.tracks().size());
        int position = 1;
        for (RecommendedTrack recommended : day.tracks()) {
            TrackInfo t = recommended.track();
            AlbumInfo album = t.album();
            tracks.add(
                    new Track(
                            t.name(),
                            t.artists().stream()
                                    .map(ArtistInfo::name)
                                    .collect(Collectors.joining(", ")),
                            album == null ? null : album.name(),
                            t.durationMs(),
                            t.url(),
                            album == null ? null : album.imageUrl(),
                            new Origin(
                                    day.date(),
                                    position++,
                                    recommended.source().dbValue(),
                                    recommended.reason())));
        }
        return tracks;
    }
}
