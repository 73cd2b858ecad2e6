package fr.passerelle.publish.remote;

import fr.passerelle.contracts.PublicationRequested;
import java.nio.file.Path;

/** A connector to one kind of remote portal. */
interface RemotePortal {

    /** The remote ids, as soon as each exists (so they are stored before anything else can fail). */
    interface IdSink {
        void remember(String datasetId, String resourceId);
    }

    String kind();

    /** Creates the remote dataset and resource the first time; updates them in place afterwards. */
    void publish(RemoteTarget target, PublicationRequested request, Path file, IdSink ids) throws RemoteFailure;
}
