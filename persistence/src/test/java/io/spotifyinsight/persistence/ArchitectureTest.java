package io.spotifyinsight.persistence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.spotifyinsight.persistence.testing.ModuleBoundaries;
import org.junit.jupiter.api.Test;

/**
 * The module's boundaries: records in, records out; the executables and Spotify are unknown here.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES =
            ModuleBoundaries.productionClasses("io.spotifyinsight.persistence");

    @Test
    void repositories_returnOurRecords_neverJooqTypes() {
        methods()
                .that()
                .arePublic()
                .and()
                .areDeclaredInClassesThat()
                .haveSimpleNameEndingWith("Repository")
                .should()
                .haveRawReturnType(
                        com.tngtech.archunit.base.DescribedPredicate.describe(
                                "a type outside org.jooq",
                                type -> !type.getPackageName().startsWith("org.jooq")))
                .check(CLASSES);
    }

    @Test
    void persistence_knowsNothingOfSpotifyOrTheExecutables() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.spotifyinsight.spotify..",
                        "io.spotifyinsight.web..",
                        "io.spotifyinsight.fetcher..")
                .check(CLASSES);
    }
}
