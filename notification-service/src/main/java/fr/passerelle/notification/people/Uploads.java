package fr.passerelle.notification.people;

import fr.passerelle.contracts.UploadReceived;
import fr.passerelle.platform.reactive.Columns;
import fr.passerelle.platform.reactive.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** The only writer of {@code upload}: how each file came, for the sentence a message says of it. */
@ApplicationScoped
public class Uploads {

    /** How a file came, as a message names it. */
    public record Arrival(String source, String filename) {
        public boolean dropped() {
            return "drop".equals(source);
        }
    }

    private final Transactions transactions;

    public Uploads(Transactions transactions) {
        this.transactions = transactions;
    }

    public Uni<Void> received(UploadReceived upload) {
        return transactions.mandatory(session -> session.createNativeQuery(
                        "INSERT INTO upload (upload_id, organization, dataset, source, filename, received_at)"
                                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (upload_id) DO NOTHING")
                .setParameter(1, UUID.fromString(upload.uploadId()))
                .setParameter(2, upload.organization())
                .setParameter(3, upload.dataset())
                .setParameter(4, upload.source() == null ? "upload" : upload.source())
                .setParameter(5, upload.filename())
                .setParameter(6, Columns.timestamp(upload.receivedAt()))
                .executeUpdate()).replaceWithVoid();
    }

    /** Empty when the upload's own event was not read (yet): the message then says « un fichier ». */
    public Uni<Optional<Arrival>> arrival(String uploadId) {
        return idOf(uploadId).map(id -> transactions.session(session -> session.createNativeQuery(
                                "SELECT source, filename FROM upload WHERE upload_id = ?1", Object[].class)
                        .setParameter(1, id)
                        .getResultList()).map(rows -> rows.stream().findFirst()
                        .map(row -> new Arrival((String) row[0], (String) row[1]))))
                .orElseGet(() -> Uni.createFrom().item(Optional.empty()));
    }

    /** An event's upload id, if it names one (dead letters of malformed events may carry anything). */
    public static Optional<UUID> idOf(String uploadId) {
        try {
            return Optional.of(UUID.fromString(uploadId));
        } catch (IllegalArgumentException | NullPointerException notAnUpload) {
            return Optional.empty();
        }
    }
}
