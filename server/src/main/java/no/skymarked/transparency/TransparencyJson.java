package no.skymarked.transparency;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import no.skymarked.shared.Json;

/** The JSON shapes of checkpoints, keys and proofs: hashes in lower-case hex, key and signature in base64. */
public final class TransparencyJson {
    private TransparencyJson() {
    }

    public static ObjectNode checkpoint(Checkpoint c, LogKey key) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("origin", c.origin()).put("treeSize", c.treeSize()).put("rootHash", c.rootHex())
                .put("issuedAt", c.issuedAt().toString()).put("keyId", c.keyId())
                .put("signature", Base64.getEncoder().encodeToString(c.signature())).put("note", c.note());
        if (key != null && key.id().equals(c.keyId())) {
            n.put("publicKey", Base64.getEncoder().encodeToString(key.publicKey()));
        }
        return n;
    }

    public static ObjectNode key(LogKey key, String origin) {
        return Json.MAPPER.createObjectNode().put("origin", origin).put("keyId", key.id()).put("algorithm", "Ed25519")
                .put("publicKey", Base64.getEncoder().encodeToString(key.publicKey()))
                .put("pem", "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.publicKey())
                        + "\n-----END PUBLIC KEY-----\n");
    }

    public static ObjectNode inclusion(TransparencyLog.Inclusion i) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("callOffId", i.callOffId()).put("seq", i.seq()).put("eventHash", i.eventHash())
                .put("leafIndex", i.leafIndex()).put("treeSize", i.treeSize()).put("rootHash", HexFormat.of().formatHex(i.rootHash()));
        path(n, i.path());
        return n;
    }

    public static ObjectNode consistency(long from, long to, List<byte[]> proof, Optional<Checkpoint> checkpoint, LogKey key) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("from", from).put("to", to);
        path(n, proof);
        checkpoint.ifPresent(c -> n.set("checkpoint", checkpoint(c, key)));
        return n;
    }

    /**
     * The transparency part of a procurement file export: the tree size the proofs are for, its root, its signed
     * checkpoint when there is one, and the inclusion proof of every event of the call-off the tree holds.
     */
    public static Optional<ObjectNode> export(TransparencyLog log, String callOffId, Long treeSize) {
        long size = treeSize != null ? treeSize : log.latest().map(Checkpoint::treeSize).orElse(0L);
        if (size <= 0 && treeSize == null) {
            return Optional.empty();
        }
        if (size <= 0 || size > log.size()) {
            throw no.skymarked.shared.ProblemException.badParameter("treeSize", "must be within 1.." + log.size() + " (the log's size)");
        }
        List<TransparencyLog.Inclusion> proofs = log.inclusions(callOffId, size);
        ObjectNode n = Json.MAPPER.createObjectNode().put("treeSize", size).put("rootHash", HexFormat.of().formatHex(log.root(size)));
        log.at(size).ifPresent(c -> n.set("checkpoint", checkpoint(c, log.key())));
        ArrayNode list = n.putArray("inclusion");
        for (TransparencyLog.Inclusion i : proofs) {
            ObjectNode item = list.addObject().put("seq", i.seq()).put("leafIndex", i.leafIndex());
            path(item, i.path());
        }
        return Optional.of(n);
    }

    private static void path(ObjectNode n, List<byte[]> proof) {
        ArrayNode path = n.putArray("path");
        proof.forEach(p -> path.add(HexFormat.of().formatHex(p)));
    }
}
