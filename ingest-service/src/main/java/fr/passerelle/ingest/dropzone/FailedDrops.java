package fr.passerelle.ingest.dropzone;

import fr.passerelle.contracts.MalformedEventException;
import fr.passerelle.platform.deadletter.DeadLetter;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/** Drops whose notification was dead-lettered: each becomes a FAILED drop with its French reason. */
@ApplicationScoped
public class FailedDrops {

    private static final Logger LOG = Logger.getLogger(FailedDrops.class);

    private final Drops drops;
    private final DropIngestor ingestor;

    public FailedDrops(Drops drops, DropIngestor ingestor) {
        this.drops = drops;
        this.ingestor = ingestor;
    }

    /** @param notification the dead letter's payload: the S3 event notification that could not be handled */
    public Uni<Void> record(DeadLetter letter, String notification) {
        List<DetectedObject> objects;
        try {
            objects = BucketNotification.createdObjects(notification).stream()
                    .filter(object -> ingestor.isDropzone(object.bucket()) && !DropKey.isRejected(object.key()))
                    .toList();
        } catch (MalformedEventException e) {
            // Not a notification at all: no drop to speak of; the dead letter stays on the ops page.
            LOG.debugf("Dead letter %s names no drop: %s", letter.id(), e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(objects)
                .onItem().transformToUniAndConcatenate(object -> drops.fail(object, letter.forPerson(), letter.id()))
                .collect().last().replaceWithVoid();
    }

    /** An operator replayed the dead letter. */
    public Uni<Void> replayed(String deadLetterId) {
        return drops.forgetFailures(deadLetterId);
    }
}
