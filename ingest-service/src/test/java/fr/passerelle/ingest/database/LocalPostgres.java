package fr.passerelle.ingest.database;

/** The local stack's PostgreSQL for ingest's database tests (platform-reactive's test resource, with ingest's role). */
public class LocalPostgres extends fr.passerelle.platform.reactive.testing.LocalPostgres {

    public LocalPostgres() {
        super("ingest");
    }
}
