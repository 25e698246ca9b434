package io.spotifyinsight.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Controllers speak HTTP and our records; SQL stays in the persistence module. */
class ArchitectureTest {
    private static final JavaClasses CLASSES =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.spotifyinsight.web");

    @Test
    void features_neverUseJooqOrJdbc() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.spotifyinsight.web.recommendation..",
                        "io.spotifyinsight.web.user..",
                        "io.spotifyinsight.web.health..",
                        "io.spotifyinsight.web.error..",
                        "io.spotifyinsight.web.http..",
                        "io.spotifyinsight.web.playlist..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.jooq..", "java.sql..", "io.spotifyinsight.persistence.jooq..")
                .check(CLASSES);
    }

    @Test
    void theWebApi_knowsNothingOfTheFetcherOrSpotify() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.spotifyinsight.fetcher..", "io.spotifyinsight.spotify..")
                .check(CLASSES);
    }

    @Test
    void playlistWriters_knowNothingOfHttp() {
        noClasses()
                .that()
                .resideInAPackage("io.spotifyinsight.web.playlist..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "io.spotifyinsight.web.recommendation..")
                .check(CLASSES);
    }

    @Test
    void recommendationService_isJavalinFree() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Service")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.javalin..")
                .check(CLASSES);
    }
}
