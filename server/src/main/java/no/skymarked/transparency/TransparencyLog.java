package no.skymarked.transparency;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import no.skymarked.calloff.application.KeyEncryptionKey;
import no.skymarked.calloff.store.DbSession;
import no.skymarked.shared.ProblemException;
import no.skymarked.shared.Rows;

/**
 * The transparency log over every protocol event of every call-off. A sequencer gives each committed protocol row the
 * next leaf index (in commit order, under the lock of {@code transparency_log}'s one row, so several servers sharing a
 * database append to one log) and signs a checkpoint when the tree grew and either an award or contract entered it or
 * the last checkpoint is older than {@code maxAge}. Leaf entry = the row's 32-byte hash. Each server keeps the leaf
 * hashes in memory ({@link MerkleTree}) to answer roots and proofs.
 */
public final class TransparencyLog implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TransparencyLog.class.getName());
    /** Events after which a checkpoint is signed at once: the award of a direct call-off, an award decision, a contract. */
    static final Set<String> DECISIVE = Set.of("AWARDED", "AWARD_DECIDED", "CONTRACT_CONCLUDED");
    private static final int BATCH = 1000;

    private final DbSession session;
    private final Clock clock;
    private final String origin;
    private final Duration maxAge;
    private final LogKey key;
    private volatile MerkleTree tree = new MerkleTree();
    private long reportedDamage = -1;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "skymarked-transparency");
        t.setDaemon(true);
        return t;
    });

    private TransparencyLog(DbSession session, Clock clock, String origin, Duration maxAge, LogKey key) {
        this.session = session;
        this.clock = clock;
        this.origin = origin;
        this.maxAge = maxAge;
        this.key = key;
    }

    /**
     * Opens the log over the database: its signing key (made at the first start, kept wrapped by {@code kek}), the leaves
     * so far, and the earlier protocol rows sequenced by the sequencer's first run, which starts at once in the background.
     * {@code period} is how often the sequencer runs (zero: once now, then only when asked).
     */
    public static TransparencyLog open(DbClient db, KeyEncryptionKey kek, Clock clock, String origin, Duration maxAge, Duration period) {
        DbSession session = new DbSession(db);
        TransparencyLog log = new TransparencyLog(session, clock, origin, maxAge, signingKey(session, kek, clock));
        if (period.isZero()) {
            log.tick();
            return log;
        }
        // the first run at once, but off the start: an upgraded database may have many earlier rows to sequence
        log.executor.scheduleWithFixedDelay(() -> {
            try {
                log.tick();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Sequencing the transparency log failed; will try again", e);
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return log;
    }

    private static LogKey signingKey(DbSession session, KeyEncryptionKey kek, Clock clock) {
        return session.inTransaction(() -> {
            lockLog(session);
            Optional<LogKey> stored = session.exec().createGet("select key_id, public_key, wrapped_private_key, kek_id from transparency_key"
                    + " order by created_at, key_id limit 1").execute().map(r -> {
                        String id = r.column("key_id").get(String.class);
                        byte[] pub = Base64.getDecoder().decode(r.column("public_key").get(String.class));
                        byte[] wrapped = Base64.getDecoder().decode(r.column("wrapped_private_key").get(String.class));
                        try {
                            return LogKey.of(kek.unwrap(wrapped, context(id)), pub);
                        } catch (IllegalStateException otherKek) {
                            LOG.warning(() -> "The transparency log key " + id + " was wrapped by key-encryption key "
                                    + r.column("kek_id").get(String.class) + ", not this server's " + kek.id()
                                    + ": this server serves checkpoints and proofs but signs none");
                            return LogKey.publicOnly(pub);
                        }
                    });
            if (stored.isPresent()) {
                return stored.get();
            }
            LogKey fresh = LogKey.generate();
            session.exec().createInsert("insert into transparency_key (key_id, algorithm, public_key, wrapped_private_key, kek_id, created_at)"
                            + " values (?, 'Ed25519', ?, ?, ?, ?)")
                    .params(fresh.id(), Base64.getEncoder().encodeToString(fresh.publicKey()),
                            Base64.getEncoder().encodeToString(kek.wrap(fresh.privateKeyEncoded(), context(fresh.id()))), kek.id(),
                            Rows.utc(clock.instant()))
                    .execute();
            return fresh;
        });
    }

    private static String context(String keyId) {
        return "skymarked transparency log key " + keyId;
    }

    private static void lockLog(DbSession session) {
        session.exec().createUpdate("update transparency_log set tree_size = tree_size where id = 1").execute();
    }

    /** Sequences what committed since, then signs a checkpoint when the policy asks for one. */
    public synchronized Optional<Checkpoint> tick() {
        boolean decisive = sequence();
        refresh();
        Optional<Checkpoint> last = latest();
        long size = tree.size();
        if (size == 0 || last.isPresent() && last.get().treeSize() >= size) {
            return Optional.empty();
        }
        if (!key.canSign() || !extendsLast(last)) {
            return Optional.empty();
        }
        boolean due = last.isEmpty() || decisive || !last.get().issuedAt().plus(maxAge).isAfter(clock.instant());
        return due ? Optional.of(publish(size)) : Optional.empty();
    }

    /**
     * Whether the leaves read from the database still give the root the last checkpoint signed. An honest log never
     * signs a tree that does not extend its last checkpoint: when rows before it were changed or removed in the
     * database, this server stops signing and says so (once per checkpoint).
     */
    private boolean extendsLast(Optional<Checkpoint> last) {
        if (last.isEmpty() || last.get().treeSize() > tree.size()
                || java.util.Arrays.equals(tree.root(last.get().treeSize()), last.get().rootHash())) {
            return true;
        }
        if (reportedDamage != last.get().treeSize()) {
            reportedDamage = last.get().treeSize();
            LOG.severe(() -> "The protocol rows in the database no longer give the root of checkpoint " + last.get().treeSize()
                    + " (" + last.get().rootHex() + "): an event before it was changed or removed outside the server. No checkpoint"
                    + " is signed until this is resolved; restore the rows from a backup and compare with the auditors' checkpoints.");
        }
        return false;
    }

    /** Gives the committed protocol rows without a leaf the next leaf indexes; whether a decisive event was among them. */
    boolean sequence() {
        boolean decisive = false;
        while (true) {
            boolean pending = session.exec().createGet("select seq from protocol_event where log_index is null limit 1").execute().isPresent();
            if (!pending) {
                return decisive;
            }
            record Row(String callOffId, long seq, String type) {
            }
            List<Row> batch = session.inTransaction(() -> {
                lockLog(session);
                long size = session.exec().createGet("select tree_size from transparency_log where id = 1").execute()
                        .orElseThrow().column("tree_size").get(Long.class);
                List<Row> rows;
                try (Stream<DbRow> found = session.exec().createQuery("select call_off_id, seq, type from protocol_event where log_index is null"
                        + " order by at, call_off_id, seq limit " + BATCH).execute()) {
                    rows = found.map(r -> new Row(r.column("call_off_id").get(String.class), r.column("seq").get(Long.class),
                            r.column("type").get(String.class))).toList();
                }
                long next = size;
                for (Row r : rows) {
                    session.exec().createUpdate("update protocol_event set log_index = ? where call_off_id = ? and seq = ?")
                            .params(next++, r.callOffId(), r.seq()).execute();
                }
                session.exec().createUpdate("update transparency_log set tree_size = ? where id = 1").params(next).execute();
                return rows;
            });
            decisive |= batch.stream().anyMatch(r -> DECISIVE.contains(r.type()));
            if (batch.size() < BATCH) {
                return decisive;
            }
        }
    }

    /** Reads the leaves appended since this server last looked. */
    public synchronized void refresh() {
        long size = session.exec().createGet("select tree_size from transparency_log where id = 1").execute()
                .orElseThrow().column("tree_size").get(Long.class);
        MerkleTree t = tree;
        if (t.size() >= size) {
            return;
        }
        try (Stream<DbRow> rows = session.exec().createQuery("select log_index, hash from protocol_event where log_index >= ? and log_index < ?"
                + " order by log_index").params(t.size(), size).execute()) {
            rows.forEachOrdered(r -> {
                long index = r.column("log_index").get(Long.class);
                if (index != t.size()) {
                    LOG.severe("The transparency log misses leaf " + t.size() + " (found " + index + "): a protocol row was removed"
                            + " outside the server");
                    throw new ProblemException(503, "/problems/transparency-log-damaged", "Transparency log damaged",
                            "the database no longer holds leaf " + t.size() + " of the transparency log: a protocol row was removed"
                                    + " outside the server; the operator must restore it", List.of());
                }
                t.append(Merkle.leafHash(HexFormat.of().parseHex(r.column("hash").get(String.class))));
            });
        }
    }

    /** Forgets the leaves held in memory and reads them again from the database (as a restarted server would). */
    public synchronized void reload() {
        tree = new MerkleTree();
        refresh();
    }

    private Checkpoint publish(long size) {
        Checkpoint c = key.sign(origin, size, tree.root(size), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        try {
            session.exec().createInsert("insert into transparency_checkpoint (tree_size, root_hash, issued_at, key_id, signature)"
                            + " values (?, ?, ?, ?, ?)")
                    .params(size, c.rootHex(), Rows.utc(c.issuedAt()), c.keyId(), Base64.getEncoder().encodeToString(c.signature()))
                    .execute();
            return c;
        } catch (RuntimeException e) {
            // another server signed this size first
            return at(size).orElseThrow(() -> e);
        }
    }

    public Optional<Checkpoint> latest() {
        return session.exec().createGet("select tree_size, root_hash, issued_at, key_id, signature from transparency_checkpoint"
                + " order by tree_size desc limit 1").execute().map(this::checkpoint);
    }

    public Optional<Checkpoint> at(long treeSize) {
        return session.exec().createGet("select tree_size, root_hash, issued_at, key_id, signature from transparency_checkpoint"
                + " where tree_size = ?").params(treeSize).execute().map(this::checkpoint);
    }

    private Checkpoint checkpoint(DbRow r) {
        return new Checkpoint(origin, r.column("tree_size").get(Long.class), HexFormat.of().parseHex(r.column("root_hash").get(String.class)),
                Rows.instant(r, "issued_at"), r.column("key_id").get(String.class),
                Base64.getDecoder().decode(r.column("signature").get(String.class)));
    }

    public LogKey key() {
        return key;
    }

    public String origin() {
        return origin;
    }

    /** An event's place in the log and its audit path to the root of a tree size. */
    public record Inclusion(String callOffId, long seq, String eventHash, long leafIndex, long treeSize, byte[] rootHash, List<byte[]> path) {
    }

    /**
     * The inclusion proof of the call-off's event {@code seq} in the tree of {@code treeSize} leaves (the latest
     * checkpoint's when {@code null}); 409 when the event is not in that tree yet.
     */
    public Inclusion inclusion(String callOffId, long seq, Long treeSize) {
        DbRow row = session.exec().createGet("select hash, log_index from protocol_event where call_off_id = ? and seq = ?")
                .params(callOffId, seq).execute()
                .orElseThrow(() -> ProblemException.notFound("Protocol event", callOffId + "/" + seq));
        String hash = row.column("hash").get(String.class);
        Long index = row.column("log_index").get(Long.class);
        long size = size(treeSize);
        if (index == null || index >= size) {
            throw new ProblemException(409, "/problems/not-yet-in-log", "Not yet in the log", "event " + seq + " of call-off " + callOffId
                    + " is not in the tree of " + size + " leaves" + (index == null ? " (it is being sequenced; ask again in a moment)"
                    : " (its leaf is " + index + ")"), List.of());
        }
        return new Inclusion(callOffId, seq, hash, index, size, tree.root(size), tree.inclusionProof(index, size));
    }

    /** The inclusion proofs of every event of a call-off that the tree of {@code treeSize} holds. */
    public List<Inclusion> inclusions(String callOffId, long treeSize) {
        refresh();
        List<Inclusion> out = new ArrayList<>();
        try (Stream<DbRow> rows = session.exec().createQuery("select seq, hash, log_index from protocol_event where call_off_id = ?"
                + " and log_index is not null and log_index < ? order by seq").params(callOffId, treeSize).execute()) {
            rows.forEachOrdered(r -> {
                long index = r.column("log_index").get(Long.class);
                out.add(new Inclusion(callOffId, r.column("seq").get(Long.class), r.column("hash").get(String.class), index, treeSize,
                        tree.root(treeSize), tree.inclusionProof(index, treeSize)));
            });
        }
        return out;
    }

    /** The consistency proof between two tree sizes. */
    public List<byte[]> consistency(long from, long to) {
        refresh();
        if (from < 1 || to < from || to > tree.size()) {
            throw ProblemException.badParameter(from < 1 || to < from ? "from" : "to", "sizes must satisfy 1 <= from <= to <= "
                    + tree.size() + " (the log's size)");
        }
        return tree.consistencyProof(from, to);
    }

    /** The number of leaves, as this server last read it. */
    public long size() {
        refresh();
        return tree.size();
    }

    public byte[] root(long size) {
        refresh();
        return tree.root(size);
    }

    private long size(Long treeSize) {
        long size = treeSize == null ? latest().map(Checkpoint::treeSize).orElse(0L) : treeSize;
        refresh();  // after reading the checkpoint: another server may just have signed a larger tree
        if (size < 0 || size > tree.size()) {
            throw ProblemException.badParameter("treeSize", "must be within 0.." + tree.size() + " (the log's size)");
        }
        return size;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
