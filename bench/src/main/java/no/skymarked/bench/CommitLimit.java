package no.skymarked.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The commit limit: the physical ceiling for any write on a database, measured from the harness over plain JDBC as
 * one-row insert-and-commit transactions back to back, one connection per worker thread (autocommit off, the
 * database's durability settings untouched). The table is the harness's own, created before and dropped after.
 */
final class CommitLimit {
    static final String TABLE = "bench_commit_limit";
    /** About the size of a call-off's title and need description together. */
    private static final String PAYLOAD = "Ytelsesmåling av grensen for varige commit-er: én rad per transaksjon, "
            + "som et avrop uten dokument";

    /** The measured phase and what it ran against (connection mode, the database's durability settings). */
    record Outcome(Load.Result result, Map<String, Object> details) {
    }

    private CommitLimit() {
    }

    static Outcome measure(String url, String user, String password, int connections, double warmupSeconds, double seconds)
            throws SQLException, InterruptedException {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", url);
        details.put("table", TABLE);
        details.put("connectionMode", "one JDBC connection per worker thread (" + connections + "), autocommit off");
        details.put("transaction", "insert one row (uuid primary key, timestamp, " + PAYLOAD.length() + "-character varchar), then commit");
        // The setup connection stays open until the end: for embedded H2 it keeps the database open throughout.
        try (Connection setup = DriverManager.getConnection(url, user, password)) {
            try (Statement st = setup.createStatement()) {
                st.execute("drop table if exists " + TABLE);
                st.execute("create table " + TABLE + " (id uuid primary key, at timestamp not null, payload varchar(200) not null)");
            }
            if (url.startsWith("jdbc:postgresql:")) {
                for (String setting : List.of("synchronous_commit", "fsync", "wal_sync_method", "commit_delay")) {
                    details.put(setting, show(setup, setting));
                }
            }
            List<Writer> writers = new ArrayList<>();
            try {
                for (int i = 0; i < connections; i++) {
                    writers.add(new Writer(DriverManager.getConnection(url, user, password)));
                }
                Load.Result result = Load.closed("commitLimit", "jdbc", writers, warmupSeconds, seconds);
                try (Statement st = setup.createStatement(); ResultSet rs = st.executeQuery("select count(*) from " + TABLE)) {
                    rs.next();
                    details.put("rowsWrittenWithWarmup", rs.getLong(1));
                }
                return new Outcome(result, details);
            } finally {
                for (Writer w : writers) {
                    w.close();
                }
                try (Statement st = setup.createStatement()) {
                    st.execute("drop table if exists " + TABLE);
                }
            }
        }
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("show " + setting)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** One worker's connection: insert one row, commit; on failure, roll back (the error is counted by the loop). */
    private static final class Writer implements Load.Client {
        private final Connection connection;
        private final PreparedStatement insert;

        Writer(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            this.insert = connection.prepareStatement("insert into " + TABLE + " (id, at, payload) values (?, ?, ?)");
        }

        @Override
        public void transact(long n) throws SQLException {
            try {
                insert.setObject(1, UUID.randomUUID());
                insert.setTimestamp(2, new Timestamp(System.currentTimeMillis()));
                insert.setString(3, PAYLOAD);
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                try {
                    connection.rollback();
                } catch (SQLException ignored) {
                    // the first failure is the one reported
                }
                throw e;
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
