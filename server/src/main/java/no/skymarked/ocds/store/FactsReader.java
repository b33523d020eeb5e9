package no.skymarked.ocds.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.skymarked.calloff.application.ReadingPublicRecord;
import no.skymarked.calloff.domain.CallOff;
import no.skymarked.calloff.domain.Competition;
import no.skymarked.calloff.domain.FrameworkTerms;
import no.skymarked.calloff.domain.ProtocolEvent;
import no.skymarked.calloff.domain.WeightedCriterion;
import no.skymarked.ocds.CallOffFacts;
import no.skymarked.ocds.FrameworkFacts;
import no.skymarked.ocds.Org;
import no.skymarked.shared.Json;

/**
 * The public facts of frameworks and call-offs, from the catalogue's framework versions and the typed call-off core
 * (the call-off, its protocol and the framework terms it was made under). Only what may be published is taken:
 * no rates, no rate ceilings, no tenders or scores, no estimated value.
 */
public final class FactsReader {
    private final OcdsStore store;
    private final ReadingPublicRecord callOffs;

    public FactsReader(OcdsStore store, ReadingPublicRecord callOffs) {
        this.store = store;
        this.callOffs = callOffs;
    }

    public List<FrameworkFacts> frameworkVersions(String id) {
        return store.frameworkVersions(id).stream().map(this::framework).toList();
    }

    public Optional<FrameworkFacts> framework(String id, int version) {
        return store.frameworkVersion(id, version).map(this::framework);
    }

    private FrameworkFacts framework(OcdsStore.FrameworkVersion v) {
        JsonNode f = v.document();
        FrameworkTerms terms = callOffs.terms(v.id(), v.version()).orElse(null);
        List<FrameworkFacts.Lot> lots = new ArrayList<>();
        for (JsonNode l : f.path("lots")) {
            List<FrameworkFacts.Member> members = new ArrayList<>();
            for (JsonNode s : l.path("suppliers")) {
                String orgNo = s.path("orgNo").asText();
                members.add(new FrameworkFacts.Member(new Org(orgNo, name(orgNo)), s.path("rank").asInt(), s.path("status").asText()));
            }
            lots.add(new FrameworkFacts.Lot(l.path("id").asText(), nb(l.path("name")), members));
        }
        return new FrameworkFacts(v.id(), v.version(), v.recordedAt(), nb(f.path("title")), nb(f.path("description")), owner(f),
                f.path("status").asText(null), f.path("callOffMechanism").asText(null), date(f.path("period").path("startDate")),
                terms == null ? null : terms.currentEndDate(), date(f.path("awardDate")),
                terms == null || terms.maxValue() == null ? null : terms.maxValue().amount().setScale(2, RoundingMode.HALF_UP),
                f.path("cpvCode").asText(null), lots);
    }

    /** A call-off's public facts; empty when there is no such call-off. */
    public Optional<CallOffFacts> callOff(String id) {
        return callOffs.of(id).map(this::callOff);
    }

    private CallOffFacts callOff(ReadingPublicRecord.History h) {
        CallOff c = h.callOff();
        JsonNode f = store.frameworkVersion(c.frameworkId(), c.frameworkVersion()).map(OcdsStore.FrameworkVersion::document)
                .orElse(Json.MAPPER.createObjectNode());
        Org owner = owner(f);
        Org buyer = new Org(c.buyerOrgNo(), c.buyerOrgNo().equals(owner.orgNo()) ? owner.name() : null);
        String lotName = null;
        for (JsonNode l : f.path("lots")) {
            if (l.path("id").asText().equals(c.lotId())) {
                lotName = nb(l.path("name"));
            }
        }
        List<CallOffFacts.Hours> hours = c.details().lines().stream().map(l -> new CallOffFacts.Hours(l.roleId(), roleName(f, l.roleId()),
                l.hours())).toList();
        List<CallOffFacts.Step> steps = new ArrayList<>();
        for (ProtocolEvent e : h.events()) {
            step(c, e, f).ifPresent(steps::add);
        }
        return new CallOffFacts(c.id(), buyer, c.frameworkId(), nb(f.path("title")), f.path("callOffMechanism").asText(null), c.lotId(),
                lotName == null ? c.lotId() : lotName, c.details().title(), c.details().needDescription(), c.isMiniCompetition(), hours,
                f.path("cpvCode").asText(null), steps);
    }

    private Optional<CallOffFacts.Step> step(CallOff c, ProtocolEvent e, JsonNode framework) {
        Optional<Competition> competition = c.competition();
        return switch (e.type()) {
            case "COMPETITION_PUBLISHED" -> competition.map(k -> new CallOffFacts.Published(e.seq(), e.at(), k.terms().tenderDeadline(),
                    k.terms().criteria().stream().map(w -> criterion(framework, w)).toList()));
            case "AWARDED" -> {
                JsonNode p = Json.tree(e.payloadJson());
                String orgNo = p.path("supplierOrgNo").asText();
                yield Optional.of(new CallOffFacts.Awarded(e.seq(), e.at(), new Org(orgNo, name(orgNo)),
                        new BigDecimal(p.path("detail").asText()).setScale(2, RoundingMode.HALF_UP), null));
            }
            case "AWARD_DECIDED" -> competition.flatMap(Competition::award).map(a -> new CallOffFacts.Awarded(e.seq(), e.at(),
                    new Org(a.winnerOrgNo(), a.winnerName() == null ? name(a.winnerOrgNo()) : a.winnerName()), a.agreedValue().rounded(),
                    a.standstillEndsAt()));
            case "CONTRACT_CONCLUDED" -> c.contract().map(k -> new CallOffFacts.Contracted(e.seq(), e.at(),
                    k.buyerSignedAt().isAfter(k.supplierSignedAt()) ? k.buyerSignedAt() : k.supplierSignedAt()));
            case "NO_TENDERS_RECEIVED", "ALL_TENDERS_REJECTED" -> Optional.of(new CallOffFacts.Unsuccessful(e.seq(), e.at()));
            case "CALL_OFF_CANCELLED" -> Optional.of(new CallOffFacts.Cancelled(e.seq(), e.at()));
            default -> Optional.empty();
        };
    }

    /** A published criterion with its weight, by the framework's name for it: "Pris 20 %". */
    private static String criterion(JsonNode framework, WeightedCriterion w) {
        String name = w.id();
        for (JsonNode c : framework.path("awardCriteria")) {
            if (c.path("id").asText().equals(w.id()) && nb(c.path("name")) != null) {
                name = nb(c.path("name"));
            }
        }
        return name + " " + w.weight().movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }

    private String name(String orgNo) {
        String name = callOffs.supplierName(orgNo);
        return name == null || name.equals(orgNo) ? null : name;
    }

    private static Org owner(JsonNode f) {
        JsonNode o = f.path("owner");
        return new Org(o.path("orgNo").asText(), o.path("name").asText(null));
    }

    private static String roleName(JsonNode f, String roleId) {
        for (JsonNode r : f.path("roles")) {
            if (r.path("id").asText().equals(roleId)) {
                return nb(r.path("name"));
            }
        }
        return roleId;
    }

    private static String nb(JsonNode text) {
        if (text.isTextual()) {
            return text.asText();
        }
        String nb = text.path("nb").asText(null);
        return nb != null ? nb : text.path("en").asText(null);
    }

    private static LocalDate date(JsonNode n) {
        return n.isTextual() ? LocalDate.parse(n.asText()) : null;
    }
}
