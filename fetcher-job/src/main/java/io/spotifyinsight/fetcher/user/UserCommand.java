package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.FetcherEnvironment;
import io.spotifyinsight.fetcher.FetcherEnvironment.Needs;
import io.spotifyinsight.fetcher.cli.FetcherCommand;
import io.spotifyinsight.persistence.user.UserRepository;
import java.io.PrintStream;
import java.util.function.Supplier;

/** A {@code users} subcommand: it works on the user repository and needs only DATABASE_*. */
abstract class UserCommand extends FetcherCommand {
    /**
     * What every {@code users} subcommand uses.
     *
     * @param users opened on first use, after the command has checked the settings it needs
     */
    record Deps(FetcherEnvironment env, Supplier<UserRepository> users, PrintStream out) {}

    /** Opened on first use, after the settings are checked. */
    final Supplier<UserRepository> users;

    UserCommand(Deps deps) {
        super(deps.env(), deps.out(), Needs.DATABASE);
        this.users = deps.users();
    }
}
