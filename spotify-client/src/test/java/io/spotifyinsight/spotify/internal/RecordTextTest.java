package io.spotifyinsight.spotify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordTextTest {

    record Login(String user, String pin, int attempts) {}

    @Test
    void showsTheRecordsOwnFormat_withTheNamedComponentsReplaced() {
        Login login = new Login("ann", "hunter2", 3);

        assertThat(RecordText.of(login, Map.of())).isEqualTo(login.toString());
        assertThat(RecordText.of(login, Map.of("pin", "<redacted>")))
                .isEqualTo("Login[user=ann, pin=<redacted>, attempts=3]");
    }

    record Keys(String name, String apiKey, String accessToken, String dbPassword) {}

    @Test
    void hidesAComponentWhoseNameSaysItIsASecret_evenWhenNoOneNamedIt() {
        Keys keys = new Keys("lastfm", "k-123", "t-456", "p-789");

        assertThat(RecordText.of(keys, Map.of()))
                .isEqualTo(
                        "Keys[name=lastfm, apiKey=<redacted>, accessToken=<redacted>,"
                                + " dbPassword=<redacted>]");
        assertThat(RecordText.of(keys, Map.of("apiKey", "(set)"))).contains("apiKey=(set)");
    }

    @Test
    void refusesANameThatIsNoComponent() {
        assertThatThrownBy(() -> RecordText.of(new Login("a", "b", 1), Map.of("secret", "***")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Login has no [secret]");
    }
}
