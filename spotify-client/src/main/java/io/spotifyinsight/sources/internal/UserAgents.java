package io.spotifyinsight.sources.internal;

/**
 * The {@code User-Agent} values we send. MusicBrainz blocks generic agents and Last.fm asks for an
 * identifiable one, so every request says who we are and which version.
 */
public final class UserAgents {

    public static final String PROJECT_URL = "https://github.com/spotify-insight";

    private UserAgents() {}

    /** The packaged version (jar manifest {@code Implementation-Version}), or {@code dev}. */
    public static String version() {
        Package p = UserAgents.class.getPackage();
        String version = p == null ? null : p.getImplementationVersion();
        return version == null || version.isBlank() ? "dev" : version.strip();
    }

    /** {@code SpotifyInsight/<version> (+https://github.com/spotify-insight)}. */
    public static String standard() {
        return "SpotifyInsight/" + version() + " (+" + PROJECT_URL + ")";
    }

    /**
     * {@code SpotifyInsight/<version> ( <contact> )}, the form MusicBrainz asks for.
     *
     * @throws IllegalArgumentException when the contact is blank or not printable ASCII (it goes
     *     into an HTTP header)
     */
    public static String withContact(String contact) {
        if (contact == null || contact.isBlank()) {
            throw new IllegalArgumentException(
                    "the MusicBrainz contact must be an e-mail address or URL, was blank");
        }
        String value = contact.strip();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException(
                        "the MusicBrainz contact must be printable ASCII (an e-mail address or"
                                + " URL), it has character U+"
                                + String.format("%04X", (int) c));
            }
        }
        return "SpotifyInsight/" + version() + " ( " + value + " )";
    }
}
