package no.skymarked.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.skymarked.shared.Json;

/**
 * A webhook receiver on loopback (JDK HTTP server): answers the verification event with its challenge (unless told not
 * to), answers events with the statuses it is given in turn (then 200), and keeps every request for the test to check.
 */
final class Receiver implements AutoCloseable {
    /** One request as received, with the status it was answered with. */
    record Request(String body, Map<String, List<String>> headers, int answered) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }

        JsonNode json() {
            return Json.tree(body);
        }

        boolean verification() {
            return WebhookSubscriptions.VERIFICATION.equals(json().path("type").asText());
        }
    }

    private final HttpServer server;
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private volatile boolean echoChallenge = true;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
            boolean verification = WebhookSubscriptions.VERIFICATION.equals(Json.tree(body).path("type").asText());
            int status;
            String answer = "";
            synchronized (this) {
                status = verification ? 200 : statuses.isEmpty() ? 200 : statuses.poll();
                if (verification && echoChallenge) {
                    answer = "{\"challenge\": \"" + Json.tree(body).path("data").path("challenge").asText() + "\"}";
                }
                requests.add(new Request(body, headers, status));
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    synchronized void answerNext(Integer... next) {
        statuses.addAll(List.of(next));
    }

    void echoChallenge(boolean echo) {
        this.echoChallenge = echo;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized List<Request> events() {
        return requests.stream().filter(r -> !r.verification()).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
