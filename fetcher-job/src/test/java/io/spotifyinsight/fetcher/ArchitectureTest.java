package io.spotifyinsight.fetcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The job works through the repositories, never around them. */
class ArchitectureTest {
    private static final JavaClasses CLASSES =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.spotifyinsight.fetcher");

    @Test
    void theJobAndTheCommands_neverUseJooqOrJdbc_onlyTheRepositories() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.spotifyinsight.fetcher.run..",
                        "io.spotifyinsight.fetcher.user..",
                        "io.spotifyinsight.fetcher.cli..",
                        "io.spotifyinsight.fetcher.engine..",
                        "io.spotifyinsight.fetcher.strategy..",
                        "io.spotifyinsight.fetcher.blend..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.jooq..", "java.sql..", "io.spotifyinsight.persistence.jooq..")
                .check(CLASSES);
    }

    @Test
    void theEngine_theStrategiesAndTheBlend_knowNothingOfTheCommandLine() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.spotifyinsight.fetcher.engine..",
                        "io.spotifyinsight.fetcher.strategy..",
                        "io.spotifyinsight.fetcher.blend..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "picocli..",
                        "io.spotifyinsight.fetcher.cli..",
                        "io.spotifyinsight.fetcher.run..",
                        "io.spotifyinsight.fetcher.user..")
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
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.spotifyinsight.fetcher.report..",
                        "io.spotifyinsight.fetcher.notify..",
                        "io.spotifyinsight.fetcher.metrics..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "picocli..",
                        "io.spotifyinsight.fetcher.cli..",
                        "io.spotifyinsight.fetcher.run..",
                        "io.spotifyinsight.persistence.jooq..",
                        "org.jooq..",
                        "java.sql..")
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
}
