package io.spotifyinsight.persistence;

import static io.spotifyinsight.persistence.testing.TestTracks.recommended;
import static io.spotifyinsight.persistence.testing.TestTracks.tracks;
import static io.spotifyinsight.persistence.testing.TestTracks.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.spotifyinsight.persistence.recommendation.DayLookup;
import io.spotifyinsight.persistence.recommendation.DayToStore;
import io.spotifyinsight.persistence.recommendation.RecommendationRepository;
import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.persistence.user.UserAlias;
import io.spotifyinsight.persistence.user.UserRepository;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JobLockTest {
    @RegisterExtension static final TestDatabase db = new TestDatabase();
    static final LocalDate DAY = LocalDate.of(2025, 6, 1);

    @Test
    void tryAcquire_whileAnotherHolderHasIt_isEmpty_andSucceedsAfterRelease() {
        Optional<JobLock> first = JobLock.tryAcquire(db.dataSource());
        assertThat(first).isPresent();
        try {
            assertThat(JobLock.tryAcquire(db.dataSource())).isEmpty();
        } finally {
            first.get().close();
        }
        Optional<JobLock> again = JobLock.tryAcquire(db.dataSource());
        assertThat(again).isPresent();
        again.get().close();
    }

    @Test
    void a_day_is_stored_while_the_lock_is_held() {
        UserAlias alice = new UserRepository(db.dsl()).create(user("held"));
        try (JobLock lock = JobLock.tryAcquire(db.dataSource()).orElseThrow()) {
            int stored = new RecommendationRepository(db.dsl()).storeDay(day(alice), lock);
            assertThat(stored).isEqualTo(5);
        }
    }

    @Test
    void once_the_lock_session_is_terminated_nothing_more_is_stored_even_if_another_run_locks() {
        UserAlias bob = new UserRepository(db.dsl()).create(user("lost"));
        RecommendationRepository lists = new RecommendationRepository(db.dsl());
        try (JobLock lock = JobLock.tryAcquire(db.dataSource()).orElseThrow()) {
            Object terminated =
                    db.dsl().fetchValue("SELECT pg_terminate_backend(?)", lock.backendPid());
            assertThat(terminated).isEqualTo(true);
            // a second run takes the lock as soon as the session has ended; the first must not
            // write beside it
            AtomicReference<JobLock> taken = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(10))
                    .until(
                            () -> {
                                JobLock.tryAcquire(db.dataSource()).ifPresent(taken::set);
                                return taken.get() != null;
                            });
            try (JobLock second = taken.get()) {
                assertThatThrownBy(() -> lists.storeDay(day(bob), lock))
                        .isInstanceOf(LockLostException.class)
                        .hasMessageContaining("lock was lost");
                assertThat(lists.findDay("lost", DAY)).isInstanceOf(DayLookup.NoList.class);
                assertThat(lists.storeDay(day(bob), second)).isEqualTo(5);
            }
        }
    }

    private static DayToStore day(UserAlias user) {
        return new DayToStore(
                user.id(),
                DAY,
                Strategy.SEARCH,
                null,
                OffsetDateTime.of(2025, 6, 1, 3, 0, 0, 0, ZoneOffset.UTC),
                recommended(tracks(1, 5)));
    }
}
