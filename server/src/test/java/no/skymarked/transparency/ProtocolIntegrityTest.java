package no.skymarked.transparency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import io.helidon.dbclient.DbClient;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import no.skymarked.MutableClock;
import no.skymarked.calloff.domain.ChainFormat;
import no.skymarked.calloff.domain.ChainHead;
import no.skymarked.calloff.domain.ProtocolChain;
import no.skymarked.calloff.domain.ProtocolEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record an auditor can verify without trusting the database: damage done with database write access is named by
 * the protocol's verification, and a consistent rewrite of a whole chain by the checkpoint an auditor kept, through
 * the offline verifier and the consistency proof.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ProtocolIntegrityTest {
    private static final String DT2 = "oslo-digitale-tjenester-2";
    private static final String LOT = "programmering";
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    @RegisterExtension
    static final no.skymarked.TestServerExtension SERVER = new no.skymarked.TestServerExtension(CLOCK);
    private static String buyer;
    private static String auditor;
    private static String rankOne;

    @TempDir
    Path dir;

    @BeforeAll
    static void accede() {
        buyer = SERVER.server().token("991825827", "skymarked:buyer");
        auditor = SERVER.server().token("983887457", "skymarked:auditor");
        given().auth().oauth2(buyer).post("/v1/frameworks/" + DT2 + "/accessions").then().statusCode(201);
        List<String> ranked = given().get("/v1/frameworks/" + DT2).jsonPath()
                .getList("lots.find { it.id == '" + LOT + "' }.suppliers.sort { it.rank }.orgNo");
        rankOne = ranked.get(0);
    }

    private static String create() {
        String need = java.util.UUID.randomUUID().toString();
        return given().auth().oauth2(buyer).contentType("application/json").body("{\"frameworkId\": \"" + DT2 + "\", \"lotId\": \"" + LOT
                        + "\", \"title\": \"Tjeneste " + need + "\", \"needDescription\": \"Behov " + need + "\","
                        + " \"estimatedHours\": [{\"roleId\": \"DEVELOPER\", \"hours\": \"40\"}]}")
                .post("/v1/call-offs").then().statusCode(201).extract().jsonPath().getString("id");
    }

    /** A direct award accepted by rank 1. */
    private static String awarded() {
        String id = create();
        String supplier = SERVER.server().token(rankOne, "skymarked:supplier");
        String offer = given().auth().oauth2(supplier).get("/v1/call-offs/" + id + "/offers").jsonPath().getString("items[0].id");
        given().auth().oauth2(supplier).contentType("application/json").body("{\"decision\": \"ACCEPT\"}")
                .post("/v1/call-offs/" + id + "/offers/" + offer + "/response").then().statusCode(200);
        return id;
    }

    private static JsonPath protocol(String id) {
        return given().auth().oauth2(auditor).get("/v1/call-offs/" + id + "/protocol").then().statusCode(200).extract().jsonPath();
    }

    private static DbClient db() {
        return SERVER.server().running().context().db();
    }

    private static TransparencyLog log() {
        return SERVER.server().running().transparency();
    }

    @Test
    void aFreshCallOffsChainIsBoundToItsIdAndRecordsItsHead() {
        String id = awarded();
        JsonPath p = protocol(id);
        assertThat(p.getString("chainFormat"), is("BOUND"));
        assertThat(p.getString("events[0].previousHash"), is(ProtocolChain.genesis(id)));
        assertThat(p.getString("genesisHash"), is(ProtocolChain.genesis(id)));
        int last = p.getList("events").size() - 1;
        assertThat(p.getLong("head.seq"), is(p.getLong("events[" + last + "].seq")));
        assertThat(p.getString("head.hash"), is(p.getString("events[" + last + "].hash")));
        assertThat(p.getString("events[" + last + "].state"), containsString("\"status\":\"AWARDED\""));
        assertThat(p.getBoolean("verification.intact"), is(true));
    }

    @Test
    void deletingTheLastProtocolRowIsNamedTailDeleted() {
        String id = awarded();
        db().execute().delete("delete from protocol_event where call_off_id = ? and seq = (select max(seq) from protocol_event where call_off_id = ?)",
                id, id);
        JsonPath p = protocol(id);
        assertThat(p.getBoolean("verification.intact"), is(false));
        assertThat(p.getList("verification.findings.problem"), hasItem("TAIL_DELETED"));
        assertThat(p.getList("verification.findings.damage"), hasItem("tail deleted"));
    }

    @Test
    void rowsTransplantedBetweenCallOffsAreNamed() {
        String from = awarded();
        String into = create();
        long intoLast = protocol(into).getLong("head.seq");
        db().execute().update("update protocol_event set call_off_id = ? where call_off_id = ? and seq > ?", into, from, intoLast);
        JsonPath p = protocol(into);
        assertThat(p.getBoolean("verification.intact"), is(false));
        assertThat(p.getString("verification.findings[0].problem"), is("ROW_TRANSPLANTED"));
        assertThat(p.getLong("verification.findings[0].seq"), is(intoLast + 1));
        assertThat(protocol(from).getList("verification.findings.problem"), hasItem("TAIL_DELETED"));
    }

    @Test
    void anAgreedValueEditedOnTheCallOffRowIsNamed() {
        String id = awarded();
        db().execute().update("update call_off set agreed_value = 1.00 where id = ?", id);
        JsonPath p = protocol(id);
        assertThat(p.getList("verification.findings.problem"), hasItem("STATE_MISMATCH"));
        assertThat(p.getString("verification.findings.find { it.problem == 'STATE_MISMATCH' }.detail"), containsString("\"agreedValue\":\"1\""));
    }

    @Test
    void anAwardIsCheckpointedAndTheSignatureVerifiesWithTheJdkAlone() throws Exception {
        String id = awarded();
        log().tick();
        JsonPath p = protocol(id);
        long awardLeaf = p.getLong("events.find { it.type == 'AWARDED' }.logIndex");
        JsonPath checkpoint = given().get("/v1/transparency/checkpoint").then().statusCode(200).extract().jsonPath();
        assertThat(checkpoint.getLong("treeSize"), greaterThan(awardLeaf));
        byte[] publicKey = Base64.getDecoder().decode(given().get("/v1/transparency/key").jsonPath().getString("publicKey"));
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(publicKey)));
        ed25519.update(checkpoint.getString("note").getBytes(StandardCharsets.UTF_8));
        assertThat(ed25519.verify(Base64.getDecoder().decode(checkpoint.getString("signature"))), is(true));
        assertThat(checkpoint.getString("note"), containsString("\n" + checkpoint.getLong("treeSize") + "\n"
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(checkpoint.getString("rootHash"))) + "\n"));
        ed25519.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(publicKey)));
        ed25519.update(checkpoint.getString("note").replace("\n" + checkpoint.getLong("treeSize") + "\n", "\n1\n").getBytes(StandardCharsets.UTF_8));
        assertThat(ed25519.verify(Base64.getDecoder().decode(checkpoint.getString("signature"))), is(false));
    }

    @Test
    void anEventsInclusionProofOverHttpLeadsToTheCheckpointsRoot() {
        String id = awarded();
        log().tick();
        JsonPath checkpoint = given().get("/v1/transparency/checkpoint").jsonPath();
        long size = checkpoint.getLong("treeSize");
        JsonPath proof = given().auth().oauth2(buyer).get("/v1/call-offs/" + id + "/protocol/1/inclusion-proof?treeSize=" + size)
                .then().statusCode(200).extract().jsonPath();
        List<byte[]> path = proof.getList("path", String.class).stream().map(HexFormat.of()::parseHex).toList();
        byte[] leaf = Merkle.leafHash(HexFormat.of().parseHex(protocol(id).getString("events[0].hash")));
        assertThat(Merkle.verifyInclusion(proof.getLong("leafIndex"), size, leaf, path, HexFormat.of().parseHex(checkpoint.getString("rootHash"))),
                is(true));
        given().get("/v1/call-offs/" + id + "/protocol/1/inclusion-proof").then().statusCode(401);
        given().auth().oauth2(SERVER.server().token("920058817", "skymarked:buyer"))
                .get("/v1/call-offs/" + id + "/protocol/1/inclusion-proof").then().statusCode(404);
        given().auth().oauth2(buyer).get("/v1/call-offs/" + id + "/protocol/1/inclusion-proof?treeSize=" + (size + 1_000_000))
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].parameter", is("treeSize"));
    }

    @Test
    void eventsWithoutAnAwardAreCheckpointedOnceTheLastCheckpointIsOlderThanTheMaximumAge() {
        awarded();
        log().tick();
        long signed = log().latest().orElseThrow().treeSize();
        create();  // no award: not signed at once
        log().tick();
        assertThat(log().latest().orElseThrow().treeSize(), is(signed));
        assertThat(log().size(), greaterThan(signed));
        CLOCK.advance(Duration.ofSeconds(31));
        log().tick();
        assertThat(log().latest().orElseThrow().treeSize(), is(log().size()));
    }

    /** Last: after it the log of this class's server refuses to sign (its rows no longer give the kept root). */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void aConsistentRewriteOfAWholeChainIsCaughtByTheKeptCheckpoint() throws Exception {
        String id = awarded();
        log().tick();
        Path kept = dir.resolve("checkpoint.json");
        Files.writeString(kept, given().get("/v1/transparency/checkpoint").asString());
        long keptSize = JsonPath.from(kept.toFile()).getLong("treeSize");
        Path before = dir.resolve("before.json");
        Files.writeString(before, given().auth().oauth2(auditor).get("/v1/call-offs/" + id + "/export?treeSize=" + keptSize).asString());
        Result clean = audit("--export", before.toString(), "--checkpoint", kept.toString());
        assertThat(clean.output(), clean.exit(), is(0));
        assertThat(clean.output(), containsString("RESULT verified"));

        rewrite(id);
        assertThat("a consistent rewrite passes the chain's own checks", protocol(id).getBoolean("verification.intact"), is(true));
        log().reload();  // a server reading the database again (a restart, or another server)
        Path after = dir.resolve("after.json");
        Files.writeString(after, given().auth().oauth2(auditor).get("/v1/call-offs/" + id + "/export?treeSize=" + keptSize).asString());
        Result caught = audit("--export", after.toString(), "--checkpoint", kept.toString());
        assertThat(caught.output(), caught.exit(), is(1));
        assertThat(caught.output(), containsString("not in the tree the checkpoint signed"));

        create();
        CLOCK.advance(Duration.ofSeconds(31));
        log().tick();
        assertThat("the server signs no tree that does not extend its last checkpoint", log().latest().orElseThrow().treeSize(),
                is(keptSize));
        // an operator who signs the rewritten tree anyway (it holds the key): the kept checkpoint shows it does not extend
        long size = log().size();
        Checkpoint forged = log().key().sign(log().origin(), size, log().root(size), CLOCK.instant());
        com.fasterxml.jackson.databind.node.ObjectNode proof = (com.fasterxml.jackson.databind.node.ObjectNode) no.skymarked.shared.Json.tree(
                given().get("/v1/transparency/consistency-proof?from=" + keptSize + "&to=" + size).then().statusCode(200).extract().asString());
        proof.set("checkpoint", TransparencyJson.checkpoint(forged, log().key()));
        Path consistency = dir.resolve("consistency.json");
        Files.writeString(consistency, proof.toString());
        assertThat(Merkle.verifyConsistency(keptSize, size, HexFormat.of().parseHex(JsonPath.from(kept.toFile()).getString("rootHash")),
                forged.rootHash(), proof.findValuesAsText("path").isEmpty() ? List.of()
                        : JsonPath.from(proof.toString()).getList("path", String.class).stream().map(HexFormat.of()::parseHex).toList()), is(false));
        Result inconsistent = audit("--checkpoint", kept.toString(), "--consistency", consistency.toString());
        assertThat(inconsistent.output(), inconsistent.exit(), is(1));
        assertThat(inconsistent.output(), containsString("does not extend the kept tree"));
    }

    @Test
    void anUntouchedLogIsConsistentWithAKeptCheckpoint() throws Exception {
        awarded();
        log().tick();
        Path kept = dir.resolve("kept.json");
        Files.writeString(kept, given().get("/v1/transparency/checkpoint").asString());
        awarded();
        log().tick();
        Path consistency = dir.resolve("consistency.json");
        Files.writeString(consistency, given().get("/v1/transparency/consistency-proof?from=" + JsonPath.from(kept.toFile()).getLong("treeSize"))
                .then().statusCode(200).extract().asString());
        Result r = audit("--checkpoint", kept.toString(), "--consistency", consistency.toString());
        assertThat(r.output(), r.exit(), is(0));
        assertThat(r.output(), containsString("extends the kept tree"));
        given().get("/v1/transparency/consistency-proof").then().statusCode(400).body("errors[0].parameter", is("from"));
    }

    @Test
    void anExportWithProofsForAnotherSizeOrATamperedSignatureFails() throws Exception {
        String id = awarded();
        log().tick();
        Path kept = dir.resolve("kept.json");
        String checkpoint = given().get("/v1/transparency/checkpoint").asString();
        long size = JsonPath.from(checkpoint).getLong("treeSize");
        Files.writeString(kept, checkpoint.replaceFirst("\"signature\":\"[A-Za-z0-9+/]", "\"signature\":\"" + (checkpoint.contains("\"signature\":\"A") ? "B" : "A")));
        Path export = dir.resolve("export.json");
        Files.writeString(export, given().auth().oauth2(auditor).get("/v1/call-offs/" + id + "/export?treeSize=" + size).asString());
        Result forged = audit("--export", export.toString(), "--checkpoint", kept.toString());
        assertThat(forged.output(), forged.exit(), is(1));
        assertThat(forged.output(), containsString("does not verify"));
        assertThat(audit("--export", export.toString()).exit(), is(2));
    }

    @Test
    void aForgedExportOrAnotherKeyIsNotVerified() throws Exception {
        String id = awarded();
        String other = awarded();
        log().tick();
        Path kept = dir.resolve("kept.json");
        Files.writeString(kept, given().get("/v1/transparency/checkpoint").asString());
        long size = JsonPath.from(kept.toFile()).getLong("treeSize");
        String export = given().auth().oauth2(auditor).get("/v1/call-offs/" + id + "/export?treeSize=" + size).asString();
        // every event's proof and leaf taken away, against a checkpoint signed 10 minutes after the events
        CLOCK.advance(Duration.ofMinutes(10));
        create();
        log().tick();
        Path laterCheckpoint = dir.resolve("later.json");
        Files.writeString(laterCheckpoint, given().get("/v1/transparency/checkpoint").asString());
        long laterSize = JsonPath.from(laterCheckpoint.toFile()).getLong("treeSize");
        String laterExport = given().auth().oauth2(auditor).get("/v1/call-offs/" + id + "/export?treeSize=" + laterSize).asString();
        com.fasterxml.jackson.databind.node.ObjectNode strippedLater = (com.fasterxml.jackson.databind.node.ObjectNode) no.skymarked.shared.Json.tree(laterExport);
        ((com.fasterxml.jackson.databind.node.ObjectNode) strippedLater.get("transparency")).putArray("inclusion");
        strippedLater.get("protocol").get("events").forEach(e -> ((com.fasterxml.jackson.databind.node.ObjectNode) e).remove("logIndex"));
        Path forged = dir.resolve("forged.json");
        Files.writeString(forged, strippedLater.toString());
        Result stripResult = audit("--export", forged.toString(), "--checkpoint", laterCheckpoint.toString());
        assertThat(stripResult.output(), stripResult.exit(), is(1));
        assertThat(stripResult.output(), containsString("yet not in its tree"));
        // another call-off's protocol under this call-off
        com.fasterxml.jackson.databind.node.ObjectNode swapped = (com.fasterxml.jackson.databind.node.ObjectNode) no.skymarked.shared.Json.tree(export);
        swapped.set("protocol", no.skymarked.shared.Json.tree(given().auth().oauth2(auditor)
                .get("/v1/call-offs/" + other + "/export?treeSize=" + size).asString()).get("protocol"));
        Files.writeString(forged, swapped.toString());
        Result swapResult = audit("--export", forged.toString(), "--checkpoint", kept.toString());
        assertThat(swapResult.output(), swapResult.exit(), is(1));
        assertThat(swapResult.output(), containsString("not of the exported call-off"));
        // a key the auditor pinned that did not sign the checkpoint
        Path otherKey = dir.resolve("other.key");
        Files.writeString(otherKey, Base64.getEncoder().encodeToString(LogKey.generate().publicKey()));
        Path exportFile = dir.resolve("export.json");
        Files.writeString(exportFile, export);
        Result keyResult = audit("--export", exportFile.toString(), "--checkpoint", kept.toString(), "--key", otherKey.toString());
        assertThat(keyResult.output(), keyResult.exit(), is(1));
        assertThat(keyResult.output(), containsString("not by the key given"));
        Path realKey = dir.resolve("log.key");
        Files.writeString(realKey, given().get("/v1/transparency/key").asString());
        Result pinned = audit("--export", exportFile.toString(), "--checkpoint", kept.toString(), "--key", realKey.toString());
        assertThat(pinned.output(), pinned.exit(), is(0));
        assertThat(pinned.output(), not(containsString("pin the log's key")));
    }

    /** Rewrites every row of the call-off's chain with another title, hashed as the server would, and its head. */
    private static void rewrite(String id) {
        List<ProtocolEvent> rows = new ArrayList<>();
        db().execute().query("select seq, at, actor, type, payload, previous_hash, hash, state, log_index from protocol_event"
                + " where call_off_id = ? order by seq", id).forEach(r -> rows.add(new ProtocolEvent(r.column("seq").get(Long.class),
                no.skymarked.shared.Rows.instant(r, "at"), r.column("actor").get(String.class), r.column("type").get(String.class),
                r.column("payload").get(String.class), r.column("previous_hash").get(String.class), r.column("hash").get(String.class),
                r.column("state").get(String.class), r.column("log_index").get(Long.class))));
        ChainHead head = null;
        for (ProtocolEvent e : rows) {
            String payload = e.seq() == 1 ? e.payloadJson().replace("Tjeneste ", "Endret tjeneste ") : e.payloadJson();
            ProtocolEvent forged = ProtocolChain.next(id, ChainFormat.BOUND, head, e.at(), e.actor(), e.type(), payload,
                    null);
            String hash = forgedHash(id, e, payload, head);
            db().execute().update("update protocol_event set payload = ?, previous_hash = ?, hash = ? where call_off_id = ? and seq = ?",
                    payload, forged.previousHash(), hash, id, e.seq());
            head = new ChainHead(e.seq(), hash);
        }
        assertThat(rows.get(0).payloadJson(), not(is(rows.get(0).payloadJson().replace("Tjeneste ", "Endret tjeneste "))));
        db().execute().update("update call_off set chain_head_hash = ? where id = ?", head.hash(), id);
    }

    private static String forgedHash(String id, ProtocolEvent e, String payload, ChainHead head) {
        String previous = head == null ? ProtocolChain.genesis(id) : head.hash();
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(
                    ProtocolChain.canonical(id, e.seq(), e.at(), e.actor(), e.type(), payload, e.state(), previous).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result audit(String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = new String[options.length + 1];
        args[0] = "audit";
        System.arraycopy(options, 0, args, 1, options.length);
        int exit = AuditCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void sizesAreMonotonic() {
        long before = log().size();
        create();
        log().tick();
        assertThat(log().size(), greaterThanOrEqualTo(before + 1));
        assertThat(before, lessThan(log().size()));
    }
}
