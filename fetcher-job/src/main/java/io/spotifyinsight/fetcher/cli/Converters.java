package io.spotifyinsight.fetcher.cli;

import io.spotifyinsight.fetcher.StrategyChoice;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters whose messages say what is accepted. */
public final class Converters {
    private Converters() {}

    public static final class Date implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException(
                        "expected a date as YYYY-MM-DD, such as 2025-01-31, got '" + value + "'");
            }
        }
    }

    /**
     * A whole number; its range is checked where the value is used, so that the message for an
     * out-of-range number comes from one place, but a non-number gets the range here too.
     */
    abstract static class WholeNumber implements ITypeConverter<Integer> {
        private final String accepted;

        WholeNumber(String accepted) {
            this.accepted = accepted;
        }

        @Override
        public Integer convert(String value) {
            try {
                return Integer.valueOf(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException(
                        "expected a whole number " + accepted + ", got '" + value + "'");
            }
        }
    }

    /** Tracks per day. */
    public static final class TrackLimit extends WholeNumber {
        public TrackLimit() {
            super("from 1 to 100");
        }
    }

    /** Rows of the run history. */
    public static final class RunLimit extends WholeNumber {
        public RunLimit() {
            super("from 1 to 1000");
        }
    }

    public static final class Strategy implements ITypeConverter<StrategyChoice> {
        @Override
        public StrategyChoice convert(String value) {
            try {
                return StrategyChoice.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
