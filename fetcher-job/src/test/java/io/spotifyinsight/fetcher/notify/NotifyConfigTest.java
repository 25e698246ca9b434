package io.spotifyinsight.fetcher.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifyinsight.config.ConfigException;
import io.spotifyinsight.fetcher.FetcherEnvironment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifyConfigTest {
    private static NotifyConfig read(Map<String, String> env) {
        return new FetcherEnvironment(env).notifications();
    }

    @Test
    void without_a_url_nothing_is_sent_and_the_defaults_are_failure_and_json() {
        NotifyConfig config = read(Map.of());
        assertThat(config.target()).isEmpty();
        assertThat(config.on()).isEqualTo(NotifyOn.FAILURE);
        assertThat(config.format()).isEqualTo(NotifyFormat.JSON);
    }

    @Test
    void the_variables_are_read_in_any_case_and_never_drops_the_target() {
        NotifyConfig config =
                read(
                        Map.of(
                                "NOTIFY_WEBHOOK_URL",
                                "https://ntfy.example.org/topic-abc",
                                "NOTIFY_ON",
                                "Always",
                                "NOTIFY_FORMAT",
                                "NTFY"));
        assertThat(config.target()).isPresent();
        assertThat(config.on()).isEqualTo(NotifyOn.ALWAYS);
        assertThat(config.format()).isEqualTo(NotifyFormat.NTFY);
        assertThat(
                        read(Map.of(
                                        "NOTIFY_WEBHOOK_URL",
                                        "https://ntfy.example.org/t",
                                        "NOTIFY_ON",
                                        "never"))
                                .target())
                .isEmpty();
    }

    @Test
    void every_bad_variable_is_named_with_what_is_accepted_and_the_url_is_never_repeated() {
        assertThatThrownBy(
                        () ->
                                read(
                                        Map.of(
                                                "NOTIFY_WEBHOOK_URL",
                                                "hooks.slack.com/services/SECRET99",
                                                "NOTIFY_ON",
                                                "sometimes",
                                                "NOTIFY_FORMAT",
                                                "teams")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "NOTIFY_WEBHOOK_URL is not an absolute http:// or https:// URL")
                .hasMessageContaining(
                        "NOTIFY_ON is 'sometimes': expected failure (partial, failed or not started"
                                + " runs; the default), always or never")
                .hasMessageContaining(
                        "NOTIFY_FORMAT is 'teams': expected json (the default: our document),"
                                + " slack, discord or ntfy")
                .message()
                .doesNotContain("SECRET99");
    }

    @Test
    void to_string_keeps_the_token_out() {
        NotifyConfig config =
                read(
                        Map.of(
                                "NOTIFY_WEBHOOK_URL",
                                "https://hooks.slack.com/services/T0/B0/SECRET99"));
        assertThat(config.toString()).contains("hooks.slack.com").doesNotContain("SECRET99");
    }
}
