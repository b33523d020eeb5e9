package no.skymarked.ocds;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The OCDS mapping is plain Java: the package {@code no.skymarked.ocds} itself (not its {@code store} and {@code web})
 * depends on Java, its own classes, its store (for the feed) and the call-off domain's calendar, never on Helidon,
 * JDBC or Jackson.
 */
class OcdsMappingPurityTest {
    private static final JavaClasses OCDS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("no.skymarked.ocds");

    @Test
    void mappingClassesWereImported() {
        assertThat(OCDS.size(), greaterThan(8));
    }

    @Test
    void theMappingDependsOnJavaAndTheCallOffDomainOnly() {
        classes().that().resideInAPackage("no.skymarked.ocds")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "no.skymarked.ocds", "no.skymarked.ocds.store",
                        "no.skymarked.calloff.domain")
                .check(OCDS);
    }
}
