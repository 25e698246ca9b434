package io.spotifyinsight.fetcher.cli;

import io.spotifyinsight.fetcher.StrategyChoice;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters whose messages say what is accepted. */
public final class Converters {
    private Converters() {}

    /**
     * Reads a value with one parse; a value the parse refuses is a conversion error whose message
     * ({@code refused}, given the value and the parse's exception) says what is accepted.
     */
    abstract static class Reading<T> implements ITypeConverter<T> {
        private final Function<String, T> parse;
        private final BiFunction<String, RuntimeException, String> refused;

        Reading(Function<String, T> parse, BiFunction<String, RuntimeException, String> refused) {
            this.parse = parse;
            this.refused = refused;
        }

        @Override
        public final T convert(String value) {
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new TypeConversionException(refused.apply(value, e));
            }
        }
    }

    public static final class Date extends Reading<LocalDate> {
        public Date() {
            super(
                    LocalDate::parse,
                    (value, e) ->
                            "expected a date as YYYY-MM-DD, such as 2025-01-31, got '"
                                    + value
                                    + "'");
        }
    }

    /**
     * A whole number; its range is checked where the value is used, so that the message for an
     * out-of-range number comes from one place, but a non-number gets the range here too.
     */
    abstract static class WholeNumber extends Reading<Integer> {
        WholeNumber(String accepted) {
            super(
                    value -> Integer.valueOf(value.strip()),
                    (value, e) -> "expected a whole number " + accepted + ", got '" + value + "'");
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

    /** {@code auto}, {@code spotify}, {@code search} or {@code blend}: its own message says so. */
    public static final class Strategy extends Reading<StrategyChoice> {
        public Strategy() {
            super(StrategyChoice::parse, (value, e) -> e.getMessage());
        }
    }
}
