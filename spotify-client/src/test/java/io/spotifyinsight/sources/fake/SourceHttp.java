package io.spotifyinsight.sources.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** A plain HTTP client for the fakes' own tests, so they do not lean on production clients. */
final class SourceHttp {

    static final OkHttpClient HTTP = new OkHttpClient();
    static final String USER_AGENT = "SpotifyInsightTests/1.0 ( https://example.org/contact )";

    private SourceHttp() {}

    static Response get(String url) throws IOException {
        return get(url, USER_AGENT);
    }

    static Response get(String url, String userAgent) throws IOException {
        Request.Builder request = new Request.Builder().url(url);
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        return HTTP.newCall(request.build()).execute();
    }

    static JsonNode json(String url, int expectedStatus) throws IOException {
        return json(get(url), expectedStatus);
    }

    static JsonNode json(Response response, int expectedStatus) throws IOException {
        try (response) {
            String body = response.body().string();
            assertThat(response.code()).as(body).isEqualTo(expectedStatus);
            return SourceData.MAPPER.readTree(body);
        }
    }
}
