package fr.passerelle.catalog.db;

/** The local stack's PostgreSQL for catalog's database tests (platform-reactive's test resource, with catalog's role). */
public class LocalPostgres extends fr.passerelle.platform.reactive.testing.LocalPostgres {

    public LocalPostgres() {
        super("catalog");
    }
}
