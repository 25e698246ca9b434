package io.spotifyinsight.fetcher.blend;

import io.spotifyinsight.sources.MusicBrainzArtistDetails;
import io.spotifyinsight.sources.ReccoArtist;
import io.spotifyinsight.sources.SourceService;
import io.spotifyinsight.sources.SourceTrack;
import io.spotifyinsight.sources.error.SourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Artists that Last.fm names with an MBID, found on Spotify without a Spotify request: MusicBrainz
 * gives the artist's genres and its Spotify link in one lookup, ReccoBeats its tracks by that
 * Spotify id. Spotify's quota is the scarce resource, so this comes before an {@code artist:}
 * search. Artists without an MBID, or that MusicBrainz does not link to Spotify, are not found
 * here. A source that fails is taken out of the run and the artist is simply not found.
 * Thread-safe; one per run, and a run asks about each MBID once.
 */
public final class LinkedArtists {
    /** The artist's tracks asked of ReccoBeats; the picker takes at most two of them. */
    static final int TRACKS_ASKED = 25;

    /**
     * An artist found on Spotify, with the genres MusicBrainz gives it (normalised, genre tags
     * only, as for seed artists) and its tracks.
     */
    public record Linked(String spotifyArtistId, List<String> genres, List<SourceTrack> tracks) {
        public Linked {
            genres = List.copyOf(genres);
            tracks = List.copyOf(tracks);
        }
    }

    private final RunSources sources;
    private final Map<String, Optional<Linked>> byMbid = new ConcurrentHashMap<>();

    /** Asks MusicBrainz and ReccoBeats; either may be absent from {@code sources}. */
    LinkedArtists(RunSources sources) {
        this.sources = sources;
    }

    /** Whether both services are there for this run: when not, Last.fm's artists go to search. */
    public boolean usable() {
        return sources.musicBrainz() != null
                && sources.reccoBeats() != null
                && sources.health().usable(SourceService.MUSICBRAINZ)
                && sources.health().usable(SourceService.RECCOBEATS);
    }

    /**
     * The artist of this MBID on Spotify, with its tracks; empty when there is no MBID, no link, no
     * track, or a service failed (a failure found already is not asked again).
     */
    public Optional<Linked> find(String mbid) {
        if (mbid == null || !usable()) {
            return Optional.empty();
        }
        Optional<Linked> known = byMbid.get(mbid);
        if (known != null) {
            return known;
        }
        Optional<Linked> found = lookUp(mbid);
        if (usable()) {
            byMbid.put(mbid, found); // misses too, but not what a failure left unanswered
        }
        return found;
    }

    private Optional<Linked> lookUp(String mbid) {
        Optional<MusicBrainzArtistDetails> details;
        try {
            details = sources.musicBrainz().artistDetails(mbid);
        } catch (SourceException e) {
            sources.health().failed(SourceService.MUSICBRAINZ, e);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // Last.fm's "mbid" is not always a well-formed one
        }
        String spotifyId = details.map(MusicBrainzArtistDetails::spotifyArtistId).orElse(null);
        if (spotifyId == null) {
            return Optional.empty();
        }
        List<SourceTrack> tracks = new ArrayList<>();
        try {
            for (ReccoArtist artist : sources.reccoBeats().artists(List.of(spotifyId))) {
                if (spotifyId.equals(artist.spotifyId())) {
                    tracks.addAll(sources.reccoBeats().artistTracks(artist.uuid(), TRACKS_ASKED));
                }
            }
        } catch (SourceException e) {
            sources.health().failed(SourceService.RECCOBEATS, e);
            return Optional.empty();
        }
        if (tracks.isEmpty()) {
            return Optional.empty();
        }
        List<String> genres = SeedResolver.genreNames(details.get().genres());
        return Optional.of(new Linked(spotifyId, genres, tracks));
    }
}
