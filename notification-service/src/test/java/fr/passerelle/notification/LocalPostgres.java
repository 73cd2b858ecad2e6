package fr.passerelle.notification;

/** The local stack's PostgreSQL for notification's database tests (platform-reactive's test resource, its role). */
public class LocalPostgres extends fr.passerelle.platform.reactive.testing.LocalPostgres {

    public LocalPostgres() {
        super("notification");
    }
}
