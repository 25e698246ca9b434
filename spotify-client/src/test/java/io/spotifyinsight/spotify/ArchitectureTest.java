package io.spotifyinsight.spotify;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The clients (Spotify and the recommendation sources) are a library: they know neither the
 * database nor the executables, and the Spotify client does not know the sources.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.spotifyinsight.spotify", "io.spotifyinsight.sources");

    @Test
    void theClient_knowsNothingOfPersistenceOrTheExecutables() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.spotifyinsight.persistence..",
                        "io.spotifyinsight.fetcher..",
                        "io.spotifyinsight.web..",
                        "org.jooq..",
                        "java.sql..")
                .check(CLASSES);
    }

    @Test
    void models_andRequests_neverSeeOkHttp() {
        noClasses()
                .that()
                .resideInAnyPackage("io.spotifyinsight.spotify.model..")
                .or()
                .haveSimpleNameEndingWith("Request")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("okhttp3..")
                .check(CLASSES);
    }

    @Test
    void theSpotifyClient_knowsNothingOfTheRecommendationSources() {
        noClasses()
                .that()
                .resideInAnyPackage("io.spotifyinsight.spotify..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.spotifyinsight.sources..")
                .check(CLASSES);
    }

    @Test
    void sourceValues_andErrors_neverSeeOkHttpOrJackson() {
        // SourceConfig parses its URL with HttpUrl, as SpotifyConfig does; the values it feeds
        // and the exceptions callers catch stay free of HTTP and JSON types.
        noClasses()
                .that()
                .areRecords()
                .and()
                .resideInAnyPackage("io.spotifyinsight.sources")
                .and()
                .doNotHaveSimpleName("SourceConfig")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("okhttp3..", "com.fasterxml.jackson..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAnyPackage("io.spotifyinsight.sources.error..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("okhttp3..", "com.fasterxml.jackson..")
                .check(CLASSES);
    }
}
