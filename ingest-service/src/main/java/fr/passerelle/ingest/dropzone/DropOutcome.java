package fr.passerelle.ingest.dropzone;

/** What became of a file that arrived without a person. */
public enum DropOutcome {
    /** Being handled by an instance. */
    PENDING,
    /** Became an upload, which then follows the pipeline like any other. */
    INGESTED,
    /** The dataset already received these exact bytes: no new version. */
    DUPLICATE,
    /** Moved aside to {@code rejected/…} with a reason a person can read. */
    REJECTED,
    /**
     * Its notification was dead-lettered: the reason says why in French, until an operator replays it
     * (the object stays in the dropzone meanwhile, and the reconciler leaves it to the replay).
     */
    FAILED
}
