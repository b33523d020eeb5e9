package no.skymarked.client.support;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;
import no.skymarked.client.ApiClient;

/**
 * Makes the {@link ApiClient} to give the generated API classes ({@code CatalogueApi}, {@code CallOffsApi}, …):
 * <pre>{@code
 * ApiClient client = SkymarkedClient.create("https://skymarked.example.no", tokens::current);
 * CatalogueApi catalogue = new CatalogueApi(client);
 * }</pre>
 * Through it every error answer (4xx, 5xx) throws a {@link ProblemException}; amounts and hours
 * ({@link java.math.BigDecimal}) are sent as plain decimal strings, never in exponent notation; an enum value this SDK
 * does not know yet (a newer server) reads as {@code UNKNOWN_DEFAULT_OPEN_API}; and, with a token supplier, each
 * request carries {@code Authorization: Bearer <token>} (see {@link BearerTokens}).
 */
public final class SkymarkedClient {
    private SkymarkedClient() {
    }

    /** A client of the API at {@code baseUri} (e.g. {@code http://localhost:8080}), without a token. */
    public static ApiClient create(String baseUri) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri);
        return configure(client);
    }

    /** A client of the API at {@code baseUri} that asks {@code tokens} for a bearer token on every request. */
    public static ApiClient create(String baseUri, Supplier<String> tokens) {
        return BearerTokens.install(create(baseUri), tokens);
    }

    /**
     * Sets up a client made otherwise (e.g. with its own {@code HttpClient.Builder}) as {@link #create(String)} does:
     * its object mapper, and a response interceptor (after any it has) that throws {@link ProblemException}.
     */
    public static ApiClient configure(ApiClient client) {
        ObjectMapper mapper = client.getObjectMapper().copy();
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE);
        client.setObjectMapper(mapper);
        client.setResponseInterceptor(throwingProblems(client.getResponseInterceptor(), mapper));
        client.setAsyncResponseInterceptor(throwingProblems(client.getAsyncResponseInterceptor(), mapper));
        return client;
    }

    private static Consumer<HttpResponse<InputStream>> throwingProblems(Consumer<HttpResponse<InputStream>> previous, ObjectMapper mapper) {
        return response -> {
            if (previous != null) {
                previous.accept(response);
            }
            if (response.statusCode() >= 400) {
                throw ProblemException.of(response.statusCode(), response.headers(), body(response), mapper);
            }
        };
    }

    private static String body(HttpResponse<InputStream> response) {
        try (InputStream in = ApiClient.getResponseBody(response)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the error answer (HTTP " + response.statusCode() + ") failed", e);
        }
    }
}
