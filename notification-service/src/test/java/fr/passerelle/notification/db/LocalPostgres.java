package fr.passerelle.notification.db;

import java.util.Map;

/** The local stack's PostgreSQL for notification's database tests (platform-reactive's test resource, with its role). */
public class LocalPostgres extends fr.passerelle.platform.reactive.testing.LocalPostgres {

    public LocalPostgres() {
        super("notification");
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new java.util.HashMap<>(super.start());
        // Low enough to reach in a test: the fourth message of an hour to one person waits for the digest.
        config.put("passerelle.notifications.max-per-hour", "3");
        // No relay on this port: a message the sender would try stays in the table, as the tests read it.
        config.put("quarkus.mailer.port", "1");
        return config;
    }
}
