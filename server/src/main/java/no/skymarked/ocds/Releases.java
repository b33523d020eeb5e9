package no.skymarked.ocds;

import static no.skymarked.ocds.Node.list;
import static no.skymarked.ocds.Node.obj;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.skymarked.calloff.domain.WorkingDayCalendar;

/**
 * OCDS 1.1.5 releases (with the Techniques extension) of framework agreements and their call-offs, from their
 * public facts. One ocid per framework and per call-off; a call-off names its framework in {@code relatedProcesses}
 * (relationship {@code framework}). A release's id is its ocid and the protocol sequence number (or framework
 * version) it stems from; its date is when that happened.
 *
 * <ul>
 *   <li>a framework version: an {@code award} release (later versions {@code awardUpdate}) with the framework's
 *       method in {@code tender.techniques} and one award per supplier of each lot;</li>
 *   <li>a direct award in ranked order: an {@code award} release with a minimal tender, {@code competitive: false},
 *       procurement method {@code limited};</li>
 *   <li>a mini-competition: {@code tender} at publication, {@code award} at the decision, {@code contract} once
 *       concluded, with {@code competitive: true} and procurement method {@code selective} (the framework's
 *       suppliers of the lot);</li>
 *   <li>{@code tenderUpdate} when a published competition ends unsuccessful, {@code tenderCancellation} or
 *       {@code awardCancellation} when a call-off that had been published is cancelled.</li>
 * </ul>
 * Amounts are NOK ex. VAT; hours are items with the UN/CEFACT unit {@code HUR}.
 */
public final class Releases {
    /** RFC 3339 with seconds and the Oslo offset of the day (a day's start or end). */
    private static final java.time.format.DateTimeFormatter SECONDS = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private final Ocid ocid;

    public Releases(Ocid ocid) {
        this.ocid = ocid;
    }

    public Ocid ocid() {
        return ocid;
    }

    /** The release of one framework version. */
    public Map<String, Object> of(FrameworkFacts f) {
        String process = ocid.framework(f.id());
        Map<String, Map<String, Object>> parties = new LinkedHashMap<>();
        addParty(parties, f.owner(), "buyer");
        addParty(parties, f.owner(), "procuringEntity");
        List<Object> items = new ArrayList<>();
        List<Object> awards = new ArrayList<>();
        Map<String, Object> period = obj("startDate", startOfDay(f.startDate()), "endDate", endOfDay(f.endDate()));
        for (FrameworkFacts.Lot lot : f.lots()) {
            items.add(obj("id", lot.id(), "description", lot.name(), "classification", cpv(f.cpv())));
            for (FrameworkFacts.Member m : lot.members()) {
                addParty(parties, m.supplier(), "supplier");
                boolean ended = "TERMINATED".equals(m.status()) || "TERMINATED".equals(f.status());
                awards.add(obj("id", lot.id() + "-" + m.supplier().orgNo(), "title", lot.name() + " (rank " + m.rank() + ")",
                        "status", ended ? "cancelled" : "active", "date", startOfDay(f.awardDate()),
                        "suppliers", list(ref(m.supplier())), "contractPeriod", period));
            }
        }
        Map<String, Object> tender = obj("id", f.id(), "title", f.title(), "description", f.description(), "status", "complete",
                "procuringEntity", ref(f.owner()), "items", items, "value", value(f.maxValue()), "mainProcurementCategory", "services",
                "contractPeriod", period, "techniques", techniques(f.callOffMechanism()));
        return obj("ocid", process, "id", process + "-v" + f.version(), "date", f.recordedAt().toString(),
                "tag", list(f.version() == 1 ? "award" : "awardUpdate"), "initiationType", "tender", "language", "nb",
                "parties", new ArrayList<>(parties.values()), "buyer", ref(f.owner()), "tender", tender, "awards", awards);
    }

    /** The releases of a call-off, oldest first: one for each public step. A call-off with none has no releases. */
    public List<Map<String, Object>> of(CallOffFacts c) {
        List<Map<String, Object>> out = new ArrayList<>();
        State s = new State();
        for (CallOffFacts.Step step : c.steps()) {
            String tag = switch (step) {
                case CallOffFacts.Published p -> {
                    s.published = p;
                    yield "tender";
                }
                case CallOffFacts.Awarded a -> {
                    s.award = a;
                    yield "award";
                }
                case CallOffFacts.Contracted k -> {
                    s.contract = k;
                    yield "contract";
                }
                case CallOffFacts.Unsuccessful u -> {
                    s.unsuccessful = s.published != null;
                    yield s.unsuccessful ? "tenderUpdate" : null;
                }
                case CallOffFacts.Cancelled x -> {
                    s.cancelled = s.published != null || s.award != null;
                    yield !s.cancelled ? null : s.award != null ? "awardCancellation" : "tenderCancellation";
                }
            };
            if (tag != null) {
                out.add(release(c, s, step, tag));
            }
        }
        return out;
    }

