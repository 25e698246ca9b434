-- Spotify Insight schema, version 1.
-- Flyway applies this file; jOOQ's DDLDatabase replays it (in H2) to generate the Java classes.
-- PostgreSQL-only statements sit between "[jooq ignore start/stop]" markers: Flyway runs them,
-- the code generator skips them. Every key is named so generated names match PostgreSQL's.
-- No column anywhere holds a secret: credentials live in the environment only.

-- A user alias: whose recommendations we fetch, with which market and how many tracks.
CREATE TABLE app_user (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    username    varchar     NOT NULL,
    active      boolean     NOT NULL DEFAULT true,
    market      varchar(2),
    track_limit integer     NOT NULL DEFAULT 20,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT app_user_pk PRIMARY KEY (id),
    CONSTRAINT app_user_username_uk UNIQUE (username)
);

-- The seeds of a user: Spotify artist ids, genre names and track ids (1 to 5 in total).
CREATE TABLE user_seed (
    user_id    bigint   NOT NULL,
    kind       varchar  NOT NULL,
    seed_value varchar  NOT NULL,
    position   smallint NOT NULL,
    CONSTRAINT user_seed_pk PRIMARY KEY (user_id, kind, seed_value),
    CONSTRAINT user_seed_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);

-- Spotify's catalogue as far as we have seen it: one row per Spotify id, updated when Spotify's data changes.
CREATE TABLE artist (
    id         varchar     NOT NULL,
    name       varchar     NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT artist_pk PRIMARY KEY (id)
);

CREATE TABLE album (
    id                     varchar     NOT NULL,
    name                   varchar     NOT NULL,
    -- Spotify gives "1981", "1981-12" or "1981-12-15" depending on release_date_precision.
    release_date           varchar,
    image_url              varchar,
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT album_pk PRIMARY KEY (id)
);

CREATE TABLE track (
    id          varchar     NOT NULL,
    name        varchar     NOT NULL,
    album_id    varchar     NOT NULL,
    duration_ms integer     NOT NULL,
    explicit    boolean     NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT track_pk PRIMARY KEY (id),
    CONSTRAINT track_album_fk FOREIGN KEY (album_id) REFERENCES album (id)
);

CREATE TABLE track_artist (
    track_id  varchar  NOT NULL,
    position  smallint NOT NULL,
    artist_id varchar  NOT NULL,
    CONSTRAINT track_artist_pk PRIMARY KEY (track_id, position),
    CONSTRAINT track_artist_track_fk FOREIGN KEY (track_id) REFERENCES track (id) ON DELETE CASCADE,
    CONSTRAINT track_artist_artist_fk FOREIGN KEY (artist_id) REFERENCES artist (id)
);

-- One row per execution of the fetcher (dry runs are not recorded).
CREATE TABLE fetch_run (
    id               bigint GENERATED ALWAYS AS IDENTITY,
    logical_date     date        NOT NULL,
    strategy         varchar     NOT NULL,
    status           varchar     NOT NULL,
    started_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    users_total      integer     NOT NULL DEFAULT 0,
    users_succeeded  integer     NOT NULL DEFAULT 0,
    users_failed     integer     NOT NULL DEFAULT 0,
    tracks_stored    integer     NOT NULL DEFAULT 0,
    error_summary    varchar,
    CONSTRAINT fetch_run_pk PRIMARY KEY (id)
);

-- One row per recommended track per user per date. The primary key (user, date, position) is also
-- the index of the read path: one user's list for one date, in position order.
CREATE TABLE recommendation (
    user_id    bigint      NOT NULL,
    list_date  date        NOT NULL,
    position   smallint    NOT NULL,
    track_id   varchar     NOT NULL,
    strategy   varchar     NOT NULL,
    run_id     bigint,
    fetched_at timestamptz NOT NULL,
    CONSTRAINT recommendation_pk PRIMARY KEY (user_id, list_date, position),
    CONSTRAINT recommendation_track_uk UNIQUE (user_id, list_date, track_id),
    CONSTRAINT recommendation_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT recommendation_track_fk FOREIGN KEY (track_id) REFERENCES track (id),
    CONSTRAINT recommendation_run_fk FOREIGN KEY (run_id) REFERENCES fetch_run (id) ON DELETE SET NULL
);

