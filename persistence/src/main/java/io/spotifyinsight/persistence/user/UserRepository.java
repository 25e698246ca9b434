package io.spotifyinsight.persistence.user;

import static io.spotifyinsight.persistence.jooq.Tables.APP_USER;
import static io.spotifyinsight.persistence.jooq.Tables.USER_EXCLUSION;
import static io.spotifyinsight.persistence.jooq.Tables.USER_SEED;

import io.spotifyinsight.persistence.Transactions;
import io.spotifyinsight.persistence.jooq.tables.records.AppUserRecord;
import io.spotifyinsight.persistence.jooq.tables.records.UserExclusionRecord;
import io.spotifyinsight.persistence.jooq.tables.records.UserSeedRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * User aliases and their seeds. Every write runs in one transaction; seeds are replaced as a whole.
 */
public final class UserRepository {
    private final DSLContext dsl;

    public UserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Creates a user; a taken username surfaces as a ConstraintViolationException on
     * app_user_username_uk.
     */
    public UserAlias create(UserSettings settings) {
        return Transactions.result(dsl, db -> withLists(db, insertRow(db, settings), settings));
    }

    /** Replaces every setting of an existing user, seeds included, in one transaction. */
    public UserAlias update(String username, UserSettings settings) {
        return Transactions.result(
                dsl,
                db -> {
                    Long id =
                            db.update(APP_USER)
                                    .set(columns(settings))
                                    .set(APP_USER.UPDATED_AT, DSL.currentOffsetDateTime())
                                    .where(APP_USER.USERNAME.eq(username))
                                    .returning(APP_USER.ID)
                                    .fetchOptional(APP_USER.ID)
                                    .orElseThrow(() -> new UserNotFoundException(username));
                    db.deleteFrom(USER_SEED).where(USER_SEED.USER_ID.eq(id)).execute();
                    db.deleteFrom(USER_EXCLUSION).where(USER_EXCLUSION.USER_ID.eq(id)).execute();
                    return withLists(db, id, settings);
                });
    }

    /**
     * Enables or disables a user; disabled users keep their history but are skipped by nightly
     * runs.
     */
    public UserAlias setActive(String username, boolean active) {
        int changed =
                dsl.update(APP_USER)
                        .set(APP_USER.ACTIVE, active)
                        .set(APP_USER.UPDATED_AT, DSL.currentOffsetDateTime())
                        .where(APP_USER.USERNAME.eq(username))
                        .execute();
        if (changed == 0) {
            throw new UserNotFoundException(username);
        }
        return find(username).orElseThrow(() -> new UserNotFoundException(username));
    }

