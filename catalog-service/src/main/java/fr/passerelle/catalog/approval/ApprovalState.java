package fr.passerelle.catalog.approval;

/** Where a dataset stands with its publisher, as the dataset view shows it. */
public enum ApprovalState {
    /** Never approved: the first publication waits for a publisher. */
    NOT_YET_APPROVED,
    APPROVED,
    /** Approved once, then a material change withdrew it: new versions wait until a publisher approves again. */
    WITHDRAWN;

    public static ApprovalState of(boolean approved, boolean withdrawn) {
        return approved ? APPROVED : withdrawn ? WITHDRAWN : NOT_YET_APPROVED;
    }
}
