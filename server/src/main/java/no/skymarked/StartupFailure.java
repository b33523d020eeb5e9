package no.skymarked;

import io.helidon.config.Config;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.SQLException;

/**
 * Why the server could not start, in one line with the fix: the port taken, the data directory used by another
 * server, the database out of reach, a bad setting. {@link #describe} turns any startup exception into that line.
 */
public final class StartupFailure extends IllegalStateException {
    public StartupFailure(String line) {
        super(line);
    }

    /** Refuses before anything else starts when the configured port is taken (port 0, any free port, is never). */
    static void requirePortFree(Config config) {
        int port = config.get("server.port").asInt().orElse(8080);
        if (port == 0) {
            return;
        }
        String host = config.get("server.host").asString().orElse("0.0.0.0");
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new StartupFailure("port " + port + " is in use (another server runs there?): stop it, or start on another"
                    + " port with SERVER_PORT=8081");
        }
    }

    /** One line for {@code e}: the known causes by name with their fix, anything else with its root cause. */
    public static String describe(Throwable e) {
        if (e instanceof StartupFailure) {
            return "Skymarked could not start: " + e.getMessage();
        }
        String all = chain(e);
        if (all.contains("Database may be already in use") || all.contains("Locked by another process")
                || all.contains("file is locked")) {
            return "Skymarked could not start: the data directory is in use by another Skymarked server (the embedded H2 database"
                    + " allows one): stop that server, or give this one its own directory with SKYMARKED_DATA_DIR (several"
                    + " servers share a database only on PostgreSQL, DB_URL=jdbc:postgresql://…)";
        }
        SQLException sql = find(e, SQLException.class);
        if (sql != null && (all.contains("Connection refused") || all.contains("connection attempt failed")
                || all.contains("UnknownHost") || "08001".equals(sql.getSQLState()) || "08006".equals(sql.getSQLState())
                || "28P01".equals(sql.getSQLState()) || "3D000".equals(sql.getSQLState()))) {
            return "Skymarked could not start: cannot reach the database (" + root(e).getMessage() + "): check DB_URL, DB_USERNAME"
                    + " and DB_PASSWORD and that PostgreSQL runs";
        }
        if (find(e, io.helidon.config.ConfigException.class) != null || find(e, java.time.format.DateTimeParseException.class) != null
                || find(e, NumberFormatException.class) != null) {
            return "Skymarked could not start: a setting is not valid (" + root(e).getMessage() + "): see the configuration table"
                    + " in the README";
        }
        Throwable root = root(e);
        return "Skymarked could not start: " + root.getClass().getSimpleName() + ": " + root.getMessage()
                + " (run with --debug for the stack)";
    }

    private static String chain(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            out.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return out.toString();
    }

    private static Throwable root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