CREATE INDEX recommendation_track_idx ON recommendation (track_id);
CREATE INDEX track_artist_artist_idx ON track_artist (artist_id);
CREATE INDEX fetch_run_started_idx ON fetch_run (started_at);

-- [jooq ignore start]
-- Formats and ranges, checked by the database as the last line of defence behind the application's
-- own validation (which gives the friendlier messages).
ALTER TABLE app_user
    ADD CONSTRAINT app_user_username_format_ck CHECK (username ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    ADD CONSTRAINT app_user_market_ck CHECK (market ~ '^[A-Z]{2}$'),
    ADD CONSTRAINT app_user_track_limit_ck CHECK (track_limit BETWEEN 1 AND 100);

ALTER TABLE user_seed
    ADD CONSTRAINT user_seed_kind_ck CHECK (kind IN ('artist', 'genre', 'track')),
    ADD CONSTRAINT user_seed_value_ck CHECK (
        (kind IN ('artist', 'track') AND seed_value ~ '^[0-9A-Za-z]{22}$')
        OR (kind = 'genre' AND seed_value ~ '^[a-z0-9][a-z0-9 &''-]{0,49}$')),
    ADD CONSTRAINT user_seed_position_ck CHECK (position BETWEEN 0 AND 4);

ALTER TABLE artist ADD CONSTRAINT artist_id_ck CHECK (id ~ '^[0-9A-Za-z]{22}$');
ALTER TABLE album ADD CONSTRAINT album_id_ck CHECK (id ~ '^[0-9A-Za-z]{22}$');
ALTER TABLE track
    ADD CONSTRAINT track_id_ck CHECK (id ~ '^[0-9A-Za-z]{22}$'),
    ADD CONSTRAINT track_duration_ck CHECK (duration_ms >= 0);
ALTER TABLE track_artist ADD CONSTRAINT track_artist_position_ck CHECK (position >= 0);

ALTER TABLE fetch_run
    ADD CONSTRAINT fetch_run_strategy_ck CHECK (strategy IN ('auto', 'spotify', 'search')),
    ADD CONSTRAINT fetch_run_status_ck CHECK (status IN ('running', 'succeeded', 'partial', 'failed')),
    ADD CONSTRAINT fetch_run_counts_ck CHECK (
        users_total >= 0 AND users_succeeded >= 0 AND users_failed >= 0 AND tracks_stored >= 0
        AND users_succeeded + users_failed <= users_total);

ALTER TABLE recommendation
    ADD CONSTRAINT recommendation_position_ck CHECK (position BETWEEN 0 AND 99),
    ADD CONSTRAINT recommendation_strategy_ck CHECK (strategy IN ('spotify', 'search'));

-- A user has 1 to 5 seeds in total. Checked at commit (deferred), so that a transaction may replace
-- the seeds of a user in several statements.
CREATE FUNCTION check_user_seed_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    uid bigint;
    n integer;
BEGIN
    IF TG_TABLE_NAME = 'app_user' THEN
        uid := NEW.id;
    ELSIF TG_OP = 'DELETE' THEN
        uid := OLD.user_id;
    ELSE
        uid := NEW.user_id;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM app_user WHERE id = uid) THEN
        RETURN NULL; -- the user itself was deleted
    END IF;
    SELECT count(*) INTO n FROM user_seed WHERE user_id = uid;
    IF n < 1 OR n > 5 THEN
        RAISE EXCEPTION 'user % must have 1 to 5 seeds in total, has %', uid, n
            USING ERRCODE = 'check_violation', CONSTRAINT = 'user_seed_count_ck';
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER user_seed_count_on_seed
    AFTER INSERT OR UPDATE OR DELETE ON user_seed
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION check_user_seed_count();

CREATE CONSTRAINT TRIGGER user_seed_count_on_user
    AFTER INSERT ON app_user
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION check_user_seed_count();
-- [jooq ignore stop]
