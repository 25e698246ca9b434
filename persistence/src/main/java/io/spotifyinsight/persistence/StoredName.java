package io.spotifyinsight.persistence;

import java.util.Locale;

/**
 * An enum stored (and shown by the API) as its constant's name in lower case: {@code BLEND} is
 * {@code "blend"}. The check constraints of the migrations list the same names.
 */
public interface StoredName {
    /** The constant's name, as every enum has it. */
    String name();

    default String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} stored as {@code value}; IllegalArgumentException for none. */
    static <E extends Enum<E> & StoredName> E fromDb(Class<E> type, String value) {
        return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    }
}
