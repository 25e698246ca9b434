package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.FetcherEnvironment;
import io.spotifyinsight.fetcher.FetcherEnvironment.Needs;
import io.spotifyinsight.fetcher.cli.FetcherCommand;
import io.spotifyinsight.persistence.user.UserRepository;
import java.io.PrintStream;
import java.util.function.Supplier;

/** A {@code users} subcommand: it works on the user repository and needs only DATABASE_*. */
abstract class UserCommand extends FetcherCommand {
    /** Opened on first use, after the settings are checked. */
    final Supplier<UserRepository> users;

    UserCommand(FetcherEnvironment env, Supplier<UserRepository> users, PrintStream out) {
        super(env, out, Needs.DATABASE);
        this.users = users;
    }
}
