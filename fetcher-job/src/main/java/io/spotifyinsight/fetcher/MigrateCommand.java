package io.spotifyinsight.fetcher;

import io.spotifyinsight.fetcher.FetcherEnvironment.Needs;
import io.spotifyinsight.fetcher.cli.FetcherCommand;
import io.spotifyinsight.fetcher.cli.HelpText;
import io.spotifyinsight.persistence.Database;
import io.spotifyinsight.persistence.Migrations;
import java.io.PrintStream;
import java.util.function.Supplier;
import picocli.CommandLine.Command;

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
final class MigrateCommand extends FetcherCommand {
    private final Supplier<Database> database;
    private final Supplier<String> migrate;

    /**
     * @param database reachable, not migrated; opened on first use
     * @param migrate applies pending migrations and returns the schema version
     */
    MigrateCommand(
            FetcherEnvironment env,
            Supplier<Database> database,
            Supplier<String> migrate,
            PrintStream out) {
        super(env, out, Needs.DATABASE);
        this.database = database;
        this.migrate = migrate;
    }

    @Override
    protected int execute() {
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
