package no.skymarked.client.support;

import java.net.http.HttpRequest;
import java.util.function.Consumer;
import java.util.function.Supplier;
import no.skymarked.client.ApiClient;

/**
 * Adds {@code Authorization: Bearer <token>} to every request, asking {@code tokens} each time, so a supplier that
 * caches and refreshes Maskinporten tokens keeps working for the life of the client:
 * <pre>{@code
 * ApiClient client = BearerTokens.install(SkymarkedClient.create(baseUri), myMaskinportenTokenCache::currentToken);
 * }</pre>
 * ({@link SkymarkedClient#create(String, Supplier)} does both in one call.)
 */
public final class BearerTokens {
    private BearerTokens() {
    }

    public static ApiClient install(ApiClient client, Supplier<String> tokens) {
        Consumer<HttpRequest.Builder> previous = client.getRequestInterceptor();
        client.setRequestInterceptor(builder -> {
            if (previous != null) {
                previous.accept(builder);
            }
            String token = tokens.get();
            if (token != null && !token.isBlank()) {
                builder.setHeader("Authorization", "Bearer " + token);
            }
        });
        return client;
    }
}
