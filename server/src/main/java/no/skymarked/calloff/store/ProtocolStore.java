package no.skymarked.calloff.store;

import io.helidon.dbclient.DbRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import no.skymarked.calloff.application.ProtocolEntry;
import no.skymarked.calloff.application.ProtocolLog;
import no.skymarked.calloff.domain.CallOff;
import no.skymarked.calloff.domain.ChainFormat;
import no.skymarked.calloff.domain.ChainHead;
import no.skymarked.calloff.domain.ChainRecord;
import no.skymarked.calloff.domain.ChainState;
import no.skymarked.calloff.domain.ProtocolChain;
import no.skymarked.calloff.domain.ProtocolEvent;
import no.skymarked.calloff.wire.Values;
import no.skymarked.shared.Json;
import no.skymarked.shared.Rows;

/**
 * The protocol events, each hash-chained to the one before; callers hold the call-off's row lock or version. Every
 * append continues from the head recorded on the call-off (not from the last row found, so rows removed from the end
 * stay missing) and records the new head in the same transaction. The transparency log sequences the rows afterwards
 * ({@code log_index}).
 */
public final class ProtocolStore implements ProtocolLog {
    private static final String COLUMNS = "select seq, at, actor, type, payload, previous_hash, hash, state, log_index from protocol_event";
    private final DbSession session;

    public ProtocolStore(DbSession session) {
        this.session = session;
    }

    private record Head(ChainFormat format, ChainHead head) {
    }

    @Override
    public void append(CallOff callOff, List<ProtocolEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Head head = session.exec().createGet("select chain_format, chain_head_seq, chain_head_hash from call_off where id = ?")
                .params(callOff.id()).execute().map(ProtocolStore::head)
                .orElseThrow(() -> new IllegalStateException("call-off " + callOff.id() + " is not stored"));
        insert(callOff.id(), head.format(), head.head(), ChainState.of(callOff), entries);
    }

    @Override
    public void start(CallOff callOff, List<ProtocolEntry> entries) {
        insert(callOff.id(), ChainFormat.BOUND, null, ChainState.of(callOff), entries);
    }

    /** Chains the entries after {@code head}, inserts them with one statement and records the new head. */
    private void insert(String callOffId, ChainFormat format, ChainHead head, ChainState state, List<ProtocolEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("insert into protocol_event (call_off_id, seq, at, actor, type, payload, previous_hash, hash, state)"
                + " values ");
        List<Object> params = new ArrayList<>();
        ChainHead previous = head;
        for (ProtocolEntry e : entries) {
            ProtocolEvent next = ProtocolChain.next(callOffId, format, previous, e.at(), e.actor(), e.type(), Json.text(Values.tree(e.payload())),
                    format == ChainFormat.BOUND ? state : null);
            sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
            params.addAll(java.util.Arrays.asList(callOffId, next.seq(), CallOffStore.utc(next.at()), next.actor(), next.type(),
                    next.payloadJson(), next.previousHash(), next.hash(), next.state()));
            previous = new ChainHead(next.seq(), next.hash());
        }
        session.exec().createInsert(sql.toString()).params(params).execute();
        session.exec().createUpdate("update call_off set chain_head_seq = ?, chain_head_hash = ? where id = ?")
                .params(previous.seq(), previous.hash(), callOffId).execute();
    }

    @Override
    public List<ProtocolEvent> events(String callOffId) {
        try (Stream<DbRow> rows = session.exec().createQuery(COLUMNS + " where call_off_id = ? order by seq").params(callOffId).execute()) {
            return rows.map(ProtocolStore::event).toList();
        }
    }

    @Override
    public ChainRecord chain(String callOffId) {
        return session.exec().createGet("select chain_format, chain_head_seq, chain_head_hash, status, route, awarded_org_no, agreed_value"
                        + " from call_off where id = ?").params(callOffId).execute()
                .map(r -> new ChainRecord(callOffId, head(r).format(), events(callOffId), head(r).head(),
                        ChainState.of(r.column("status").get(String.class), r.column("route").get(String.class),
                                r.column("awarded_org_no").get(String.class), r.column("agreed_value").get(BigDecimal.class))))
                .orElseGet(() -> new ChainRecord(callOffId, ChainFormat.BOUND, events(callOffId), null, null));
    }

    private static Head head(DbRow r) {
        Long seq = r.column("chain_head_seq").get(Long.class);
        return new Head(ChainFormat.of(r.column("chain_format").get(Integer.class)),
                seq == null ? null : new ChainHead(seq, r.column("chain_head_hash").get(String.class)));
    }

    static ProtocolEvent event(DbRow r) {
        return new ProtocolEvent(r.column("seq").get(Long.class), Rows.instant(r, "at"), r.column("actor").get(String.class),
                r.column("type").get(String.class), r.column("payload").get(String.class),
                r.column("previous_hash").get(String.class), r.column("hash").get(String.class), r.column("state").get(String.class),
                r.column("log_index").get(Long.class));
    }
}