    /** What is public of a call-off after a step. */
    private static final class State {
        CallOffFacts.Published published;
        CallOffFacts.Awarded award;
        CallOffFacts.Contracted contract;
        boolean unsuccessful;
        boolean cancelled;
    }

    private Map<String, Object> release(CallOffFacts c, State s, CallOffFacts.Step step, String tag) {
        String process = ocid.callOff(c.id());
        List<Object> items = c.hours().stream().<Object>map(h -> obj("id", h.roleId(), "description", h.roleName(),
                "classification", cpv(c.cpv()), "quantity", h.hours(), "unit", obj("scheme", "UNCEFACT", "id", "HUR", "name", "hour")))
                .toList();
        Map<String, Map<String, Object>> parties = new LinkedHashMap<>();
        addParty(parties, c.buyer(), "buyer");
        addParty(parties, c.buyer(), "procuringEntity");
        String awardId = c.id() + "-award";
        List<Object> awards = new ArrayList<>();
        if (s.award != null) {
            addParty(parties, s.award.supplier(), "supplier");
            boolean pending = s.contract == null && s.award.standstillEndsAt() != null && s.award.standstillEndsAt().isAfter(step.at());
            String status = s.cancelled ? "cancelled" : pending ? "pending" : "active";
            awards.add(obj("id", awardId, "title", c.title(), "status", status, "date", s.award.at().toString(),
                    "value", value(s.award.value()), "suppliers", list(ref(s.award.supplier())), "items", items));
        }
        List<Object> contracts = s.contract == null ? List.of() : list(obj("id", c.id() + "-contract", "awardID", awardId,
                "title", c.title(), "status", "active", "value", value(s.award.value()), "items", items,
                "dateSigned", s.contract.signedAt().toString()));
        String tenderStatus = s.cancelled ? "cancelled" : s.unsuccessful ? "unsuccessful" : s.award != null ? "complete" : "active";
        boolean mini = c.miniCompetition();
        Map<String, Object> tender = obj("id", c.id(), "title", c.title(), "description", c.description(), "status", tenderStatus,
                "procuringEntity", ref(c.buyer()), "items", items, "mainProcurementCategory", "services",
                "procurementMethod", mini ? "selective" : "limited",
                "procurementMethodDetails", mini ? "Mini-competition among the suppliers of framework lot " + c.lotName()
                        : "Direct award in ranked order under framework lot " + c.lotName(),
                "awardCriteria", mini ? "ratedCriteria" : null,
                "awardCriteriaDetails", mini && s.published != null ? String.join("; ", s.published.criteria()) : null,
                "submissionMethod", mini ? list("electronicSubmission") : null,
                "tenderPeriod", s.published == null ? null : obj("startDate", s.published.at().toString(),
                        "endDate", s.published.deadline().toString()),
                "competitive", mini, "techniques", techniques(c.frameworkMechanism()));
        return obj("ocid", process, "id", process + "-" + step.seq(), "date", step.at().toString(), "tag", list(tag),
                "initiationType", "tender", "language", "nb", "parties", new ArrayList<>(parties.values()), "buyer", ref(c.buyer()),
                "tender", tender, "awards", awards, "contracts", contracts,
                "relatedProcesses", list(obj("id", "framework", "relationship", list("framework"), "title", c.frameworkTitle(),
                        "scheme", "ocid", "identifier", ocid.framework(c.frameworkId()))));
    }

    private static Map<String, Object> techniques(String mechanism) {
        return obj("hasFrameworkAgreement", true, "frameworkAgreement", obj("method", FrameworkFacts.method(mechanism)));
    }

    @SuppressWarnings("unchecked")
    private static void addParty(Map<String, Map<String, Object>> parties, Org org, String role) {
        Map<String, Object> party = parties.computeIfAbsent(org.orgNo(), k -> {
            Map<String, Object> p = obj("id", org.partyId(), "name", org.name(),
                    "identifier", obj("scheme", Org.SCHEME, "id", org.orgNo(), "legalName", org.name()));
            p.put("roles", new ArrayList<String>());
            return p;
        });
        List<String> roles = (List<String>) party.get("roles");
        if (!roles.contains(role)) {
            roles.add(role);
        }
    }

    private static Map<String, Object> ref(Org org) {
        return obj("id", org.partyId(), "name", org.name());
    }

    private static Map<String, Object> value(BigDecimal amount) {
        return amount == null ? null : obj("amount", amount, "currency", "NOK");
    }

    private static Map<String, Object> cpv(String code) {
        return code == null ? null : obj("scheme", "CPV", "id", code);
    }

    private static String startOfDay(LocalDate day) {
        return day == null ? null : SECONDS.format(day.atStartOfDay(WorkingDayCalendar.OSLO));
    }

    private static String endOfDay(LocalDate day) {
        return day == null ? null : SECONDS.format(day.plusDays(1).atStartOfDay(WorkingDayCalendar.OSLO).minusSeconds(1));
    }
}
