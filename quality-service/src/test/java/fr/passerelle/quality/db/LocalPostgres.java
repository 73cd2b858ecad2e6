package fr.passerelle.quality.db;

/** The local stack's PostgreSQL for quality's database tests (platform-reactive's test resource, with quality's role). */
public class LocalPostgres extends fr.passerelle.platform.reactive.testing.LocalPostgres {

    public LocalPostgres() {
        super("quality");
    }
}
