package no.skymarked.calloff.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import no.skymarked.calloff.domain.CallOff;
import no.skymarked.calloff.domain.CallOffStatus;
import no.skymarked.calloff.domain.Competition;
import no.skymarked.shared.Json;

/**
 * The call-off's {@code competition} column: the mini-competition with everything decided since, and the contract,
 * cancellation and unsuccessful end of any call-off. Rows written before the typed model read the same.
 */
public final class CompetitionColumn {
    private CompetitionColumn() {
    }

    /** What the column holds besides the competition. */
    public record Ends(CallOff.Contract contract, CallOff.Cancellation cancellation, CallOff.Unsuccessful unsuccessful) {
    }

    public static String write(CallOff c) {
        ObjectNode n = c.competition().map(CompetitionColumn::competition).orElseGet(Json.MAPPER::createObjectNode);
        c.unsuccessful().ifPresent(x -> n.set("unsuccessful", CallOffJson.payload(x)));
        c.contract().ifPresent(x -> n.set("contract", CallOffJson.payload(x)));
        c.cancellation().ifPresent(x -> n.set("cancellation", CallOffJson.payload(x)));
        return n.isEmpty() ? null : Json.text(n);
    }

    private static ObjectNode competition(Competition comp) {
        ObjectNode n = CompetitionJson.storedTerms(comp.terms());
        ArrayNode questions = n.putArray("questions");
        comp.questions().forEach(q -> questions.add(CompetitionJson.question(q)));
        ArrayNode declarations = n.putArray("declarations");
        comp.declarations().forEach(d -> declarations.add(CompetitionJson.declaration(d)));
        comp.opening().ifPresent(o -> n.put("openedAt", o.openedAt().toString()).put("drawSeed", o.drawSeed())
                .put("drawSeedSha256", o.drawSeedSha256()));
        EvaluatingJson.write(comp.evaluating(), n);
        comp.evaluation().ifPresent(e -> n.set("evaluation", EvaluationJson.stored(e)));
        comp.award().ifPresent(a -> n.set("award", CompetitionJson.award(a)));
        return n;
    }

    public static Competition competition(String column) {
        if (column == null) {
            return null;
        }
        JsonNode n = Json.tree(column);
        if (!n.has("publishedAt")) {
            return null;
        }
        List<Competition.Question> questions = new ArrayList<>();
        n.path("questions").forEach(q -> questions.add(CompetitionJson.question(q)));
        List<Competition.Declaration> declarations = new ArrayList<>();
        n.path("declarations").forEach(d -> declarations.add(CompetitionJson.declaration(d)));
        Competition.Opening opening = n.has("openedAt") ? new Competition.Opening(Values.instant(n.get("openedAt")),
                Values.text(n.get("drawSeed"))) : null;
        return new Competition(CompetitionJson.terms(n), questions, declarations, opening, EvaluatingJson.read(n),
                n.has("evaluation") ? EvaluationJson.stored(n.path("evaluation")) : null,
                n.has("award") ? CompetitionJson.award(n.path("award")) : null);
    }

    public static Ends ends(String column) {
        if (column == null) {
            return new Ends(null, null, null);
        }
        JsonNode n = Json.tree(column);
        JsonNode k = n.path("contract");
        JsonNode x = n.path("cancellation");
        JsonNode u = n.path("unsuccessful");
        return new Ends(k.isObject() ? new CallOff.Contract(Values.instant(k.get("concludedAt")), Values.instant(k.get("buyerSignedAt")),
                Values.instant(k.get("supplierSignedAt"))) : null,
                x.isObject() ? new CallOff.Cancellation(x.path("reason").asText(), Values.instant(x.get("cancelledAt")),
                        x.path("cancelledBy").asText(), CallOffStatus.valueOf(x.path("statusBefore").asText())) : null,
                u.isObject() ? new CallOff.Unsuccessful(u.path("reason").asText(), Values.instant(u.get("at"))) : null);
    }
}
