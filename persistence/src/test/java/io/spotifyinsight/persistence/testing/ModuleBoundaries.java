package io.spotifyinsight.persistence.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.elements.ClassesShouldConjunction;
import java.util.List;

/** What every module's ArchUnit test starts from: its production classes and one rule's shape. */
public final class ModuleBoundaries {
    /**
     * jOOQ, JDBC and our generated jOOQ code: only the persistence module's repositories use them.
     */
    public static final List<String> SQL =
            List.of("org.jooq..", "java.sql..", "io.spotifyinsight.persistence.jooq..");

    private ModuleBoundaries() {}

    /** The classes of {@code rootPackage} and below, tests left out. */
    public static JavaClasses productionClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    /**
     * No class in {@code packages} depends on a class in {@code forbidden}; {@code orShould()} adds
     * more that they must not do.
     */
    public static ClassesShouldConjunction neverDependOn(
            List<String> packages, List<String> forbidden) {
        return noClasses()
                .that()
                .resideInAnyPackage(packages.toArray(String[]::new))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(forbidden.toArray(String[]::new));
    }
}
