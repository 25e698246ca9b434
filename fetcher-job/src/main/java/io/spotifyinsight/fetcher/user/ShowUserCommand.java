package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.ExitCode;
import io.spotifyinsight.fetcher.cli.UsernameArguments;
import io.spotifyinsight.persistence.recommendation.DayLookup;
import io.spotifyinsight.persistence.recommendation.RecommendationRepository;
import io.spotifyinsight.persistence.user.UserAlias;
import io.spotifyinsight.persistence.user.UserNotFoundException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "show",
        description =
                "Shows one user alias: settings, seeds and exclusions (with links) and its latest"
                        + " stored list.")
final class ShowUserCommand extends UserCommand {
    private final Supplier<RecommendationRepository> recommendations;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    ShowUserCommand(Deps deps, Supplier<RecommendationRepository> recommendations) {
        super(deps);
        this.recommendations = recommendations;
    }

    @Override
    protected void checkArguments() {
        UsernameArguments.check(name);
    }

    @Override
    protected int execute() {
        UserAlias user = users.get().find(name).orElseThrow(() -> new UserNotFoundException(name));
        out.println("username: " + user.settings().username());
        out.println("state:    " + (user.settings().active() ? "active" : "disabled"));
        out.println(
                "market:   "
                        + (user.settings().market() == null ? "none" : user.settings().market()));
        out.println("limit:    " + user.settings().trackLimit());
        out.println("seeds:");
        printLinked("artist", user.settings().seeds().artists());
        user.settings().seeds().genres().forEach(genre -> out.println("  genre  " + genre));
        printLinked("track", user.settings().seeds().tracks());
        if (user.settings().exclusions().isEmpty()) {
            out.println("excluded: none");
        } else {
            out.println("excluded:");
            printLinked("artist", user.settings().exclusions().artists());
            printLinked("track", user.settings().exclusions().tracks());
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

    /** One line per id, with its link: " artist ID https://open.spotify.com/artist/ID". */
    private void printLinked(String kind, List<String> ids) {
        for (String id : ids) {
            out.printf(
                    Locale.ROOT, "  %-6s %s  https://open.spotify.com/%s/%s%n", kind, id, kind, id);
        }
    }
}
