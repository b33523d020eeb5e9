package no.skymarked.calloff.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The call-off domain core is plain Java: no web, database or JSON-library dependencies. */
class CalloffDomainPurityTest {
    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("no.skymarked.calloff.domain");

    @Test
    void domainClassesWereImported() {
        assertThat(DOMAIN.size(), greaterThan(10));
    }

    @Test
    void domainDoesNotDependOnFrameworksOrPersistence() {
        noClasses().that().resideInAPackage("..calloff.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.helidon..", "java.sql..", "javax.sql..",
                        "com.fasterxml..", "org.flywaydb..", "jakarta..", "java.net.http..")
                .check(DOMAIN);
    }

    @Test
    void domainDependsOnlyOnJavaAndItself() {
        classes().that().resideInAPackage("..calloff.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "no.skymarked.calloff.domain..")
                .check(DOMAIN);
    }
}
