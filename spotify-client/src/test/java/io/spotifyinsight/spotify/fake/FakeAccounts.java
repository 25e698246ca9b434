package io.spotifyinsight.spotify.fake;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * The accounts service's {@code POST /api/token} for the client-credentials grant: Basic auth or
 * {@code client_id}/{@code client_secret} in the form body; {@code grant_type} in the form or the
 * query; OAuth-shaped errors exactly as Spotify words them.
 */
final class FakeAccounts {

    /** The registered app's client id and secret, the one pair the token endpoint accepts. */
    record Credentials(String clientId, String clientSecret) {
        Credentials {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
        }
    }

    private final FakeTokens tokens;

    FakeAccounts(FakeTokens tokens) {
        this.tokens = tokens;
    }

    Reply token(RecordedRequest request, Credentials app) {
        if (!"POST".equals(request.getMethod())) {
            return Reply.json(405, FakeJson.error(405, "Method not allowed"));
        }
        String contentType = request.getHeaders().get("Content-Type");
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        boolean form =
                contentType != null
                        && contentType
                                .toLowerCase()
                                .startsWith("application/x-www-form-urlencoded");
        HttpUrl formFields = HttpUrl.get("http://form.invalid/?" + (form ? body : ""));
        String grantType =
                first(
                        formFields.queryParameter("grant_type"),
                        request.getUrl().queryParameter("grant_type"));
        if (grantType == null) {
            return Reply.json(
                    400,
                    FakeJson.oauthError(
                            "unsupported_grant_type", "grant_type parameter is missing"));
        }
        if (!grantType.equals("client_credentials")) {
            return Reply.json(
                    400,
                    FakeJson.oauthError(
                            "unsupported_grant_type",
                            "grant_type must be client_credentials, authorization_code or"
                                    + " refresh_token"));
        }
        String id = formFields.queryParameter("client_id");
        String secret = formFields.queryParameter("client_secret");
        String authorization = request.getHeaders().get("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded =
                        new String(
                                Base64.getDecoder().decode(authorization.substring(6).trim()),
                                StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Reply.json(400, FakeJson.oauthError("invalid_client", "Invalid client"));
            }
            int colon = decoded.indexOf(':');
            id = colon < 0 ? decoded : decoded.substring(0, colon);
            secret = colon < 0 ? null : decoded.substring(colon + 1);
        }
        if (id == null || !id.equals(app.clientId())) {
            return Reply.json(400, FakeJson.oauthError("invalid_client", "Invalid client"));
        }
        if (secret == null || !secret.equals(app.clientSecret())) {
            return Reply.json(400, FakeJson.oauthError("invalid_client", "Invalid client secret"));
        }
        return Reply.json(
                200,
                FakeJson.object()
                        .put("access_token", tokens.issue())
                        .put("token_type", "Bearer")
                        .put("expires_in", tokens.expiresInSeconds()));
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
