package no.skymarked.calloff.store;

import io.helidon.dbclient.DbRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import no.skymarked.calloff.application.ValueLedger;

/**
 * The framework's maximum value in {@value #SHARES} shares (table {@code framework_value_share}). Invariant: the
 * allowances of a framework's shares add up to its maximum value (or to what is committed, when an editor lowered
 * the maximum below it), and each share's committed value stays within its allowance:
 * <ul>
 * <li>a booking adds to one share with one conditional statement, {@code committed + v <= allowance and max_value = m}:
 *     it holds that share's row lock only from that statement to its commit, and call-offs on other shares never wait;</li>
 * <li>when that share has no room (or the maximum changed), every share is locked in order, the total checked against the
 *     maximum, and the free room spread again over the shares;</li>
 * <li>releases (a cascade exhausted, a cancellation, an agreed value below the estimate) subtract from the share booked.</li>
 * </ul>
 * No framework row is locked: a call-off's insert holds a key-share lock on its framework row, so locking that row
 * for update would deadlock two first bookings.
 * So the sum of committed values never exceeds the sum of allowances, which is the maximum value.
 */
public final class ShardedValueLedger implements ValueLedger {
    static final int SHARES = 16;
    private final DbSession session;

    public ShardedValueLedger(DbSession session) {
        this.session = session;
    }

    @Override
    public Optional<BigDecimal> reserve(String frameworkId, String callOffId, BigDecimal amount, BigDecimal maxValue) {
        int share = shareOf(callOffId);
        long booked = session.exec().createUpdate("update framework_value_share set committed = committed + ? where framework_id = ?"
                        + " and shard = ? and max_value = ? and committed + ? <= allowance")
                .params(amount, frameworkId, share, maxValue, amount).execute();
        if (booked == 1) {
            return Optional.empty();
        }
        return rebalance(frameworkId, callOffId, amount, maxValue, share);
    }

    /** Adds {@code change} (negative: a release) to the share the call-off booked on. */
    void settle(String frameworkId, String callOffId, BigDecimal change) {
        session.exec().createUpdate("update framework_value_share set committed = committed + ? where framework_id = ?"
                + " and shard = (select coalesce(value_shard, 0) from call_off where id = ?)").params(change, frameworkId, callOffId).execute();
    }

    private record Share(int shard, BigDecimal committed) {
    }

    private Optional<BigDecimal> rebalance(String frameworkId, String callOffId, BigDecimal amount, BigDecimal maxValue, int target) {
        List<Share> shares = locked(frameworkId);
        if (shares.isEmpty()) {
            create(frameworkId);
            shares = locked(frameworkId);
        }
        BigDecimal total = shares.stream().map(Share::committed).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.add(amount).compareTo(maxValue) > 0) {
            return Optional.of(total);
        }
        BigDecimal free = maxValue.subtract(total).subtract(amount);
        BigDecimal each = free.divide(BigDecimal.valueOf(SHARES), 2, RoundingMode.DOWN);
        BigDecimal rest = free.subtract(each.multiply(BigDecimal.valueOf(SHARES)));
        for (Share s : shares) {
            BigDecimal committed = s.shard() == target ? s.committed().add(amount) : s.committed();
            BigDecimal allowance = committed.add(each).add(s.shard() == 0 ? rest : BigDecimal.ZERO);
            session.exec().createUpdate("update framework_value_share set committed = ?, allowance = ?, max_value = ?"
                    + " where framework_id = ? and shard = ?").params(committed, allowance, maxValue, frameworkId, s.shard()).execute();
        }
        return Optional.empty();
    }

    private List<Share> locked(String frameworkId) {
        try (Stream<DbRow> rows = session.exec().createQuery("select shard, committed from framework_value_share where framework_id = ?"
                + " order by shard for update").params(frameworkId).execute()) {
            return new ArrayList<>(rows.map(r -> new Share(r.column("shard").get(Integer.class), r.column("committed").get(BigDecimal.class)))
                    .toList());
        }
    }

    /**
     * The shares of a framework's first booking (frameworks that existed before the ledger got theirs with it). Every
     * call-off books through the ledger, so a framework without shares holds nothing yet; concurrent first bookings
     * make them once (the others' inserts do nothing) and then take turns under the shares' locks.
     */
    private void create(String frameworkId) {
        for (int i = 0; i < SHARES; i++) {
            session.exec().createInsert("insert into framework_value_share (framework_id, shard, committed, allowance, max_value)"
                    + " values (?, ?, 0, 0, -1) on conflict do nothing").params(frameworkId, i).execute();
        }
    }

    /** The share a call-off books on, fixed by its id (the call-off row keeps it as {@code value_shard}). */
    static int shareOf(String callOffId) {
        return Math.floorMod(callOffId.hashCode(), SHARES);
    }
}
