package io.spotifyinsight.spotify.internal;

import java.util.Map;
import okhttp3.Credentials;
import okhttp3.HttpUrl;

/**
 * Where the client asks for its token and as which app: the accounts service's token URL with the
 * client id and secret, which only go there together. {@link #toString()} leaves the secret out.
 */
public record TokenEndpoint(HttpUrl url, String clientId, String clientSecret) {

    /** The {@code Authorization} header value of the client-credentials request. */
    String basicAuth() {
        return Credentials.basic(clientId, clientSecret);
    }

    @Override
    public String toString() {
        return RecordText.of(this, Map.of("clientSecret", RecordText.REDACTED));
    }
}
