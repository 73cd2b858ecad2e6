package fr.passerelle.ingest.pull;

/** What staff send to configure a dataset's export URL. */
public record PullSourceRequest(String url, Integer intervalMinutes) {
}
