package no.skymarked.calloff.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.skymarked.calloff.application.FrameworkCatalogue;
import no.skymarked.calloff.domain.AwardCriterion;
import no.skymarked.calloff.domain.CriterionType;
import no.skymarked.calloff.domain.CurrencyConversion;
import no.skymarked.calloff.domain.Env79Mode;
import no.skymarked.calloff.domain.FrameworkTerms;
import no.skymarked.calloff.domain.MemberStatus;
import no.skymarked.calloff.domain.Money;
import no.skymarked.catalogdata.FrameworkPeriod;
import no.skymarked.framework.Eligibility;
import no.skymarked.shared.Json;

/**
 * Framework terms, service versions and supplier names from the catalogue tables, in the session's transaction.
 * Terms are read once per framework version and kept (a framework document is large; its version tells a change).
 */
public final class CatalogueReader implements FrameworkCatalogue {
    private final DbSession session;
    private final Map<String, FrameworkTerms> terms = new ConcurrentHashMap<>();
    private final Map<String, FrameworkTerms> versions = new ConcurrentHashMap<>();

    public CatalogueReader(DbSession session) {
        this.session = session;
    }

    @Override
    public Optional<FrameworkTerms> terms(String frameworkId) {
        Optional<Integer> version = session.exec().createGet("select version from framework where id = ?").params(frameworkId).execute()
                .map(r -> ((Number) r.column("version").get()).intValue());
        if (version.isEmpty()) {
            return Optional.empty();
        }
        FrameworkTerms known = terms.get(frameworkId);
        if (known != null && known.version() == version.get()) {
            return Optional.of(known);
        }
        Optional<FrameworkTerms> read = session.exec().createGet("select document, version from framework where id = ?").params(frameworkId)
                .execute().map(r -> terms(Json.tree(r.column("document").get(String.class)), ((Number) r.column("version").get()).intValue()));
        read.ifPresent(t -> terms.put(frameworkId, t));
        return read;
    }

    @Override
    public Optional<FrameworkTerms> terms(String frameworkId, int version) {
        FrameworkTerms known = versions.get(frameworkId + "@" + version);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<FrameworkTerms> read = session.exec().createGet("select document from framework_version where framework_id = ? and version = ?")
                .params(frameworkId, version).execute().map(r -> terms(Json.tree(r.column("document").get(String.class)), version));
        read.ifPresent(t -> versions.put(frameworkId + "@" + version, t));
        return read;
    }

    @Override
    public boolean serviceVersionExists(String serviceId, int version) {
        return session.exec().get("select version from service_version where service_id = ? and version = ?", serviceId, version).isPresent();
    }

    @Override
    public String supplierName(String orgNo) {
        return session.exec().createGet("select name from supplier where org_no = ?").params(orgNo).execute()
                .map(r -> r.column("name").get(String.class)).orElse(orgNo);
    }

    /**
     * The terms of a framework document (catalogue schema {@code framework.schema.json}), amounts in NOK: those in a
     * foreign currency are converted at the framework's declared rate (the catalogue check refuses any other).
     */
    static FrameworkTerms terms(JsonNode f, int version) {
        List<AwardCriterion> criteria = new ArrayList<>();
        f.path("awardCriteria").forEach(c -> criteria.add(new AwardCriterion(c.path("id").asText(),
                CriterionType.valueOf(c.path("type").asText()), new BigDecimal(c.path("minWeight").asText()),
                new BigDecimal(c.path("maxWeight").asText()))));
        CurrencyConversion conversion = conversion(f.path("currencyConversion"));
        List<FrameworkTerms.Lot> lots = new ArrayList<>();
        f.path("lots").forEach(l -> lots.add(new FrameworkTerms.Lot(l.path("id").asText(), members(l, conversion))));
        return new FrameworkTerms(f.path("id").asText(), version, f.path("status").asText(),
                LocalDate.parse(f.path("period").path("startDate").asText()), FrameworkPeriod.currentEndDate(f),
                new BigDecimal(f.path("thresholdHours").asText("250")),
                f.hasNonNull("hoursPerDay") ? new BigDecimal(f.path("hoursPerDay").asText()) : null,
                nok(f.path("maxValue"), conversion),
                f.path("cascadeResponseWorkingDays").asInt(2), f.path("miniCompetitionMinDeadlineWorkingDays").asInt(5), criteria, lots,
                f.hasNonNull("env79Mode") ? Env79Mode.valueOf(f.path("env79Mode").asText()) : Env79Mode.WEIGHTED_30,
                f.path("env79Reason").asText(null), conversion, Eligibility.identified(f));
    }

    private static CurrencyConversion conversion(JsonNode c) {
        return c.isMissingNode() || c.isNull() ? null : new CurrencyConversion(c.path("currency").asText(),
                new BigDecimal(c.path("nokPerUnit").asText()), LocalDate.parse(c.path("rateDate").asText()));
    }

    /** A money node in NOK; a foreign amount without a declared conversion is refused rather than read as NOK (E45). */
    private static Money nok(JsonNode money, CurrencyConversion conversion) {
        Money given = new Money(new BigDecimal(money.path("amount").asText()), money.path("currency").asText(Money.NOK));
        if (Money.NOK.equals(given.currency())) {
            return given;
        }
        if (conversion == null) {
            // stored before the catalogue check refused such amounts: a problem to correct, never read as NOK
            throw no.skymarked.calloff.application.Refusal.conflict("/problems/framework-terms-unreadable", "Framework terms unreadable",
                    "the framework gives an amount in " + given.currency() + " without a currencyConversion; an editor must declare"
                            + " the conversion (rate and date) or give the amount in NOK");
        }
        return conversion.toNok(given);
    }

    private static List<FrameworkTerms.Member> members(JsonNode lot, CurrencyConversion conversion) {
        List<FrameworkTerms.Member> out = new ArrayList<>();
        for (JsonNode s : lot.path("suppliers")) {
            Map<String, Money> rates = new LinkedHashMap<>();
            for (JsonNode r : s.path("rates")) {
                Money rate = nok(r.path("hourlyRate"), conversion);
                rates.merge(r.path("roleId").asText(), rate, (a, b) -> a.amount().compareTo(b.amount()) <= 0 ? a : b);
            }
            out.add(new FrameworkTerms.Member(s.path("orgNo").asText(), s.path("rank").asInt(),
                    MemberStatus.valueOf(s.path("status").asText()), rates));
        }
        return out;
    }
}
