package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.ExitCode;
import io.spotifyinsight.fetcher.FetcherEnvironment;
import io.spotifyinsight.fetcher.FetcherEnvironment.Needs;
import io.spotifyinsight.fetcher.cli.StandardCommand;
import io.spotifyinsight.persistence.recommendation.DayLookup;
import io.spotifyinsight.persistence.recommendation.RecommendationRepository;
import io.spotifyinsight.persistence.user.UserAlias;
import io.spotifyinsight.persistence.user.UserNotFoundException;
import io.spotifyinsight.persistence.user.UserRepository;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "show",
        description =
                "Shows one user alias: settings, seeds and exclusions (with links) and its latest"
                        + " stored list.")
final class ShowUserCommand implements Callable<Integer> {
    @Mixin StandardCommand standard;

    private final FetcherEnvironment env;
    private final Supplier<UserRepository> users;
    private final Supplier<RecommendationRepository> recommendations;
    private final PrintStream out;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    ShowUserCommand(
            FetcherEnvironment env,
            Supplier<UserRepository> users,
            Supplier<RecommendationRepository> recommendations,
            PrintStream out) {
        this.env = env;
        this.users = users;
        this.recommendations = recommendations;
        this.out = out;
    }

    @Override
    public Integer call() {
        UserText.username(name);
        env.require(Needs.DATABASE);
        UserAlias user = users.get().find(name).orElseThrow(() -> new UserNotFoundException(name));
        out.println("username: " + user.username());
        out.println("state:    " + (user.active() ? "active" : "disabled"));
        out.println("market:   " + (user.market() == null ? "none" : user.market()));
        out.println("limit:    " + user.trackLimit());
        out.println("seeds:");
        user.seeds()
                .artists()
                .forEach(
                        id ->
                                out.println(
                                        "  artist "
                                                + id
                                                + "  https://open.spotify.com/artist/"
                                                + id));
        user.seeds().genres().forEach(genre -> out.println("  genre  " + genre));
        user.seeds()
                .tracks()
                .forEach(
                        id ->
                                out.println(
                                        "  track  "
                                                + id
                                                + "  https://open.spotify.com/track/"
                                                + id));
        if (user.exclusions().isEmpty()) {
            out.println("excluded: none");
        } else {
            out.println("excluded:");
            user.exclusions()
                    .artists()
                    .forEach(
                            id ->
                                    out.println(
                                            "  artist "
                                                    + id
                                                    + "  https://open.spotify.com/artist/"
                                                    + id));
            user.exclusions()
                    .tracks()
                    .forEach(
                            id ->
                                    out.println(
                                            "  track  "
                                                    + id
                                                    + "  https://open.spotify.com/track/"
                                                    + id));
        }
        out.println("created:  " + user.createdAt());
        out.println("updated:  " + user.updatedAt());
        DayLookup latest = recommendations.get().findLatest(name);
        if (latest instanceof DayLookup.Found found) {
            out.println(
                    "latest list: "
                            + found.day().date()
                            + ", "
                            + found.day().tracks().size()
                            + " tracks ("
                            + found.day().strategy().dbValue()
                            + "), fetched "
                            + found.day().fetchedAt());
        } else {
            out.println("latest list: none yet");
        }
        return ExitCode.OK;
    }
}
