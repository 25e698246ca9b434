package io.spotifyinsight.persistence;

/** Argument checks the records share, each message written once. */
public final class Checks {
    private Checks() {}

    /** Throws "{what} must be {min} to {max}, got {value}" unless {@code value} is in range. */
    public static void range(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    what + " must be " + min + " to " + max + ", got " + value);
        }
    }
}
