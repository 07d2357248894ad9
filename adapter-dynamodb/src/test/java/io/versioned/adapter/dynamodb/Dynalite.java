package io.versioned.adapter.dynamodb;

import io.versioned.testsupport.DynaliteServer;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The shared dynalite server of the test JVM, one client on it, and fresh table names. */
final class Dynalite {

    private static DynamoDbClient client;

    private Dynalite() {
    }

    /** A client on the shared server, made once and kept for the life of the test JVM. */
    static synchronized DynamoDbClient client() {
        if (client == null) {
            client = DynaliteServer.shared().client();
        }
        return client;
    }

    /** A table name no test used before. */
    static String freshTableName() {
        return "versioned-" + UUID.randomUUID();
    }
}
