package io.spotifyinsight.fetcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The job works through the repositories, never around them. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.spotifyinsight.fetcher");

    @Test
    void theJobAndTheCommands_neverUseJooqOrJdbc_onlyTheRepositories() {
        noClasses().that().resideInAnyPackage("io.spotifyinsight.fetcher.run..", "io.spotifyinsight.fetcher.user..",
                        "io.spotifyinsight.fetcher.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..",
                        "io.spotifyinsight.persistence.jooq..")
                .check(CLASSES);
    }

    @Test
    void theFetcher_knowsNothingOfTheWebApi() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.spotifyinsight.web..").check(CLASSES);
    }
}
