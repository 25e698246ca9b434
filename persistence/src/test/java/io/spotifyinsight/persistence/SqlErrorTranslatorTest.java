package io.spotifyinsight.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifyinsight.persistence.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlErrorTranslatorTest {
    @RegisterExtension static final TestDatabase db = new TestDatabase();

    /** A migration that adds a constraint adds its words too, or an operator sees raw SQL. */
    @Test
    void everyConstraintOfTheMigratedSchema_hasWordsForOperators() {
        List<String> constraints =
                db.dsl()
                        .fetch(
                                "SELECT c.conname FROM pg_constraint c"
                                        + " JOIN pg_class t ON t.oid = c.conrelid"
                                        + " JOIN pg_namespace n ON n.oid = c.connamespace"
                                        + " WHERE n.nspname = 'public'"
                                        + " AND t.relname <> 'flyway_schema_history'"
                                        // the seed-count triggers raise user_seed_count_ck
                                        + " AND c.contype NOT IN ('n', 't')")
                        .getValues(0, String.class);

        assertThat(constraints).hasSizeGreaterThan(30);
        assertThat(constraints.stream().filter(c -> SqlErrorTranslator.meaningOf(c) == null))
                .as("constraints without a meaning in SqlErrorTranslator")
                .isEmpty();
    }

    @Test
    void anExclusionOfAKindTheSchemaDoesNotKnow_isRejectedInWords() {
        assertThatThrownBy(
                        () ->
                                db.dsl()
                                        .execute(
                                                "INSERT INTO user_exclusion (user_id, kind,"
                                                        + " spotify_id) VALUES (1, 'album',"
                                                        + " '0123456789abcdefABCDEF')"))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessage(
                        "Rejected by the database: an exclusion is an artist or a track"
                                + " (user_exclusion_kind_ck)");
    }
}
