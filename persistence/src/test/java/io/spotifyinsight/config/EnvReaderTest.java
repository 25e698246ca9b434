package io.spotifyinsight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvReaderTest {
    @Test
    void twoBadVariables_areBothReported_inOneException() {
        EnvReader env = new EnvReader(Map.of("A_COUNT", "many", "A_RATE", "-1"));
        assertThat(env.wholeNumber("A_COUNT", 3, 1, 9)).isEqualTo(3);
        assertThat(env.number("A_RATE", 2, rate -> rate > 0, "a number above 0 (default 2)"))
                .isEqualTo(2);
        assertThatThrownBy(env::check)
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "configuration error:\n"
                            + "  - A_COUNT is 'many': expected a whole number from 1 to 9 (default"
                            + " 3)\n"
                            + "  - A_RATE is '-1': expected a number above 0 (default 2)");
    }

    @Test
    void unsetOrBlankVariables_takeTheirDefaults_andRequiredOnesAreNamed() {
        EnvReader env = new EnvReader(Map.of("BLANK", "  ", "PADDED", " x "));
        assertThat(env.text("BLANK", "fallback")).isEqualTo("fallback");
        assertThat(env.text("PADDED")).isEqualTo("x");
        assertThat(env.raw("PADDED")).isEqualTo(" x ");
        env.check();
        env.required("TOKEN", "set it to the token");
        assertThatThrownBy(env::check)
                .hasMessageContaining("TOKEN is missing: set it to the token");
    }
}
