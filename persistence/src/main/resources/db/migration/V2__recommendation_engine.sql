-- Spotify Insight schema, version 2: the recommendation engine.
-- Every track says where it came from and why; a day says which sources it lacked; a run counts its
-- requests per service; aliases can exclude artists and tracks; and what the engine learnt about seed
-- artists and seed tracks (names, genres and where they came from, misses too) is kept for reuse, so
-- that an alias's seeds cost no lookups from its second night on.

-- Where a recommended track came from (spotify, search, reccobeats, lastfm) and a sentence saying why
-- it is on the list. Rows stored before version 2 get their strategy as source and a generic reason.
ALTER TABLE recommendation ADD COLUMN source varchar NOT NULL DEFAULT 'search';
ALTER TABLE recommendation ADD COLUMN reason varchar NOT NULL DEFAULT '';
-- The third-party sources the day's list had to do without, comma-separated ('' = none lacked).
ALTER TABLE recommendation ADD COLUMN missing_sources varchar NOT NULL DEFAULT '';

-- Tracks that third-party sources name by Spotify id come without album and explicit flag
-- (ReccoBeats gives neither, and Spotify's several-tracks lookup is gone for development-mode apps):
-- they are stored with what is known, and filled in when Spotify's data for them arrives.
ALTER TABLE track ALTER COLUMN album_id DROP NOT NULL;
ALTER TABLE track ALTER COLUMN explicit DROP NOT NULL;

-- Requests per service and the sources that were unavailable during the run (comma-separated).
ALTER TABLE fetch_run ADD COLUMN spotify_requests integer NOT NULL DEFAULT 0;
ALTER TABLE fetch_run ADD COLUMN reccobeats_requests integer NOT NULL DEFAULT 0;
ALTER TABLE fetch_run ADD COLUMN lastfm_requests integer NOT NULL DEFAULT 0;
ALTER TABLE fetch_run ADD COLUMN musicbrainz_requests integer NOT NULL DEFAULT 0;
ALTER TABLE fetch_run ADD COLUMN unavailable_sources varchar NOT NULL DEFAULT '';

-- Artists and tracks an alias never wants recommended (tracks by an excluded artist included).
CREATE TABLE user_exclusion (
    user_id    bigint  NOT NULL,
    kind       varchar NOT NULL,
    spotify_id varchar NOT NULL,
    CONSTRAINT user_exclusion_pk PRIMARY KEY (user_id, kind, spotify_id),
    CONSTRAINT user_exclusion_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);

-- What the engine knows about a seed artist: its name, its genres (best first) and where they came
-- from (spotify, lastfm, musicbrainz; null = no source knew any: a miss, kept as well so it is not
-- asked again every night), and when that was learnt. Reused for 30 days.
CREATE TABLE seed_artist (
    artist_id      varchar     NOT NULL,
    name           varchar     NOT NULL,
    genre_source   varchar,
    musicbrainz_id varchar,
    learnt_at      timestamptz NOT NULL,
    CONSTRAINT seed_artist_pk PRIMARY KEY (artist_id)
);

CREATE TABLE seed_artist_genre (
    artist_id varchar  NOT NULL,
    position  smallint NOT NULL,
    genre     varchar  NOT NULL,
    CONSTRAINT seed_artist_genre_pk PRIMARY KEY (artist_id, position),
    CONSTRAINT seed_artist_genre_artist_fk FOREIGN KEY (artist_id) REFERENCES seed_artist (artist_id)
        ON DELETE CASCADE
);

-- What the engine knows about a seed track: its name, artists (ids and names, in Spotify's order),
-- its album's release date and its ISRC, and when that was learnt. Reused for 30 days.
CREATE TABLE seed_track (
    track_id     varchar     NOT NULL,
    name         varchar     NOT NULL,
    release_date varchar,
    isrc         varchar,
    learnt_at    timestamptz NOT NULL,
    CONSTRAINT seed_track_pk PRIMARY KEY (track_id)
);

CREATE TABLE seed_track_artist (
    track_id  varchar  NOT NULL,
    position  smallint NOT NULL,
    artist_id varchar  NOT NULL,
    name      varchar  NOT NULL,
    CONSTRAINT seed_track_artist_pk PRIMARY KEY (track_id, position),
    CONSTRAINT seed_track_artist_track_fk FOREIGN KEY (track_id) REFERENCES seed_track (track_id)
        ON DELETE CASCADE
);

-- [jooq ignore start]
UPDATE recommendation SET source = strategy,
    reason = CASE strategy WHEN 'spotify' THEN 'Spotify''s recommendation for your seeds'
                           ELSE 'Spotify search for your seeds' END;
ALTER TABLE recommendation ALTER COLUMN source DROP DEFAULT, ALTER COLUMN reason DROP DEFAULT;

ALTER TABLE recommendation
    DROP CONSTRAINT recommendation_strategy_ck,
    ADD CONSTRAINT recommendation_strategy_ck CHECK (strategy IN ('spotify', 'search', 'blend')),
    ADD CONSTRAINT recommendation_source_ck CHECK (source IN ('spotify', 'search', 'reccobeats', 'lastfm')),
    ADD CONSTRAINT recommendation_missing_sources_ck CHECK (missing_sources ~ '^([a-z]+(,[a-z]+)*)?$');

ALTER TABLE fetch_run
    DROP CONSTRAINT fetch_run_strategy_ck,
    ADD CONSTRAINT fetch_run_strategy_ck CHECK (strategy IN ('auto', 'spotify', 'search', 'blend')),
    ADD CONSTRAINT fetch_run_requests_ck CHECK (spotify_requests >= 0 AND reccobeats_requests >= 0
        AND lastfm_requests >= 0 AND musicbrainz_requests >= 0);

ALTER TABLE user_exclusion
    ADD CONSTRAINT user_exclusion_kind_ck CHECK (kind IN ('artist', 'track')),
    ADD CONSTRAINT user_exclusion_id_ck CHECK (spotify_id ~ '^[0-9A-Za-z]{22}$');

ALTER TABLE seed_artist ADD CONSTRAINT seed_artist_genre_source_ck
    CHECK (genre_source IN ('spotify', 'lastfm', 'musicbrainz'));
-- [jooq ignore stop]
