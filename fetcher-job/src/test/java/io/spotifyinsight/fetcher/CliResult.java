package io.spotifyinsight.fetcher;

/** What a command line printed and returned. */
record CliResult(int exitCode, String out, String err) {
    String all() {
        return out + err;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
