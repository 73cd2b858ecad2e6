package fr.passerelle.catalog.version;

/** The life of a version in the catalogue. */
public enum VersionState {
    /** The dataset has never been approved: a publisher must approve it first. */
    AWAITING_APPROVAL,
    PUBLICATION_REQUESTED,
    PUBLISHED,
    PUBLICATION_FAILED,
    /** A publisher refused it (the reason is theirs): it is never published; a new file makes a new version. */
    REFUSED
}
