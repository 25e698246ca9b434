package io.spotifyinsight.spotify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordTextTest {

    record Login(String user, String password, int attempts) {}

    @Test
    void showsTheRecordsOwnFormat_withTheNamedComponentsReplaced() {
        Login login = new Login("ann", "hunter2", 3);

        assertThat(RecordText.of(login, Map.of())).isEqualTo(login.toString());
        assertThat(RecordText.of(login, Map.of("password", "<redacted>")))
                .isEqualTo("Login[user=ann, password=<redacted>, attempts=3]");
    }

    @Test
    void refusesANameThatIsNoComponent() {
        assertThatThrownBy(() -> RecordText.of(new Login("a", "b", 1), Map.of("secret", "***")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Login has no [secret]");
    }
}
