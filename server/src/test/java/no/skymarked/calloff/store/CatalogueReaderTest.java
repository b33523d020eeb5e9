package no.skymarked.calloff.store;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import no.skymarked.calloff.domain.CurrencyConversion;
import no.skymarked.calloff.domain.Env79Mode;
import no.skymarked.calloff.domain.FrameworkTerms;
import no.skymarked.calloff.domain.Money;
import no.skymarked.shared.Json;
import org.junit.jupiter.api.Test;

/** The call-off side reads a framework's amounts in NOK (E45) and its § 7-9 mode (E27). */
class CatalogueReaderTest {
    private static ObjectNode dt2() throws Exception {
        return (ObjectNode) Json.tree(Files.readString(Path.of("../catalog-data/frameworks/oslo-digitale-tjenester-2.json")));
    }

    @Test
    void foreignAmountsAreConvertedAtTheDeclaredRateRoundedHalfUpToOre() throws Exception {
        ObjectNode f = dt2();
        f.putObject("currencyConversion").put("currency", "EUR").put("nokPerUnit", "11.5").put("rateDate", "2026-04-01");
        ((ObjectNode) f.at("/lots/0/suppliers/0/rates/0/hourlyRate")).put("amount", "100.03").put("currency", "EUR");
        ((ObjectNode) f.path("maxValue")).put("amount", "1000000.00").put("currency", "EUR");
        ((ObjectNode) f.path("estimatedValue")).put("currency", "EUR");
        FrameworkTerms terms = CatalogueReader.terms(f, 1);
        String role = f.at("/lots/0/suppliers/0/rates/0/roleId").asText();
        assertThat(terms.lots().get(0).members().get(0).rates().get(role), is(Money.nok(new BigDecimal("1150.35"))));
        assertThat(terms.maxValue(), is(Money.nok(new BigDecimal("11500000.00"))));
        assertThat(terms.conversion(), is(new CurrencyConversion("EUR", new BigDecimal("11.5"), LocalDate.parse("2026-04-01"))));
        String nokRole = f.at("/lots/0/suppliers/1/rates/0/roleId").asText();
        assertThat(terms.lots().get(0).members().get(1).rates().get(nokRole).currency(), is("NOK"));
    }

    @Test
    void aForeignAmountIsNeverReadAsNok() throws Exception {
        ObjectNode f = dt2();
        ((ObjectNode) f.at("/lots/0/suppliers/0/rates/0/hourlyRate")).put("currency", "EUR");
        var refused = assertThrows(no.skymarked.calloff.application.Refusal.class, () -> CatalogueReader.terms(f, 1));
        assertThat(refused.type(), is("/problems/framework-terms-unreadable"));
        assertThat(refused.getMessage() + " " + refused.fields(), org.hamcrest.Matchers.containsString("EUR"));
    }

    @Test
    void theSection79ModeAndReasonAreRead() throws Exception {
        ObjectNode f = dt2();
        assertThat(CatalogueReader.terms(f, 1).env79Mode(), is(Env79Mode.WEIGHTED_30));
        f.put("env79Mode", "NOT_RELEVANT_INSIGNIFICANT").put("env79Reason", "Ubetydelig fotavtrykk");
        FrameworkTerms terms = CatalogueReader.terms(f, 1);
        assertThat(terms.env79Mode(), is(Env79Mode.NOT_RELEVANT_INSIGNIFICANT));
        assertThat(terms.env79Reason(), is("Ubetydelig fotavtrykk"));
    }
}
