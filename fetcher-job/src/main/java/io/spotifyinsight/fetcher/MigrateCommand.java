package io.spotifyinsight.fetcher;

import io.spotifyinsight.fetcher.FetcherEnvironment.Needs;
import io.spotifyinsight.fetcher.cli.HelpText;
import io.spotifyinsight.fetcher.cli.StandardCommand;
import io.spotifyinsight.persistence.Database;
import io.spotifyinsight.persistence.Migrations;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code migrate}: applies pending migrations explicitly (every command also does so at start-up).
 */
@Command(
        name = "migrate",
        description = {
            "Applies the database migrations and prints the schema version.",
            "Safe to run while other processes start: Flyway serialises migrations with a"
                    + " PostgreSQL advisory lock. Needs only the DATABASE_* variables.",
        },
        footerHeading = HelpText.VARIABLES_HEADING,
        footer = {
            "  DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD, DATABASE_CONNECTION_TIMEOUT_SECONDS,"
                    + " LOG_LEVEL"
        })
final class MigrateCommand implements Callable<Integer> {
    @Mixin StandardCommand standard;

    private final FetcherEnvironment env;
    private final Supplier<Database> database;
    private final Supplier<String> migrate;
    private final PrintStream out;

    /**
     * @param database reachable, not migrated; opened on first use
     * @param migrate applies pending migrations and returns the schema version
     */
    MigrateCommand(
            FetcherEnvironment env,
            Supplier<Database> database,
            Supplier<String> migrate,
            PrintStream out) {
        this.env = env;
        this.database = database;
        this.migrate = migrate;
        this.out = out;
    }

    @Override
    public Integer call() {
        env.require(Needs.DATABASE);
        String before = Migrations.currentVersion(database.get().dataSource());
        String after = migrate.get();
        out.println(
                "database schema version "
                        + after
                        + (before.equals(after)
                                ? " (already up to date)"
                                : " (was " + before + ")"));
        return ExitCode.OK;
    }
}
