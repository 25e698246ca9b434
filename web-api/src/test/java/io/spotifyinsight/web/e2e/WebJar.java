package io.spotifyinsight.web.e2e;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The web jar as an operator runs it: {@code java -jar web-api.jar}, listening on 127.0.0.1. */
final class WebJar {
    private WebJar() {}

    /** What follows {@code java}. */
    static List<String> command() {
        return List.of("-jar", JavaProcess.jar("web-api", "web-api.jar").toString());
    }

    /** {@code env} with HOST and PORT set so that the server listens on 127.0.0.1:{@code port}. */
    static Map<String, String> listeningOn(int port, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("HOST", "127.0.0.1");
        all.put("PORT", Integer.toString(port));
        return all;
    }
}
