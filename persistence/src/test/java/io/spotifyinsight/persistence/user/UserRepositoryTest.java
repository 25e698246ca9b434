package io.spotifyinsight.persistence.user;

import static io.spotifyinsight.persistence.testing.TestTracks.id;
import static io.spotifyinsight.persistence.testing.TestTracks.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifyinsight.persistence.ConstraintViolationException;
import io.spotifyinsight.persistence.Transactions;
import io.spotifyinsight.persistence.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UserRepositoryTest {
    @RegisterExtension static final TestDatabase db = new TestDatabase();

    private final UserRepository users = new UserRepository(db.dsl());

    @Test
    void create_thenFind_returnsTheUserWithSeedsInOrder() {
        var settings =
                new UserSettings(
                        "alice",
                        true,
                        "DE",
                        30,
                        new Seeds(
                                List.of(id('r', 1), id('r', 2)),
                                List.of("k-pop"),
                                List.of(id('t', 9))));

        UserAlias created = users.create(settings);

        assertThat(created.id()).isPositive();
        assertThat(users.find("alice"))
                .get()
                .satisfies(
                        found -> {
                            assertThat(found.settings()).isEqualTo(settings);
                            assertThat(found.createdAt()).isNotNull();
                        });
    }

    @Test
    void create_withATakenUsername_failsWithAClearConstraintError() {
        users.create(user("bob"));
        assertThatThrownBy(() -> users.create(user("bob")))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("a user with this username already exists")
                .satisfies(
                        e ->
                                assertThat(((ConstraintViolationException) e).constraint())
                                        .isEqualTo("app_user_username_uk"));
    }

    @Test
    void update_replacesSettingsAndSeeds() {
        users.create(user("carol"));
        var changed =
                new UserSettings(
                        "carol",
                        true,
                        null,
                        5,
                        new Seeds(List.of(), List.of("jazz", "blues"), List.of()));

        users.update("carol", changed);

        assertThat(users.find("carol")).get().extracting(UserAlias::settings).isEqualTo(changed);
    }

    @Test
    void exclusions_areStoredWithTheUser_replacedByUpdate_andClearedByEmptyOnes() {
        var seeds = new Seeds(List.of(id('r', 1)), List.of(), List.of());
        var excluding =
                new UserSettings(
                        "excluder",
                        true,
                        null,
                        20,
                        seeds,
                        new Exclusions(List.of(id('r', 8), id('r', 7)), List.of(id('t', 3))));
        users.create(excluding);
        assertThat(users.find("excluder"))
                .get()
                .satisfies(
                        found -> {
                            assertThat(found.settings().exclusions().artists())
                                    .containsExactly(id('r', 7), id('r', 8));
                            assertThat(found.settings().exclusions().tracks())
                                    .containsExactly(id('t', 3));
                        });

        users.update(
                "excluder", new UserSettings("excluder", true, null, 20, seeds, Exclusions.NONE));

        assertThat(users.find("excluder"))
                .get()
                .extracting(u -> u.settings().exclusions())
                .isEqualTo(Exclusions.NONE);
        assertThat(db.dsl().fetchCount(db.dsl().selectFrom("user_exclusion"))).isZero();
    }

    @Test
    void anExclusion_mustBeASpotifyId() {
        assertThatThrownBy(() -> new Exclusions(List.of("spotify:artist:x"), List.of()))
                .hasMessageContaining("invalid excluded artist 'spotify:artist:x'")
                .hasMessageContaining("22-character Spotify id");
    }

    @Test
    void update_ofAnUnknownUser_throwsUserNotFound() {
        assertThatThrownBy(() -> users.update("nobody", user("nobody")))
                .isInstanceOf(UserNotFoundException.class)
                .hasMessageContaining("no user named 'nobody'");
    }

    @Test
    void setActive_false_removesTheUserFromTheActiveList() {
        users.create(user("dave"));
        users.setActive("dave", false);
        assertThat(users.listActive())
                .extracting(u -> u.settings().username())
                .doesNotContain("dave");
        assertThat(users.list()).extracting(u -> u.settings().username()).contains("dave");
    }

    @Test
    void delete_removesTheUser_andUnknownNamesAreReported() {
        users.create(user("erin"));
        users.delete("erin");
        assertThat(users.find("erin")).isEmpty();
        assertThatThrownBy(() -> users.delete("erin")).isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void database_rejectsASixthSeed_evenWhenTheApplicationCheckIsBypassed() {
        UserAlias frank = users.create(user("frank"));
        assertThatThrownBy(
                        () ->
                                Transactions.run(
                                        db.dsl(),
                                        tx -> {
                                            for (int i = 0; i < 3; i++) {
                                                tx.execute(
                                                        "INSERT INTO user_seed (user_id,"
                                                                + " kind, seed_value, position)"
                                                                + " VALUES (?, 'genre', ?, ?)",
                                                        frank.id(),
                                                        "genre" + i,
                                                        Math.min(3 + i, 4));
                                            }
                                        }))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("a user has 1 to 5 seeds in total");
        assertThat(users.find("frank").orElseThrow().settings().seeds().total()).isEqualTo(3);
    }

    @Test
    void database_rejectsMalformedValues_withMessagesNamingTheRule() {
        assertThatThrownBy(
                        () ->
                                db.dsl()
                                        .execute(
                                                "INSERT INTO app_user (username, market,"
                                                        + " track_limit) VALUES ('Bad Name', 'US',"
                                                        + " 20)"))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("username must be 1 to 64 characters");
        assertThatThrownBy(
                        () ->
                                db.dsl()
                                        .execute(
                                                "INSERT INTO app_user (username, market,"
                                                        + " track_limit) VALUES ('ok', 'US', 500)"))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("the number of tracks must be 1 to 100");
    }

    @Test
    void settings_rejectBadInputBeforeAnySql() {
        assertThatThrownBy(() -> new UserSettings("Alice!", true, null, 20, user("x").seeds()))
                .hasMessageContaining("invalid username 'Alice!'");
        assertThatThrownBy(() -> new Seeds(List.of(), List.of(), List.of()))
                .hasMessageContaining("1 to 5 seeds in total");
        assertThatThrownBy(() -> new Seeds(List.of("not-an-id"), List.of(), List.of()))
                .hasMessageContaining(
                        "invalid artist seed 'not-an-id': expected a 22-character Spotify id");
        assertThatThrownBy(() -> new UserSettings("x", true, "usa", 20, user("x").seeds()))
                .hasMessageContaining("ISO 3166-1 alpha-2");
        assertThatThrownBy(() -> new UserSettings("x", true, "XX", 20, user("x").seeds()))
                .hasMessageContaining("invalid market 'XX'");
        assertThat(new UserSettings("x", true, "XK", 20, user("x").seeds()).market())
                .isEqualTo("XK");
        assertThatThrownBy(() -> new UserSettings("x", true, null, 0, user("x").seeds()))
                .hasMessageContaining("must be 1 to 100");
    }
}
