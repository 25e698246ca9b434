package io.spotifyinsight.fetcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static io.spotifyinsight.persistence.testing.ModuleBoundaries.SQL;
import static io.spotifyinsight.persistence.testing.ModuleBoundaries.neverDependOn;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.spotifyinsight.persistence.testing.ModuleBoundaries;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The job works through the repositories, never around them. */
class ArchitectureTest {
    private static final JavaClasses CLASSES =
            ModuleBoundaries.productionClasses("io.spotifyinsight.fetcher");

    private static final List<String> PICOCLI = List.of("picocli..");

    private static final List<String> COMMANDS =
            List.of(
                    "io.spotifyinsight.fetcher.cli..",
                    "io.spotifyinsight.fetcher.run..",
                    "io.spotifyinsight.fetcher.user..");

    /** What fetches: the same from a command, a test or a benchmark. */
    private static final List<String> ENGINE =
            List.of(
                    "io.spotifyinsight.fetcher.engine..",
                    "io.spotifyinsight.fetcher.strategy..",
                    "io.spotifyinsight.fetcher.blend..");

    private static final List<String> REPORTERS =
            List.of(
                    "io.spotifyinsight.fetcher.report..",
                    "io.spotifyinsight.fetcher.notify..",
                    "io.spotifyinsight.fetcher.metrics..");

    @Test
    void theJobAndTheCommands_neverUseJooqOrJdbc_onlyTheRepositories() {
        neverDependOn(all(COMMANDS, ENGINE), SQL).check(CLASSES);
    }

    @Test
    void theEngine_theStrategiesAndTheBlend_knowNothingOfTheCommandLine() {
        neverDependOn(ENGINE, all(PICOCLI, COMMANDS))
                .orShould()
                .dependOnClassesThat()
                .haveSimpleName("Wiring")
                .check(CLASSES);
    }

    @Test
    void thePicker_isPure_noClientNoRepository() {
        noClasses()
                .that()
                .haveFullyQualifiedName("io.spotifyinsight.fetcher.blend.Picker")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.spotifyinsight.spotify..",
                        "io.spotifyinsight.sources..",
                        "io.spotifyinsight.persistence.knowledge..",
                        "okhttp3..")
                .orShould()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Repository")
                .check(CLASSES);
    }

    @Test
    void theRunReporters_knowNothingOfTheCommandLineNorOfTheDatabase_theyAreHandedWhatTheyReport() {
        neverDependOn(REPORTERS, all(PICOCLI, COMMANDS, SQL))
                .orShould()
                .dependOnClassesThat()
                .haveSimpleName("Wiring")
                .orShould()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Repository")
                .check(CLASSES);
    }

    @Test
    void theFetcher_knowsNothingOfTheWebApi() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.spotifyinsight.web..")
                .check(CLASSES);
    }

    @SafeVarargs
    private static List<String> all(List<String>... packages) {
        return Stream.of(packages).flatMap(List::stream).toList();
    }
}
