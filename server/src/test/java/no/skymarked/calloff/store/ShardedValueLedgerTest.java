package no.skymarked.calloff.store;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import no.skymarked.TestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The value ledger on the test database (H2, or PostgreSQL with -Dskymarked.test.db=postgresql). */
class ShardedValueLedgerTest {
    @RegisterExtension
    static final TestServerExtension SERVER = new TestServerExtension();
    private static final String FRAMEWORK = "oslo-digitale-tjenester-2";

    private static DbSession session() {
        return new DbSession(SERVER.server().running().context().db());
    }

    /** A call-off id whose share is one of the first {@code shares}, so that bookings meet on few shares. */
    private static String idOnShares(int shares) {
        while (true) {
            String id = UUID.randomUUID().toString();
            if (ShardedValueLedger.shareOf(id) < shares) {
                return id;
            }
        }
    }

    private static BigDecimal committed(DbSession session, String framework) {
        return session.inTransaction(() -> session.exec().createGet("select coalesce(sum(committed), 0) as c from framework_value_share"
                        + " where framework_id = ?").params(framework).execute().map(r -> r.column("c").get(BigDecimal.class))
                .orElseThrow());
    }

    @Test
    void concurrentBookingsOnFewSharesNeverPassTheMaximumNorDeadlock() throws Exception {
        DbSession session = session();
        ShardedValueLedger ledger = new ShardedValueLedger(session, SERVER.server().database().isPostgres());
        BigDecimal max = new BigDecimal("1000.00");
        BigDecimal amount = new BigDecimal("10.00");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> booked = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int t = 0; t < 16; t++) {
            pool.submit(() -> {
                go.await();
                for (int i = 0; i < 15; i++) {
                    String id = idOnShares(2);
                    try {
                        Optional<BigDecimal> refused = session.inTransaction(() -> ledger.reserve(FRAMEWORK, id, amount, max));
                        if (refused.isEmpty()) {
                            booked.add(id);
                        }
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS), is(true));
        assertThat(failures.stream().map(ShardedValueLedgerTest::rootCause).toList(), is(empty()));
        BigDecimal total = committed(session, FRAMEWORK);
        assertThat(total, lessThanOrEqualTo(max));
        assertThat(total.compareTo(amount.multiply(BigDecimal.valueOf(booked.size()))), is(0));
        assertThat(booked.size(), is(100));  // 240 tried; the maximum holds exactly 100
    }

    private static String rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return t + " caused by " + root;
    }

    @Test
    void anIncreaseThatDoesNotFitLeavesNoRoomForFurtherBookings() {
        DbSession session = session();
        ShardedValueLedger ledger = new ShardedValueLedger(session, SERVER.server().database().isPostgres());
        String framework = "oslo-digitale-tjenester-2";
        BigDecimal max = new BigDecimal("1000000.00");
        String first = idOnShares(1);  // on share 0: settle finds it there without a call-off row
        AtomicReference<Optional<BigDecimal>> answer = new AtomicReference<>();
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            others.add(UUID.randomUUID().toString());
        }
        String fresh = "ledger-test-" + UUID.randomUUID();
        session.inTransaction(() -> {
            session.exec().createInsert("insert into framework (id, title_nb, status, document, version, updated_at)"
                    + " select ?, title_nb, status, document, version, updated_at from framework where id = ?")
                    .params(fresh, framework).execute();
            return null;
        });
        assertThat(session.inTransaction(() -> ledger.reserve(fresh, first, new BigDecimal("100000.00"), max)).isEmpty(), is(true));
        // the award comes in far above the estimate (rates raised since): 100 000 → 990 000
        session.inTransaction(() -> {
            ledger.settle(fresh, first, new BigDecimal("890000.00"));
            return null;
        });
        assertThat(committed(session, fresh).compareTo(new BigDecimal("990000.00")), is(0));
        for (String id : others) {
            answer.set(session.inTransaction(() -> ledger.reserve(fresh, id, new BigDecimal("20000.00"), max)));
            assertThat(id, answer.get().isPresent(), is(true));  // 990 000 + 20 000 > 1 000 000: refused on every share
        }
        assertThat(session.inTransaction(() -> ledger.reserve(fresh, others.get(0), new BigDecimal("10000.00"), max)).isEmpty(), is(true));
        assertThat(committed(session, fresh).compareTo(max), is(0));
    }
}
