package io.spotifyinsight.spotify.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The check every client test makes of a failure: its type, HTTP status and retryability. */
public final class ServiceErrors {
    private ServiceErrors() {}

    /**
     * Asserts that {@code call} throws a {@code type} with this status (0: no response) and
     * retryability; checks of the message chain on the answer.
     */
    public static <T extends ServiceException>
            AbstractThrowableAssert<?, ? extends Throwable> assertFails(
                    ThrowingCallable call, Class<T> type, int status, boolean retryable) {
        return assertFails(call, type, status, retryable, e -> {});
    }

    /** As {@link #assertFails(ThrowingCallable, Class, int, boolean)}, then checks {@code more}. */
    public static <T extends ServiceException>
            AbstractThrowableAssert<?, ? extends Throwable> assertFails(
                    ThrowingCallable call,
                    Class<T> type,
                    int status,
                    boolean retryable,
                    Consumer<T> more) {
        return assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        type,
                        e -> {
                            assertThat(e.status()).as("status").isEqualTo(status);
                            assertThat(e.retryable()).as("retryable").isEqualTo(retryable);
                            more.accept(e);
                        });
    }
}
