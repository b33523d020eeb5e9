package no.skymarked.transparency;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;
import no.skymarked.auth.Access;
import no.skymarked.auth.Principal;
import no.skymarked.auth.Role;
import no.skymarked.calloff.CallOffFeature;
import no.skymarked.shared.Http;
import no.skymarked.shared.ProblemException;

/**
 * {@code /v1/transparency}: the signed checkpoints, the log key and consistency proofs for anyone (they reveal hashes
 * only); an event's inclusion proof for those who may read its call-off's protocol.
 */
public final class TransparencyHttpService implements HttpService {
    private static final Access.Rule PARTIES = Access.Rule.anyOf(Role.BUYER, Role.SUPPLIER, Role.AUDITOR);
    private final TransparencyLog log;
    private final CallOffFeature callOffs;

    public TransparencyHttpService(TransparencyLog log, CallOffFeature callOffs) {
        this.log = log;
        this.callOffs = callOffs;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/v1/transparency/checkpoint", this::latest)
                .get("/v1/transparency/checkpoints/{treeSize}", this::checkpoint)
                .get("/v1/transparency/key", (req, res) -> Http.json(res, TransparencyJson.key(log.key(), log.origin())))
                .get("/v1/transparency/consistency-proof", this::consistency)
                .get("/v1/call-offs/{callOffId}/protocol/{seq}/inclusion-proof", this::inclusion);
    }

    private void latest(ServerRequest req, ServerResponse res) {
        Checkpoint c = log.latest().orElseThrow(TransparencyHttpService::noCheckpoint);
        Http.json(res, TransparencyJson.checkpoint(c, log.key()));
    }

    private void checkpoint(ServerRequest req, ServerResponse res) {
        long size = longParam(Http.pathParam(req, "treeSize"), "treeSize");
        Http.json(res, TransparencyJson.checkpoint(log.at(size).orElseThrow(() -> ProblemException.notFound("Checkpoint", String.valueOf(size))),
                log.key()));
    }

    private void consistency(ServerRequest req, ServerResponse res) {
        Long from = query(req, "from");
        if (from == null) {
            throw ProblemException.badParameter("from", "is required: the tree size of the checkpoint you kept");
        }
        Long toParam = query(req, "to");
        long to = toParam != null ? toParam : log.latest().map(Checkpoint::treeSize).orElseThrow(TransparencyHttpService::noCheckpoint);
        Http.json(res, TransparencyJson.consistency(from, to, log.consistency(from, to), log.at(to), log.key()));
    }

    private void inclusion(ServerRequest req, ServerResponse res) {
        Principal caller = Access.require(req, PARTIES, "read a protocol event's inclusion proof (buyer, auditor)");
        String callOffId = Http.pathParam(req, "callOffId");
        callOffs.reading().protocol(caller, callOffId);  // who may read the protocol may see where its events are
        long seq = longParam(Http.pathParam(req, "seq"), "seq");
        Http.json(res, TransparencyJson.inclusion(log.inclusion(callOffId, seq, query(req, "treeSize"))));
    }

    private static ProblemException noCheckpoint() {
        return new ProblemException(404, "/problems/no-checkpoint-yet", "No checkpoint yet",
                "the log has not signed a checkpoint yet: one follows within seconds of the first protocol event", java.util.List.of());
    }

    /** A non-negative integer query parameter, or {@code null} when absent. */
    public static Long query(ServerRequest req, String name) {
        Optional<String> v = req.query().first(name).asOptional();
        return v.isEmpty() ? null : longParam(v.get(), name);
    }

    private static long longParam(String text, String name) {
        try {
            long v = Long.parseLong(text.trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badParameter(name, "must be a non-negative integer, got '" + text + "'");
    }
}
