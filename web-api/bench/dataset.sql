-- Benchmark dataset: 1,000 users x 30 dates x 20 tracks (600,000 recommendation rows) over a catalogue
-- of 20,000 tracks, 5,000 albums and 2,000 artists. Run on a database that the web-api jar has migrated.
-- Usernames are bench_user_1 .. bench_user_1000; dates are the 30 days before :'first_date' + 29.
-- psql -v first_date=2026-01-01 -f dataset.sql
\set ON_ERROR_STOP on
BEGIN;
TRUNCATE recommendation, track_artist, track, album, artist, user_seed, app_user RESTART IDENTITY CASCADE;

INSERT INTO artist (id, name)
SELECT substr(md5('artist' || i), 1, 22), 'Artist ' || i FROM generate_series(1, 2000) AS i;

INSERT INTO album (id, name, release_date, image_url)
SELECT substr(md5('album' || i), 1, 22), 'Album ' || i, (2000 + i % 25)::text || '-0' || (1 + i % 9) || '-15',
       'https://i.scdn.co/image/ab67616d0000b273' || md5('cover' || i)
FROM generate_series(1, 5000) AS i;

INSERT INTO track (id, name, album_id, duration_ms, explicit)
SELECT substr(md5('track' || i), 1, 22), 'Track ' || i || ' – ünïcode ☕', substr(md5('album' || (1 + i % 5000)), 1, 22),
       120000 + (i * 7919) % 180000, i % 5 = 0
FROM generate_series(0, 19999) AS i;

INSERT INTO track_artist (track_id, position, artist_id)
SELECT substr(md5('track' || i), 1, 22), 0, substr(md5('artist' || (1 + i % 2000)), 1, 22) FROM generate_series(0, 19999) AS i
UNION ALL
SELECT substr(md5('track' || i), 1, 22), 1, substr(md5('artist' || (1 + (i * 13) % 2000)), 1, 22)
FROM generate_series(0, 19999) AS i WHERE i % 3 = 0 AND (i * 13) % 2000 <> i % 2000;

-- users and their seeds in one transaction: the 1-to-5 seeds rule is checked at commit
INSERT INTO app_user (username, market, track_limit)
SELECT 'bench_user_' || u, 'US', 20 FROM generate_series(1, 1000) AS u;
INSERT INTO user_seed (user_id, kind, seed_value, position)
SELECT id, 'genre', 'hip-hop', 0 FROM app_user;

-- 20 distinct tracks per (user, date): offsets pos * 1000 are distinct modulo 20,000
INSERT INTO recommendation (user_id, list_date, position, track_id, strategy, run_id, fetched_at, source, reason)
SELECT u.id, d.list_date, p.pos,
       substr(md5('track' || ((u.id * 37 + d.n * 101 + p.pos * 1000) % 20000)), 1, 22),
       'blend', NULL, d.list_date + time '03:00' AT TIME ZONE 'UTC',
       CASE WHEN p.pos % 3 = 0 THEN 'reccobeats' ELSE 'search' END,
       CASE WHEN p.pos % 3 = 0 THEN 'similar to your seed track ''Regulate'' (ReccoBeats)'
            ELSE 'your seed genre ''hip hop''' END
FROM app_user AS u
CROSS JOIN (SELECT n, (:'first_date'::date + n) AS list_date FROM generate_series(0, 29) AS n) AS d
CROSS JOIN generate_series(0, 19) AS p(pos);
COMMIT;
ANALYZE;
