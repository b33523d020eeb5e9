package no.skymarked.events;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.skymarked.auth.Role;
import no.skymarked.shared.Rows;

/**
 * Webhook subscriptions and their delivery state in the database, so deliveries go on after a restart and on any server
 * sharing it. A delivery worker holds a subscription by a lease (a token valid until an instant); its writes apply
 * only while it still holds it, so a replay or a deletion in between wins.
 */
public final class SubscriptionStore {
    private static final String COLUMNS = "select id, org_no, roles, url, secret, description, status, disabled_reason, pos, attempts,"
            + " next_attempt_at, last_attempt_at, last_response_status, last_error, delivered_count, created_at from webhook_subscription";
    private final DbClient db;

    public SubscriptionStore(DbClient db) {
        this.db = db;
    }

    void insert(Subscription s) {
        db.execute().createInsert("insert into webhook_subscription (id, org_no, roles, url, secret, description, status, pos, attempts,"
                        + " delivered_count, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)")
                .params(s.id(), s.orgNo(), s.roles().stream().map(Role::name).sorted().collect(Collectors.joining(" ")), s.url(), s.secret(),
                        s.description(), s.status(), s.position(), utc(s.createdAt()))
                .execute();
    }

    Optional<Subscription> find(String id) {
        return db.execute().createGet(COLUMNS + " where id = ?").params(id).execute().map(SubscriptionStore::read);
    }

    List<Subscription> ofOrg(String orgNo) {
        try (Stream<DbRow> rows = db.execute().createQuery(COLUMNS + " where org_no = ? order by created_at, id").params(orgNo).execute()) {
            return rows.map(SubscriptionStore::read).toList();
        }
    }

    boolean delete(String id) {
        return db.execute().createDelete("delete from webhook_subscription where id = ?").params(id).execute() == 1;
    }

    /** Delivers again from after {@code position}, active again, with no failures and any lease broken. */
    boolean replay(String id, long position) {
        return db.execute().createUpdate("update webhook_subscription set pos = ?, status = 'ACTIVE', disabled_reason = null, attempts = 0,"
                        + " next_attempt_at = null, last_error = null, lease_token = null, lease_until = null where id = ?")
                .params(position, id).execute() == 1;
    }

    /** Active subscriptions due for delivery at {@code now} and not held by a worker. */
    List<String> due(Instant now) {
        try (Stream<DbRow> rows = db.execute().createQuery("select id from webhook_subscription where status = 'ACTIVE'"
                        + " and (next_attempt_at is null or next_attempt_at <= ?) and (lease_until is null or lease_until < ?) order by id")
                .params(utc(now), utc(now)).execute()) {
            return rows.map(r -> r.column("id").get(String.class)).toList();
        }
    }

    /** Takes the lease of a due subscription until {@code until}; false when another worker holds it or it is not due. */
    boolean lease(String id, String token, Instant now, Instant until) {
        return db.execute().createUpdate("update webhook_subscription set lease_token = ?, lease_until = ? where id = ? and status = 'ACTIVE'"
                        + " and (next_attempt_at is null or next_attempt_at <= ?) and (lease_until is null or lease_until < ?)")
                .params(token, utc(until), id, utc(now), utc(now)).execute() == 1;
    }

    /** The receiver acknowledged the event at {@code position}; the lease is extended to {@code leaseUntil}. */
    boolean delivered(String id, String token, long position, Instant at, int status, Instant leaseUntil) {
        return db.execute().createUpdate("update webhook_subscription set pos = ?, attempts = 0, next_attempt_at = null, last_attempt_at = ?,"
                        + " last_response_status = ?, last_error = null, delivered_count = delivered_count + 1, lease_until = ?"
                        + " where id = ? and lease_token = ?")
                .params(position, utc(at), status, utc(leaseUntil), id, token).execute() == 1;
    }

    /** A failed attempt: retried at {@code retryAt}, or the subscription disabled when that is null. */
    boolean failed(String id, String token, int attempts, Instant at, Integer status, String error, Instant retryAt, String disabledReason) {
        return db.execute().createUpdate("update webhook_subscription set attempts = ?, last_attempt_at = ?, last_response_status = ?,"
                        + " last_error = ?, next_attempt_at = ?, status = ?, disabled_reason = ?, lease_token = null, lease_until = null"
                        + " where id = ? and lease_token = ?")
                .params(attempts, utc(at), status, error, retryAt == null ? null : utc(retryAt),
                        disabledReason == null ? Subscription.ACTIVE : Subscription.DISABLED, disabledReason, id, token)
                .execute() == 1;
    }

    void release(String id, String token) {
        db.execute().createUpdate("update webhook_subscription set lease_token = null, lease_until = null where id = ? and lease_token = ?")
                .params(id, token).execute();
    }

    private static Subscription read(DbRow r) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(r.column("roles").get(String.class).split(" ")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(roles::add);
        return new Subscription(r.column("id").get(String.class), r.column("org_no").get(String.class), roles,
                r.column("url").get(String.class), r.column("secret").get(String.class), r.column("description").get(String.class),
                r.column("status").get(String.class), r.column("disabled_reason").get(String.class), r.column("pos").get(Long.class),
                r.column("attempts").get(Integer.class), Rows.instant(r, "next_attempt_at"), Rows.instant(r, "last_attempt_at"),
                r.column("last_response_status").get(Integer.class), r.column("last_error").get(String.class),
                r.column("delivered_count").get(Long.class), Rows.instant(r, "created_at"));
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
