package fr.passerelle.ingest.upload;

/**
 * Where an upload stands. The rank orders them: events from different topics may arrive out of
 * order, and a status never moves back. Final statuses share the highest rank.
 */
public enum UploadStatus {
    RECEIVED(0),
    CHECKING(1),
    CHECKED(2),
    AWAITING_APPROVAL(3),
    PUBLISHING(4),
    PUBLISHED(9),
    REJECTED(9),
    BLOCKED(9),
    /** A publisher refused the version it made: it will never be published. */
    REFUSED(9),
    FAILED(9);

    private final int rank;

    UploadStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public boolean isFinal() {
        return rank == 9;
    }
}
