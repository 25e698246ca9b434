package io.spotifyinsight.spotify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    @Test
    void secondsAreReadAndHugeValuesAreCappedInsteadOfOverflowing() {
        assertThat(RetryAfter.parse("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse(" 86400 ")).isEqualTo(Duration.ofDays(1));
        assertThat(RetryAfter.parse("99999999999")).isEqualTo(RetryAfter.MAX);
        assertThat(RetryAfter.parse("99999999999999999999999999")).isEqualTo(RetryAfter.MAX);
        assertThat(RetryAfter.MAX.toNanos()).isPositive(); // convertible without overflow
    }

    @Test
    void absentZeroNegativeOrGarbageMeansNoWait() {
        assertThat(RetryAfter.parse(null)).isZero();
        assertThat(RetryAfter.parse("")).isZero();
        assertThat(RetryAfter.parse("0")).isZero();
        assertThat(RetryAfter.parse("-5")).isZero();
        assertThat(RetryAfter.parse("soon")).isZero();
        assertThat(RetryAfter.parse("1.5")).isZero();
    }

    @Test
    void httpDatesAreReadAsTheTimeUntilThen_cappedAndNeverNegative() {
        DateTimeFormatter http = DateTimeFormatter.RFC_1123_DATE_TIME;
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);

        assertThat(RetryAfter.parse(http.format(now.plusSeconds(120))))
                .isBetween(Duration.ofSeconds(118), Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(http.format(now.minusHours(1)))).isZero();
        assertThat(RetryAfter.parse(http.format(now.plusYears(50)))).isEqualTo(RetryAfter.MAX);
    }
}
