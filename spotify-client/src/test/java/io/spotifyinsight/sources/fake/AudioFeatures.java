package io.spotifyinsight.sources.fake;

import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogTrack;

/**
 * Pseudo audio features of a catalogue track: mostly a hash of its id, mixed weakly (30 %) with its
 * main artist's first genre, so that nearest neighbours are "numerically close but
 * genre-scattered", as ReccoBeats' are observed to be.
 */
record AudioFeatures(
        double acousticness,
        double danceability,
        double energy,
        double instrumentalness,
        double liveness,
        double speechiness,
        double valence,
        int key,
        double loudness,
        int mode,
        double tempo) {

    static final double GENRE_WEIGHT = 0.3;

    static final String[] UNIT_NAMES = {
        "acousticness",
        "danceability",
        "energy",
        "instrumentalness",
        "liveness",
        "speechiness",
        "valence"
    };

    static AudioFeatures of(CatalogTrack track) {
        String id = track.id();
        String genre = track.artist().genres().get(0);
        double[] u = new double[9];
        for (int i = 0; i < u.length; i++) {
            u[i] =
                    (1 - GENRE_WEIGHT) * SourceData.unit("reccobeats-feature-" + i, id)
                            + GENRE_WEIGHT * SourceData.unit("reccobeats-genre-" + i, genre);
        }
        return new AudioFeatures(
                round(u[0]),
                round(u[1]),
                round(u[2]),
                round(u[3]),
                round(u[4]),
                round(u[5]),
                round(u[6]),
                (int) Math.floor(SourceData.unit("reccobeats-key", id) * 13) - 1,
                round(-30 + 28 * u[7]),
                SourceData.unit("reccobeats-mode", id) < 0.6 ? 1 : 0,
                round(60 + 140 * u[8]));
    }

    /** The point used for nearest neighbours: the 0..1 features, tempo and loudness scaled. */
    double[] vector() {
        return new double[] {
            acousticness,
            danceability,
            energy,
            instrumentalness,
            liveness,
            speechiness,
            valence,
            tempo / 250.0,
            (loudness + 60) / 62.0
        };
    }

    static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
