package fr.passerelle.publish.remote;

/** A remote portal a dataset is published on, with what it takes to update it in place. */
public record RemoteTarget(
        String organization,
        String dataset,
        String kind,
        String apiUrl,
        String remoteOrganization,
        String apiKey,
        String remoteDatasetId,
        String remoteResourceId) {
}
