package no.skymarked.calloff;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The call-off feature's layers (DESIGN §7): the domain and the use cases are plain Java; the web reaches the
 * database only through the use cases; the store does not know the web; and no layer depends on itself in a circle.
 */
class CallOffLayersTest {
    private static final JavaClasses FEATURE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("no.skymarked.calloff");
    private static final String[] FRAMEWORKS = {"io.helidon..", "java.sql..", "javax.sql..", "com.fasterxml..", "com.networknt..",
        "org.flywaydb..", "jakarta.."};

    @Test
    void everyLayerWasImported() {
        for (String layer : new String[] {"domain", "application", "web", "store", "wire"}) {
            assertThat(layer, FEATURE.stream().filter(c -> c.getPackageName().equals("no.skymarked.calloff." + layer)).count(),
                    greaterThan(3L));
        }
    }

    @Test
    void domainAndApplicationUseNoWebDatabaseOrJsonLibrary() {
        noClasses().that().resideInAnyPackage("..calloff.domain..", "..calloff.application..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .check(FEATURE);
    }

    @Test
    void applicationKnowsNoAdapter() {
        noClasses().that().resideInAPackage("..calloff.application..")
                .should().dependOnClassesThat().resideInAnyPackage("..calloff.web..", "..calloff.store..", "..calloff.wire..")
                .check(FEATURE);
    }

    @Test
    void webDoesNotTouchTheStore() {
        noClasses().that().resideInAPackage("..calloff.web..")
                .should().dependOnClassesThat().resideInAnyPackage("..calloff.store..", "io.helidon.dbclient..", "java.sql..")
                .check(FEATURE);
    }

    @Test
    void storeDoesNotKnowTheWeb() {
        noClasses().that().resideInAnyPackage("..calloff.store..", "..calloff.wire..")
                .should().dependOnClassesThat().resideInAnyPackage("..calloff.web..", "io.helidon.webserver..", "io.helidon.http..")
                .check(FEATURE);
    }

    @Test
    void layersHaveNoCycles() {
        slices().matching("no.skymarked.calloff.(*)..").should().beFreeOfCycles().check(FEATURE);
    }
}
