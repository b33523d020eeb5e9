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
 * allowances of a framework's shares add up to its maximum value (or to what is committed, when the maximum was
 * lowered below it or an award came in above its estimate), and each share's committed value stays within its
 * allowance:
 * <ul>
 * <li>a booking adds to one share (the one its call-off's id picks) with one conditional statement,
 *     {@code committed + v <= allowance and max_value = m}: it holds that share's row lock only from that statement
 *     to its commit, and call-offs on other shares never wait;</li>
 * <li>when that share has no room (or the maximum changed), every share is locked in order, the total checked against
 *     the maximum, and the free room spread again over the shares;</li>
 * <li>a release (a cascade exhausted, a cancellation, an agreed value below the estimate) subtracts from the share
 *     booked; an increase (an agreed value above the estimate, the rates having risen since) is added like a booking,
 *     and where it does not fit the allowances are spread again from what is left, none when nothing is.</li>
 * </ul>
 * So the sum of committed values never exceeds the maximum through a booking. On PostgreSQL the conditional
 * statement runs inside a savepoint: PostgreSQL keeps the row lock of an update that waited for a concurrent writer
 * and then found its condition false, and a transaction that went on to lock every share in order while holding that
 * one would deadlock with another doing the same. No framework row is locked: a call-off's insert holds a key-share lock on
 * its framework row, so locking that row for update would deadlock two first bookings.
 */
public final class ShardedValueLedger implements ValueLedger {
    static final int SHARES = 16;
    private static final String BOOK = "update framework_value_share set committed = committed + ? where framework_id = ?"
            + " and shard = ? and committed + ? <= allowance";
    private final DbSession session;
    private final boolean savepoints;

    /**
     * {@code failedUpdatesKeepLocks}: the database keeps the row lock of a conditional update that waited and then
     * updated nothing (PostgreSQL does; H2 does not, and rolling back to a savepoint while other transactions wait on
     * it fails there with "status ROLLING_BACK"), so the booking must run in a savepoint.
     */
    public ShardedValueLedger(DbSession session, boolean failedUpdatesKeepLocks) {
        this.session = session;
        this.savepoints = failedUpdatesKeepLocks;
    }

    @Override
    public Optional<BigDecimal> reserve(String frameworkId, String callOffId, BigDecimal amount, BigDecimal maxValue) {
        int share = shareOf(callOffId);
        if (bookWithin(BOOK + " and max_value = ?", amount, frameworkId, share, amount, maxValue)) {
            return Optional.empty();
        }
        List<Share> shares = lockedOrMade(frameworkId);
        BigDecimal total = total(shares);
        if (total.add(amount).compareTo(maxValue) > 0) {
            return Optional.of(total);
        }
        spread(frameworkId, shares, share, amount, maxValue);
        return Optional.empty();
    }

    /** Adds {@code change} to the share the call-off booked on: a release at once, an increase like a booking. */
    void settle(String frameworkId, String callOffId, BigDecimal change) {
        int share = session.exec().createGet("select value_shard from call_off where id = ?").params(callOffId).execute()
                .map(r -> r.column("value_shard").get(Integer.class)).orElse(0);
        if (change.signum() < 0 || bookWithin(BOOK, change, frameworkId, share, change)) {
            if (change.signum() < 0) {
                session.exec().createUpdate("update framework_value_share set committed = committed + ? where framework_id = ?"
                        + " and shard = ?").params(change, frameworkId, share).execute();
            }
            return;
        }
        List<Share> shares = lockedOrMade(frameworkId);
        BigDecimal max = session.exec().createGet("select max(max_value) as m from framework_value_share where framework_id = ?")
                .params(frameworkId).execute().map(r -> r.column("m").get(BigDecimal.class)).orElse(BigDecimal.ZERO);
        spread(frameworkId, shares, share, change, max);
    }

    /** The conditional booking, undone (with its lock) when its condition does not hold. */
    private boolean bookWithin(String sql, Object... params) {
        if (savepoints) {
            session.exec().createUpdate("savepoint value_ledger").execute();
        }
        if (session.exec().createUpdate(sql).params(params).execute() == 1) {
            return true;
        }
        if (savepoints) {
            session.exec().createUpdate("rollback to savepoint value_ledger").execute();
        }
        return false;
    }

    private record Share(int shard, BigDecimal committed) {
    }

    private List<Share> lockedOrMade(String frameworkId) {
        List<Share> shares = locked(frameworkId);
        if (shares.isEmpty()) {
            create(frameworkId);
            shares = locked(frameworkId);
        }
        return shares;
    }

    private static BigDecimal total(List<Share> shares) {
        return shares.stream().map(Share::committed).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** With every share locked: adds {@code amount} to {@code target} and spreads the room left under {@code max}. */
    private void spread(String frameworkId, List<Share> shares, int target, BigDecimal amount, BigDecimal max) {
        BigDecimal free = max.subtract(total(shares)).subtract(amount).max(BigDecimal.ZERO);
        BigDecimal each = free.divide(BigDecimal.valueOf(SHARES), 2, RoundingMode.DOWN);
        BigDecimal rest = free.subtract(each.multiply(BigDecimal.valueOf(SHARES)));
        for (Share s : shares) {
            BigDecimal committed = s.shard() == target ? s.committed().add(amount) : s.committed();
            BigDecimal allowance = committed.add(each).add(s.shard() == 0 ? rest : BigDecimal.ZERO);
            session.exec().createUpdate("update framework_value_share set committed = ?, allowance = ?, max_value = ?"
                    + " where framework_id = ? and shard = ?").params(committed, allowance, max, frameworkId, s.shard()).execute();
        }
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