    /** Deletes a user with its seeds and stored recommendations. */
    public void delete(String username) {
        int deleted = dsl.deleteFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).execute();
        if (deleted == 0) {
            throw new UserNotFoundException(username);
        }
    }

    public Optional<UserAlias> find(String username) {
        return loadWhere(dsl, APP_USER.USERNAME.eq(username)).stream().findFirst();
    }

    /** All users, by username. */
    public List<UserAlias> list() {
        return loadWhere(dsl, DSL.noCondition());
    }

    public List<UserAlias> listActive() {
        return loadWhere(dsl, APP_USER.ACTIVE.isTrue());
    }

    /** The named users that exist, by username; callers compare sizes to find unknown names. */
    public List<UserAlias> findAll(Collection<String> usernames) {
        return loadWhere(dsl, APP_USER.USERNAME.in(usernames));
    }

    /** Inserts the user's own row; returns its id. */
    private static long insertRow(DSLContext db, UserSettings settings) {
        return db.insertInto(APP_USER)
                .set(columns(settings))
                .returning(APP_USER.ID)
                .fetchOne(APP_USER.ID);
    }

    /** The user's own row as {@code settings} has it: what a create and an update both write. */
    private static AppUserRecord columns(UserSettings settings) {
        AppUserRecord row = new AppUserRecord();
        row.setUsername(settings.username());
        row.setActive(settings.active());
        row.setMarket(settings.market());
        row.setTrackLimit(settings.trackLimit());
        return row;
    }

    /** Stores the seeds and exclusions of user {@code id}, who has none yet; returns the user. */
    private static UserAlias withLists(DSLContext db, long id, UserSettings settings) {
        insertSeeds(db, id, settings.seeds());
        insertExclusions(db, id, settings.exclusions());
        return loadWhere(db, APP_USER.ID.eq(id)).get(0);
    }

    private static void insertSeeds(DSLContext db, long userId, Seeds seeds) {
        var insert =
                db.insertInto(
                        USER_SEED,
                        USER_SEED.USER_ID,
                        USER_SEED.KIND,
                        USER_SEED.SEED_VALUE,
                        USER_SEED.POSITION);
        short position = 0;
        for (String artist : seeds.artists()) {
            insert = insert.values(userId, SeedKind.ARTIST.dbValue(), artist, position++);
        }
        for (String genre : seeds.genres()) {
            insert = insert.values(userId, SeedKind.GENRE.dbValue(), genre, position++);
        }
        for (String track : seeds.tracks()) {
            insert = insert.values(userId, SeedKind.TRACK.dbValue(), track, position++);
        }
        insert.execute();
    }

    private static void insertExclusions(DSLContext db, long userId, Exclusions exclusions) {
        if (exclusions.isEmpty()) {
            return;
        }
        var insert =
                db.insertInto(
                        USER_EXCLUSION,
                        USER_EXCLUSION.USER_ID,
                        USER_EXCLUSION.KIND,
                        USER_EXCLUSION.SPOTIFY_ID);
        for (String artist : exclusions.artists()) {
            insert = insert.values(userId, SeedKind.ARTIST.dbValue(), artist);
        }
        for (String track : exclusions.tracks()) {
            insert = insert.values(userId, SeedKind.TRACK.dbValue(), track);
        }
        insert.execute();
    }

    /**
     * Three queries whatever the number of users: the users, all of their seeds, all exclusions.
     */
    private static List<UserAlias> loadWhere(DSLContext db, Condition condition) {
        List<AppUserRecord> users =
                db.selectFrom(APP_USER).where(condition).orderBy(APP_USER.USERNAME).fetch();
        if (users.isEmpty()) {
            return List.of();
        }
        Map<Long, List<UserSeedRecord>> seedsByUser =
                db
                        .selectFrom(USER_SEED)
                        .where(
                                USER_SEED.USER_ID.in(
                                        users.stream().map(AppUserRecord::getId).toList()))
                        .orderBy(USER_SEED.USER_ID, USER_SEED.POSITION)
                        .fetch()
                        .stream()
                        .collect(Collectors.groupingBy(UserSeedRecord::getUserId));
        Map<Long, List<UserExclusionRecord>> exclusionsByUser =
                db
                        .selectFrom(USER_EXCLUSION)
                        .where(
                                USER_EXCLUSION.USER_ID.in(
                                        users.stream().map(AppUserRecord::getId).toList()))
                        .fetch()
                        .stream()
                        .collect(Collectors.groupingBy(UserExclusionRecord::getUserId));
        List<UserAlias> result = new ArrayList<>(users.size());
        for (AppUserRecord user : users) {
            List<UserSeedRecord> seeds = seedsByUser.getOrDefault(user.getId(), List.of());
            List<UserExclusionRecord> excluded =
                    exclusionsByUser.getOrDefault(user.getId(), List.of());
            result.add(
                    new UserAlias(
                            user.getId(),
                            new UserSettings(
                                    user.getUsername(),
                                    user.getActive(),
                                    user.getMarket(),
                                    user.getTrackLimit(),
                                    new Seeds(
                                            valuesOf(seeds, SeedKind.ARTIST),
                                            valuesOf(seeds, SeedKind.GENRE),
                                            valuesOf(seeds, SeedKind.TRACK)),
                                    new Exclusions(
                                            excludedOf(excluded, SeedKind.ARTIST),
                                            excludedOf(excluded, SeedKind.TRACK))),
                            user.getCreatedAt(),
                            user.getUpdatedAt()));
        }
        return result;
    }

    private static List<String> excludedOf(List<UserExclusionRecord> exclusions, SeedKind kind) {
        return exclusions.stream()
                .filter(e -> e.getKind().equals(kind.dbValue()))
                .map(UserExclusionRecord::getSpotifyId)
                .toList();
    }

    private static List<String> valuesOf(List<UserSeedRecord> seeds, SeedKind kind) {
        return seeds.stream()
                .filter(s -> s.getKind().equals(kind.dbValue()))
                .map(UserSeedRecord::getSeedValue)
                .toList();
    }
}
