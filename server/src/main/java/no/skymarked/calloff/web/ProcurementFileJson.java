package no.skymarked.calloff.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.skymarked.calloff.application.ProcurementFile;
import no.skymarked.calloff.wire.CallOffJson;
import no.skymarked.calloff.wire.CompetitionJson;
import no.skymarked.calloff.wire.EvaluationJson;
import no.skymarked.calloff.wire.TenderJson;
import no.skymarked.shared.Json;

/** The procurement file as exported: the call-off, questions, tenders, evaluation, notices, declarations, protocol. */
final class ProcurementFileJson {
    private ProcurementFileJson() {
    }

    static ObjectNode view(ProcurementFile f) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("callOff", CallOffJson.view(f.callOff()));
        ArrayNode questions = out.putArray("questions");
        f.questions().forEach(q -> questions.add(CompetitionJson.question(q, f.viewer(), f.readerOrgNo())));
        ArrayNode tenders = out.putArray("tenders");
        f.tenders().forEach(t -> tenders.add(TenderJson.view(t)));
        if (f.tendersSealedUntil() != null) {
            out.put("tendersSealedUntil", f.tendersSealedUntil().toString());
        }
        if (f.tendersNeverOpened()) {
            out.put("tendersNeverOpened", true);
        }
        if (f.evaluation() != null) {
            out.set("evaluation", EvaluationJson.view(f.evaluation()));
        }
        ArrayNode notices = out.putArray("notices");
        f.notices().forEach(n -> notices.add(EvaluationJson.notice(n, f.evaluation())));
        ArrayNode declarations = out.putArray("conflictDeclarations");
        f.declarations().forEach(d -> declarations.add(CompetitionJson.declaration(d)));
        out.set("protocol", Views.protocol(f.chain()));
        return out;
    }
}
