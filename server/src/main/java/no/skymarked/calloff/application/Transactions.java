package no.skymarked.calloff.application;

import java.util.function.Supplier;

/** Runs a use case's reads and writes as one transaction: committed when it returns, rolled back when it throws. */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);
}
