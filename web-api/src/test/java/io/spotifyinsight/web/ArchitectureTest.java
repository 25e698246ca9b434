package io.spotifyinsight.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static io.spotifyinsight.persistence.testing.ModuleBoundaries.neverDependOn;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.spotifyinsight.persistence.testing.ModuleBoundaries;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Controllers speak HTTP and our records; SQL stays in the persistence module. */
class ArchitectureTest {
    private static final JavaClasses CLASSES =
            ModuleBoundaries.productionClasses("io.spotifyinsight.web");

    @Test
    void features_neverUseJooqOrJdbc() {
        List<String> features =
                List.of(
                        "io.spotifyinsight.web.recommendation..",
                        "io.spotifyinsight.web.user..",
                        "io.spotifyinsight.web.health..",
                        "io.spotifyinsight.web.error..",
                        "io.spotifyinsight.web.http..",
                        "io.spotifyinsight.web.playlist..");
        neverDependOn(features, ModuleBoundaries.SQL).check(CLASSES);
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
