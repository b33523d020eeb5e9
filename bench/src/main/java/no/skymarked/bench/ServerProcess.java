package no.skymarked.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged server as a child process: its commands, its start (timed from outside) and its memory. */
final class ServerProcess implements AutoCloseable {
    private static final Pattern UP = Pattern.compile("Skymarked is up .* in (\\d+) ms");
    private final Process process;
    private final Path log;
    final int port;
    final double startupSeconds;

    private ServerProcess(Process process, Path log, int port, double startupSeconds) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.startupSeconds = startupSeconds;
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Runs {@code java -jar <server jar> <args>} to the end; returns its standard output, fails on a non-zero exit. */
    static String command(Path serverJar, Map<String, String> env, Path log, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-jar", serverJar.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(log.getParent(), "out", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        int exit = pb.start().waitFor();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed with exit " + exit + "; see " + log);
        }
        return text;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts the server and waits until {@code /health/live} answers 200; the time to that is the startup time. */
    static ServerProcess start(Path serverJar, Map<String, String> env, Path log) throws IOException, InterruptedException {
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-jar", serverJar.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        pb.environment().put("SERVER_PORT", Integer.toString(port));
        long t0 = System.nanoTime();
        Process p = pb.start();
        byte[] live = HttpConnection.get("/health/live");
        while (true) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the server exited with " + p.exitValue() + " while starting; see " + log);
            }
            if (System.nanoTime() - t0 > 300_000_000_000L) {
                p.destroyForcibly();
                throw new IllegalStateException("the server did not start within 5 minutes; see " + log);
            }
            try (HttpConnection c = new HttpConnection("127.0.0.1", port)) {
                if (c.exchange(live, false).status() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        return new ServerProcess(p, log, port, (System.nanoTime() - t0) / 1e9);
    }

    /** The startup time the server logged itself (config to listening), when it did. */
    Long reportedStartupMillis() throws IOException {
        Matcher m = UP.matcher(Files.readString(log, StandardCharsets.UTF_8));
        return m.find() ? Long.parseLong(m.group(1)) : null;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** How the process ended: 143 is SIGTERM from outside (the harness stops the server only after measuring). */
    String exitDescription() {
        return process.isAlive() ? "running" : "exit code " + process.exitValue() + ", log " + log;
    }

    long pid() {
        return process.pid();
    }

    /** A line of /proc/<pid>/status in MiB, e.g. VmRSS (resident now) or VmHWM (peak resident). */
    double memoryMiB(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
