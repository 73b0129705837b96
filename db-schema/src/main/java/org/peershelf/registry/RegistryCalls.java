package org.peershelf.registry;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import java.util.function.Supplier;
import org.peershelf.protocol.registry.RegistryUnavailableException;
import org.peershelf.registry.connection.RegistryFailures;

/**
 * The one place where driver exceptions become {@link RegistryUnavailableException}. Not logged here:
 * the caller that handles the exception (retry, outbox, UI) logs it once.
 */
final class RegistryCalls {
    private final MongoClient client;
    private final String address;

    RegistryCalls(MongoClient client, String address) {
        this.client = client;
        this.address = address;
    }

    <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (MongoException e) {
            throw RegistryFailures.unavailable(address, e, client.getClusterDescription());
        }
    }

    void run(Runnable operation) {
        call(() -> {
            operation.run();
            return null;
        });
    }
}
