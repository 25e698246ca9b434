package io.spotifyinsight.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifyinsight.persistence.testing.TestDatabase;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JobLockTest {
    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

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
}
