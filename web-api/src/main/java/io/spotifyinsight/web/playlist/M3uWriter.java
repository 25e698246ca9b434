package io.spotifyinsight.web.playlist;

import java.nio.charset.StandardCharsets;

/**
 * Extended M3U in UTF-8 (M3U8): {@code #EXTM3U}, a {@code #PLAYLIST:} title, then per track
 * {@code #EXTINF:<seconds>,<artists> - <title>} and the Spotify URL on its own line. The format is
 * line-based with no escaping, so every line break (and any other control character) in a title is
 * replaced by a space: text from Spotify can never add a line of its own, such as a second URL.
 */
public final class M3uWriter implements PlaylistWriter {
    @Override
    public String contentType() {
        return "audio/x-mpegurl; charset=utf-8";
    }

    @Override
    public String fileExtension() {
        return "m3u8";
    }

    @Override
    public byte[] write(Playlist playlist) {
        StringBuilder m3u = new StringBuilder("#EXTM3U\n");
        m3u.append("#PLAYLIST:").append(oneLine(playlist.title())).append('\n');
        for (Playlist.Track track : playlist.tracks()) {
            m3u.append("#EXTINF:").append(seconds(track.durationMs())).append(',')
                    .append(oneLine(track.creator())).append(" - ").append(oneLine(track.title())).append('\n')
                    .append(oneLine(track.location())).append('\n');
        }
        return m3u.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Whole seconds, rounded half up, as players expect in EXTINF. */
    static long seconds(int durationMs) {
        return Math.round(durationMs / 1000.0);
    }

    /** The text with CR, LF, NEL, the Unicode line and paragraph separators and other controls as spaces. */
    static String oneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(c -> line.appendCodePoint(
                Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c));
        return line.toString();
    }
}
