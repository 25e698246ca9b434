package io.spotifyinsight.spotify;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/** The client is a library: it knows neither the database nor the executables. */
class ArchitectureTest {
    private static final JavaClasses CLASSES =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.spotifyinsight.spotify");

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
}
