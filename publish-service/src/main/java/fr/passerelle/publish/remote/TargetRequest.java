package fr.passerelle.publish.remote;

/** What staff send to publish a dataset on a data.gouv.fr-like (udata) portal too. */
public record TargetRequest(String apiUrl, String organizationId, String apiKey) {
}
