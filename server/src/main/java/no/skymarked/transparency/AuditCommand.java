package no.skymarked.transparency;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import no.skymarked.calloff.domain.ChainFormat;
import no.skymarked.calloff.domain.ChainHead;
import no.skymarked.calloff.domain.ChainRecord;
import no.skymarked.calloff.domain.ChainState;
import no.skymarked.calloff.domain.ChainVerification;
import no.skymarked.calloff.domain.ProtocolEvent;
import no.skymarked.shared.Json;

/**
 * {@code audit --export FILE --checkpoint FILE [--key FILE] [--consistency FILE]}: checks a procurement file export
 * offline, without the server or its database: the checkpoint's Ed25519 signature, the call-off's hash chain (genesis,
 * links, head, state), and each event's inclusion in the checkpoint's tree; with {@code --consistency}, that a later
 * signed checkpoint extends the kept one. One line per finding ({@code OK}, {@code FAIL}, {@code NOTE}); exit code 0
 * when nothing failed, 1 when something did, 2 for unusable input.
 */
public final class AuditCommand {
    /** How long after its time an event is in the log at the latest (it is sequenced within seconds of its commit). */
    static final java.time.Duration SEQUENCING_SLACK = java.time.Duration.ofMinutes(5);
    private final PrintStream out;
    private int failures;

    private AuditCommand(PrintStream out) {
        this.out = out;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                return usage(err, "unexpected argument '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        if (!options.containsKey("checkpoint") || !options.containsKey("export") && !options.containsKey("consistency")) {
            return usage(err, "--checkpoint and --export (or --consistency) are required");
        }
        AuditCommand audit = new AuditCommand(out);
        try {
            JsonNode checkpointFile = read(options.get("checkpoint"));
            byte[] key = options.containsKey("key") ? publicKey(Files.readString(Path.of(options.get("key"))))
                    : b64(checkpointFile.path("publicKey").asText(""));
            if (!options.containsKey("key")) {
                audit.note("the key was taken from the checkpoint file: pin the log's key with --key (from /v1/transparency/key,"
                        + " kept apart from the server) so that a checkpoint made with another key fails");
            }
            Checkpoint kept = audit.checkpoint("checkpoint", checkpointFile, key);
            if (kept != null && options.containsKey("export")) {
                audit.export(read(options.get("export")), kept);
            }
            if (kept != null && options.containsKey("consistency")) {
                audit.consistency(read(options.get("consistency")), kept, key);
            }
        } catch (IOException | RuntimeException e) {
            err.println("audit: cannot read the input: " + e.getMessage());
            return 2;
        }
        out.println(audit.failures == 0 ? "RESULT verified: nothing failed"
                : "RESULT " + audit.failures + " finding(s) failed: the record is not what the checkpoint signed");
        return audit.failures == 0 ? 0 : 1;
    }

    private static int usage(PrintStream err, String why) {
        err.println("audit: " + why);
        err.println("usage: java -jar skymarked-server.jar audit --export FILE --checkpoint FILE [--key FILE] [--consistency FILE]");
        return 2;
    }

    private Checkpoint checkpoint(String what, JsonNode n, byte[] key) {
        Checkpoint c = new Checkpoint(n.path("origin").asText(), n.path("treeSize").asLong(-1), HexFormat.of().parseHex(n.path("rootHash").asText()),
                Instant.parse(n.path("issuedAt").asText()), n.path("keyId").asText(), b64(n.path("signature").asText("")));
        if (key == null || key.length == 0) {
            fail(what + ": no public key (give --key with the log's key, from /v1/transparency/key)");
            return null;
        }
        if (!c.keyId().equals(Checkpoint.keyId(key))) {
            fail(what + ": signed by key " + c.keyId() + ", not by the key given (" + Checkpoint.keyId(key) + ")");
            return null;
        }
        if (!c.verify(key)) {
            fail(what + ": the Ed25519 signature of tree size " + c.treeSize() + " does not verify with key " + Checkpoint.keyId(key));
            return null;
        }
        ok(what + ": signature verifies with key " + Checkpoint.keyId(key) + "; tree size " + c.treeSize() + ", root " + c.rootHex()
                + ", signed " + c.issuedAt());
        return c;
    }

    private void export(JsonNode file, Checkpoint kept) {
        JsonNode callOff = file.path("callOff");
        JsonNode protocol = file.path("protocol");
        String id = callOff.path("id").asText();
        if (!id.equals(protocol.path("callOffId").asText())) {
            fail("the protocol is that of call-off '" + protocol.path("callOffId").asText() + "', not of the exported call-off '" + id + "'");
            return;
        }
        List<ProtocolEvent> events = new ArrayList<>();
        for (JsonNode e : protocol.path("events")) {
            events.add(new ProtocolEvent(e.path("seq").asLong(), Instant.parse(e.path("at").asText()), e.path("actor").asText(),
                    e.path("type").asText(), Json.text(e.path("payload")), e.path("previousHash").asText(), e.path("hash").asText(),
                    e.hasNonNull("state") ? e.get("state").asText() : null, e.hasNonNull("logIndex") ? e.get("logIndex").asLong() : null));
        }
        JsonNode head = protocol.path("head");
        ChainFormat format = "UNBOUND".equals(protocol.path("chainFormat").asText()) ? ChainFormat.UNBOUND : ChainFormat.BOUND;
        ChainState state = ChainState.of(callOff.path("status").asText(), callOff.path("route").asText(),
                callOff.hasNonNull("awardedSupplierOrgNo") ? callOff.get("awardedSupplierOrgNo").asText() : null,
                callOff.path("agreedValue").hasNonNull("amount") ? new BigDecimal(callOff.path("agreedValue").get("amount").asText()) : null);
        ChainVerification v = new ChainRecord(id, format, events, head.isObject() ? new ChainHead(head.path("seq").asLong(),
                head.path("hash").asText()) : null, state).verify();
        if (v.intact()) {
            ok("chain of call-off " + id + ": " + events.size() + " events from the " + (format == ChainFormat.BOUND ? "call-off's genesis"
                    : "zero hash (unbound chain)") + " to the recorded head; state " + state.status() + " as committed");
        }
        v.findings().forEach(f -> fail("chain of call-off " + id + ", seq " + f.seq() + ": " + f.problem() + " (" + f.problem().damage()
                + "): " + f.detail()));
        inclusion(file.path("transparency"), events, kept);
    }

