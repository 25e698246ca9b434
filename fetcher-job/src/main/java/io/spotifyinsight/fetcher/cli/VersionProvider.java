package io.spotifyinsight.fetcher.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The version from the jar's manifest (Implementation-Version); "development build" outside the
 * jar.
 */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {
            "fetcher-job " + (version == null ? "development build" : version),
            "Java " + System.getProperty("java.version")
        };
    }
}
