package no.skymarked.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/** Closed-loop (as fast as N connections go) and open-loop (fixed arrival rate) load, with latency percentiles. */
final class Load {
    private final String host;
    private final int port;

    Load(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** What one scenario sends: a request per call (given a sequence number) and the status it must answer. */
    record Scenario(String name, Function<Long, byte[]> request, int expectedStatus) {
    }

    /** The figures of one measured phase. */
    record Result(String scenario, String mode, int connections, double seconds, long requests, long errors,
                  double requestsPerSecond, double targetRate, double p50Ms, double p90Ms, double p99Ms, double maxMs,
                  List<String> errorSamples) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", scenario);
            m.put("mode", mode);
            m.put("connections", connections);
            m.put("seconds", round(seconds, 2));
            m.put("requests", requests);
            m.put("errors", errors);
            m.put("requestsPerSecond", round(requestsPerSecond, 1));
            if (targetRate > 0) {
                m.put("targetRate", round(targetRate, 1));
            }
            m.put("p50Ms", round(p50Ms, 3));
            m.put("p90Ms", round(p90Ms, 3));
            m.put("p99Ms", round(p99Ms, 3));
            m.put("maxMs", round(maxMs, 3));
            if (!errorSamples.isEmpty()) {
                m.put("errorSamples", errorSamples);
            }
            return m;
        }
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    private static final class Worker {
        long[] latencies = new long[1 << 16];
        int count;
        long errors;
        final List<String> errorSamples = new ArrayList<>();

        void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }

        void error(String what) {
            errors++;
            if (errorSamples.size() < 3) {
                errorSamples.add(what);
            }
        }
    }

    private final AtomicLong sequence = new AtomicLong();

    /** {@code connections} connections send back to back for the warm-up, then for {@code seconds} measured. */
    Result closed(Scenario scenario, int connections, double warmupSeconds, double seconds) throws InterruptedException {
        if (warmupSeconds > 0) {
            runClosed(scenario, connections, warmupSeconds);
        }
        return runClosed(scenario, connections, seconds);
    }

    private Result runClosed(Scenario s, int connections, double seconds) throws InterruptedException {
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        for (int c = 0; c < connections; c++) {
            Worker w = new Worker();
            workers.add(w);
            threads.add(Thread.ofVirtual().start(() -> {
                try (HttpConnection conn = new HttpConnection(host, port)) {
                    while (System.nanoTime() < end) {
                        byte[] req = s.request().apply(sequence.incrementAndGet());
                        long t0 = System.nanoTime();
                        exchange(conn, req, s, w);
                        w.record(System.nanoTime() - t0);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return summarise(s.name(), "closed", connections, elapsed, 0, workers);
    }

    /** A worker's own client for a closed loop that is not HTTP (a JDBC connection): one transaction per call. */
    interface Client extends AutoCloseable {
        void transact(long n) throws Exception;
    }

    /**
     * One platform thread per client sends transactions back to back for the warm-up, then for {@code seconds}
     * measured; the clients stay open across both (opening a JDBC connection is not part of a transaction).
     */
    static Result closed(String name, String mode, List<? extends Client> clients, double warmupSeconds, double seconds)
            throws InterruptedException {
        if (warmupSeconds > 0) {
            runClients(name, mode, clients, warmupSeconds);
        }
        return runClients(name, mode, clients, seconds);
    }

    private static Result runClients(String name, String mode, List<? extends Client> clients, double seconds)
            throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        for (Client client : clients) {
            Worker w = new Worker();
            workers.add(w);
            threads.add(Thread.ofPlatform().name(name).start(() -> {
                while (System.nanoTime() < end) {
                    long n = sequence.incrementAndGet();
                    long t0 = System.nanoTime();
                    try {
                        client.transact(n);
                    } catch (Exception e) {
                        w.error(e.toString());
                    }
                    w.record(System.nanoTime() - t0);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return summarise(name, mode, clients.size(), elapsed, 0, workers);
    }

    /**
     * Requests arrive at {@code rate} per second whatever the server does; each latency counts from when its request
     * was due, so a stall shows in the percentiles instead of lowering the load (no coordinated omission).
     */
    Result open(Scenario s, double rate, int connections, double warmupSeconds, double seconds) throws InterruptedException {
        if (warmupSeconds > 0) {
            runOpen(s, rate, connections, warmupSeconds);
        }
        return runOpen(s, rate, connections, seconds);
    }

    private Result runOpen(Scenario s, double rate, int connections, double seconds) throws InterruptedException {
        long total = Math.max(1, (long) (rate * seconds));
        AtomicLong ticket = new AtomicLong();
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime() + 10_000_000L;
        double interval = 1e9 / rate;
        for (int c = 0; c < connections; c++) {
            Worker w = new Worker();
            workers.add(w);
            threads.add(Thread.ofVirtual().start(() -> {
                try (HttpConnection conn = new HttpConnection(host, port)) {
                    for (long i = ticket.getAndIncrement(); i < total; i = ticket.getAndIncrement()) {
                        long due = start + (long) (i * interval);
                        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                            LockSupport.parkNanos(wait);
                        }
                        byte[] req = s.request().apply(sequence.incrementAndGet());
                        exchange(conn, req, s, w);
                        w.record(System.nanoTime() - due);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return summarise(s.name(), "open", connections, elapsed, rate, workers);
    }

    private static void exchange(HttpConnection conn, byte[] req, Scenario s, Worker w) {
        try {
            HttpConnection.Response r = conn.exchange(req, false);
            if (r.status() != s.expectedStatus()) {
                w.error("status " + r.status());
            }
        } catch (Exception e) {
            conn.close();
            w.error(e.toString());
        }
    }

    private static Result summarise(String name, String mode, int connections, double elapsed, double rate, List<Worker> workers) {
        int n = workers.stream().mapToInt(w -> w.count).sum();
        long[] all = new long[n];
        int at = 0;
        long errors = 0;
        List<String> samples = new ArrayList<>();
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, all, at, w.count);
            at += w.count;
            errors += w.errors;
            for (String e : w.errorSamples) {
                if (samples.size() < 5) {
                    samples.add(e);
                }
            }
        }
        Arrays.sort(all);
        return new Result(name, mode, connections, elapsed, n, errors, n / elapsed, rate,
                percentile(all, 0.50), percentile(all, 0.90), percentile(all, 0.99), n == 0 ? 0 : all[n - 1] / 1e6, samples);
    }

    /** The nearest-rank percentile, in milliseconds. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    static int random(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }
}