    private void inclusion(JsonNode transparency, List<ProtocolEvent> events, Checkpoint kept) {
        if (!transparency.isObject() || transparency.path("treeSize").asLong() != kept.treeSize()) {
            fail("the export carries no inclusion proofs for tree size " + kept.treeSize() + " (it has "
                    + (transparency.isObject() ? transparency.path("treeSize").asText() : "none") + "): export it with ?treeSize="
                    + kept.treeSize());
            return;
        }
        Map<Long, JsonNode> proofs = new HashMap<>();
        transparency.path("inclusion").forEach(p -> proofs.put(p.path("seq").asLong(), p));
        int included = 0;
        for (ProtocolEvent e : events) {
            JsonNode p = proofs.get(e.seq());
            if (p == null) {
                if (e.logIndex() != null && e.logIndex() < kept.treeSize()) {
                    fail("event seq " + e.seq() + " (leaf " + e.logIndex() + "): no inclusion proof, though the checkpoint's tree holds it");
                } else if (e.at().isBefore(kept.issuedAt().minus(SEQUENCING_SLACK))) {
                    fail("event seq " + e.seq() + " (" + e.type() + ", " + e.at() + ") is older than the checkpoint (" + kept.issuedAt()
                            + ") by more than " + SEQUENCING_SLACK.toMinutes() + " minutes, yet not in its tree");
                } else {
                    note("event seq " + e.seq() + " (" + e.type() + ") came after the checkpoint: a later checkpoint covers it");
                }
                continue;
            }
            if (e.logIndex() != null && e.logIndex() != p.path("leafIndex").asLong()) {
                fail("event seq " + e.seq() + ": its proof is for leaf " + p.path("leafIndex").asLong() + ", the event says leaf " + e.logIndex());
                continue;
            }
            List<byte[]> path = new ArrayList<>();
            p.path("path").forEach(h -> path.add(HexFormat.of().parseHex(h.asText())));
            byte[] leaf = Merkle.leafHash(HexFormat.of().parseHex(e.hash()));
            if (Merkle.verifyInclusion(p.path("leafIndex").asLong(), kept.treeSize(), leaf, path, kept.rootHash())) {
                included++;
            } else {
                fail("event seq " + e.seq() + " (" + e.type() + "): not in the tree the checkpoint signed (the inclusion proof for leaf "
                        + p.path("leafIndex").asLong() + " does not lead to root " + kept.rootHex() + ")");
            }
        }
        if (included > 0) {
            ok(included + " event(s) included in the checkpoint's tree of " + kept.treeSize());
        } else {
            fail("no event of this call-off is proven in the checkpoint's tree of " + kept.treeSize()
                    + ": nothing in the export is covered; keep a checkpoint signed after the events you audit");
        }
    }

    private void consistency(JsonNode n, Checkpoint kept, byte[] key) {
        JsonNode later = n.path("checkpoint");
        if (!later.isObject()) {
            fail("consistency: the file carries no signed checkpoint of its 'to' size");
            return;
        }
        Checkpoint newer = checkpoint("later checkpoint", later, key);
        if (newer == null) {
            return;
        }
        List<byte[]> path = new ArrayList<>();
        n.path("path").forEach(h -> path.add(HexFormat.of().parseHex(h.asText())));
        if (n.path("from").asLong() != kept.treeSize() || n.path("to").asLong() != newer.treeSize()) {
            fail("consistency: the proof is from " + n.path("from").asText() + " to " + n.path("to").asText() + ", not from the kept "
                    + kept.treeSize() + " to " + newer.treeSize());
        } else if (Merkle.verifyConsistency(kept.treeSize(), newer.treeSize(), kept.rootHash(), newer.rootHash(), path)) {
            ok("consistency: the tree of " + newer.treeSize() + " extends the kept tree of " + kept.treeSize()
                    + ": no event before the kept checkpoint was changed or removed");
        } else {
            fail("consistency: the tree of " + newer.treeSize() + " does not extend the kept tree of " + kept.treeSize()
                    + ": events before the kept checkpoint were changed or removed");
        }
    }

    private void ok(String line) {
        out.println("OK    " + line);
    }

    private void note(String line) {
        out.println("NOTE  " + line);
    }

    private void fail(String line) {
        failures++;
        out.println("FAIL  " + line);
    }

    private static JsonNode read(String file) throws IOException {
        return Json.tree(Files.readString(Path.of(file)));
    }

    private static byte[] b64(String text) {
        return text.isEmpty() ? new byte[0] : Base64.getDecoder().decode(text);
    }

    /** A public key file: PEM, or the JSON of /v1/transparency/key, or bare base64. */
    private static byte[] publicKey(String text) {
        String t = text.trim();
        if (t.startsWith("{")) {
            return b64(Json.tree(t).path("publicKey").asText(""));
        }
        return b64(t.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }
}
