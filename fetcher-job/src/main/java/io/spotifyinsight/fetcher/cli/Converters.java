package io.spotifyinsight.fetcher.cli;

import io.spotifyinsight.fetcher.StrategyChoice;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters whose messages say what is accepted. */
public final class Converters {
    private Converters() {
    }

    public static final class Date implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("expected a date as YYYY-MM-DD, such as 2025-01-31, got '" + value + "'");
            }
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
