package io.spotifyinsight.web.playlist;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Extended M3U in UTF-8 (M3U8): {@code #EXTM3U}, a {@code #PLAYLIST:} title, then per track {@code
 * #EXTINF:<seconds>,<artists> - <title>} and the Spotify URL on its own line. The format is
 * line-based with no escaping, so every line break (and any other control character) in a title is
 * replaced by a space: text from Spotify can never add a line of its own, such as a second URL.
 */
public final class M3uWriter extends StreamingPlaylistWriter {
    public M3uWriter() {
        super("audio/x-mpegurl; charset=utf-8", "m3u8");
    }

    @Override
    public void write(Playlist head, Tracks tracks, OutputStream out) throws IOException {
        Writer m3u = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        m3u.write("#EXTM3U\n#PLAYLIST:" + oneLine(head.title()) + "\n");
        eachTrack(
                tracks,
                track ->
                        m3u.write(
                                "#EXTINF:"
                                        + seconds(track.durationMs())
                                        + ","
                                        + oneLine(track.creator())
                                        + " - "
                                        + oneLine(track.title())
                                        + "\n"
                                        + oneLine(track.location())
                                        + "\n"));
        m3u.flush();
    }

    /** Whole seconds, rounded half up, as players expect in EXTINF. */
    static long seconds(int durationMs) {
        return Math.round(durationMs / 1000.0);
    }

    /**
     * The text with CR, LF, NEL, the Unicode line and paragraph separators and other controls as
     * spaces.
     */
    static String oneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints()
                .forEach(
                        c ->
                                line.appendCodePoint(
                                        Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                                                ? ' '
                                                : c));
        return line.toString();
    }
}
