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

    /** Without the API key: a target may end up in a log line or an exception message. */
    @Override
    public String toString() {
        return "RemoteTarget[" + organization + "/" + dataset + " on " + kind + " " + apiUrl + ", remote organization "
                + remoteOrganization + ", dataset " + remoteDatasetId + ", resource " + remoteResourceId + "]";
    }
}
