package no.skymarked.client.support;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import no.skymarked.client.ApiException;

/**
 * Follows {@code nextCursor} page by page, lazily, so callers can stream every item of a listing:
 * <pre>{@code
 * APISearchServicesRequest.Builder search = APISearchServicesRequest.newBuilder()
 *         .q("arkiv").category(List.of(ServiceCategory.SAAS)).limit(100);
 * Stream<CloudService> saas = Paging.stream(cursor -> catalogue.searchServices(search.cursor(cursor).build()),
 *         ServiceSearchPage::getItems, ServiceSearchPage::getNextCursor);
 * }</pre>
 * A page that fails throws {@link ProblemException} from the stream (its type, status and errors as the API gave
 * them), also when the client was not made by {@link SkymarkedClient}; a failure without an answer (e.g. the
 * connection) throws {@link java.io.UncheckedIOException}.
 */
public final class Paging {
    private Paging() {
    }

    /** Fetches one page for a cursor ({@code null} for the first page). */
    @FunctionalInterface
    public interface PageFetcher<P> {
        P fetch(String cursor) throws ApiException;
    }

    public static <P, T> Stream<T> stream(PageFetcher<P> fetcher,
                                          java.util.function.Function<P, List<T>> items,
                                          java.util.function.Function<P, String> nextCursor) {
        Iterator<T> iterator = new Iterator<>() {
            private Iterator<T> current = List.<T>of().iterator();
            private String cursor;
            private boolean last;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && !last) {
                    P page;
                    try {
                        page = fetcher.fetch(cursor);
                    } catch (ApiException e) {
                        throw unchecked(e);
                    }
                    List<T> pageItems = items.apply(page);
                    current = pageItems == null ? List.<T>of().iterator() : pageItems.iterator();
                    cursor = nextCursor.apply(page);
                    last = cursor == null;
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
    }

    private static RuntimeException unchecked(ApiException e) {
        if (e.getCode() == 0 && e.getCause() instanceof java.io.IOException io) {
            return new java.io.UncheckedIOException("fetching a page failed: " + io.getMessage(), io);
        }
        return ProblemException.from(e);
    }
}
