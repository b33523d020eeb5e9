package no.skymarked.framework;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.skymarked.auth.Access;
import no.skymarked.auth.Principal;
import no.skymarked.auth.Role;
import no.skymarked.catalogdata.OrganisationNumber;
import no.skymarked.catalogue.CatalogueRepository;
import no.skymarked.shared.Bodies;
import no.skymarked.shared.Http;
import no.skymarked.shared.ProblemException;
import no.skymarked.shared.QueryParams;

/** Accession (tilslutning): an agency joins a framework, for itself (buyer) or registered by an editor. */
public final class AccessionHttpService implements HttpService {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private final CatalogueRepository catalogue;
    private final AccessionRepository accessions;
    private final Clock clock;

    public AccessionHttpService(CatalogueRepository catalogue, AccessionRepository accessions, Clock clock) {
        this.catalogue = catalogue;
        this.accessions = accessions;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/v1/frameworks/{frameworkId}/accessions", this::accede)
                .get("/v1/accessions", this::list);
    }

    private void accede(ServerRequest req, ServerResponse res) {
        Principal caller = Access.require(req, Access.Rule.anyOf(Role.BUYER, Role.EDITOR), "accede to a framework (buyer or editor)");
        String frameworkId = Http.pathParam(req, "frameworkId");
        JsonNode body = Bodies.object(req);
        body.fieldNames().forEachRemaining(f -> {
            if (!List.of("agencyOrgNo", "lots", "validFrom", "validTo").contains(f)) {
                throw Bodies.invalid("/problems/invalid-body", "/" + f, "unknown field '" + f + "'");
            }
        });
        JsonNode agencyField = body.path("agencyOrgNo");
        if (!agencyField.isMissingNode() && !agencyField.isNull() && !agencyField.isTextual()) {
            throw Bodies.invalid("/problems/invalid-body", "/agencyOrgNo", "agencyOrgNo must be a string of nine digits");
        }
        String agency = agencyFor(caller, agencyField.isTextual() ? agencyField.asText() : null);
        JsonNode framework = catalogue.framework(frameworkId).orElseThrow(() -> ProblemException.notFound("Framework", frameworkId)).document();
        List<String> lots = lots(body, framework);
        LocalDate today = LocalDate.now(clock.withZone(OSLO));
        AccessionPolicy.check(framework, agency, lots, today).ifPresent(r -> {
            throw Bodies.invalid("/problems/" + r.code(), r.pointer(), r.detail());
        });
        var existing = accessions.find(frameworkId, agency);
        if (existing.isPresent()) {
            Http.json(res, existing.get().toJson());
            return;
        }
        var created = accessions.insert(new AccessionRepository.Accession(UUID.randomUUID().toString(), frameworkId, agency,
                lots, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                caller.clientId() == null ? caller.orgNo() : caller.clientId(), date(body, "validFrom", today), date(body, "validTo", null)));
        res.status(Status.CREATED_201).header(HeaderNames.LOCATION, "/v1/accessions?frameworkId=" + frameworkId);
        Http.json(res, created.toJson());
    }

    /** A buyer accedes for its own organisation only; an editor names the agency. */
    private static String agencyFor(Principal caller, String requested) {
        if (requested == null) {
            if (!caller.has(Role.BUYER)) {
                throw Bodies.invalid("/problems/invalid-body", "/agencyOrgNo", "an editor must name the acceding agency");
            }
            return caller.orgNo();
        }
        if (!OrganisationNumber.isValid(requested)) {
            throw Bodies.invalid("/problems/invalid-orgno", "/agencyOrgNo", "'" + requested + "' is not a valid organisation number");
        }
        if (!requested.equals(caller.orgNo()) && !caller.has(Role.EDITOR)) {
            throw new ProblemException(403, "/problems/forbidden", "Forbidden",
                    "organisation " + caller.orgNo() + " may accede only for itself, not for " + requested, List.of());
        }
        return requested;
    }

    private static List<String> lots(JsonNode body, JsonNode framework) {
        if (!body.has("lots")) {
            return AccessionPolicy.lotIds(framework);
        }
        if (!body.path("lots").isArray() || body.path("lots").isEmpty()) {
            throw Bodies.invalid("/problems/invalid-body", "/lots", "lots must be a non-empty array of lot ids");
        }
        List<String> lots = new ArrayList<>();
        body.path("lots").forEach(l -> lots.add(l.asText()));
        return lots;
    }

    private static LocalDate date(JsonNode body, String field, LocalDate fallback) {
        if (!body.hasNonNull(field)) {
            return fallback;
        }
        try {
            return LocalDate.parse(body.path(field).asText());
        } catch (DateTimeParseException e) {
            throw Bodies.invalid("/problems/invalid-body", "/" + field, field + " must be a date, e.g. 2026-12-01");
        }
    }

    private void list(ServerRequest req, ServerResponse res) {
        Principal caller = Access.require(req, Access.Rule.anyOf(Role.BUYER, Role.EDITOR, Role.AUDITOR),
                "list accessions (buyer: its own; editor, auditor: all)");
        String frameworkId = new QueryParams(req.query()).single("frameworkId", 80);
        boolean all = caller.has(Role.EDITOR) || caller.has(Role.AUDITOR);
        var items = accessions.list(all ? null : caller.orgNo(), frameworkId).stream().map(AccessionRepository.Accession::toJson).toList();
        Http.json(res, Map.of("items", items));
    }
}
