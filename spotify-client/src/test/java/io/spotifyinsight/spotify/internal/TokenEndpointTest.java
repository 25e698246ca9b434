package io.spotifyinsight.spotify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class TokenEndpointTest {

    private final TokenEndpoint endpoint =
            new TokenEndpoint(HttpUrl.get("https://accounts.spotify.com/api/token"), "id", "pw");

    @Test
    void basicAuth_encodesIdAndSecret() {
        assertThat(endpoint.basicAuth()).isEqualTo("Basic aWQ6cHc=");
    }

    @Test
    void toString_leavesTheSecretOut() {
        assertThat(endpoint.toString())
                .isEqualTo(
                        "TokenEndpoint[url=https://accounts.spotify.com/api/token, clientId=id,"
                                + " clientSecret=<redacted>]");
    }
}
