package fr.passerelle.catalog.approval;

/** What an entry of a dataset's approval journal records. */
public enum ApprovalAction {
    /** A publisher approved a dataset that was not approved (first time, or after a withdrawal). */
    APPROVED,
    /** A publisher approved the versions waiting on an approved dataset (under "always ask"). */
    VERSION_APPROVED,
    /** A material change (title, description, licence, schema) withdrew the approval. */
    APPROVAL_WITHDRAWN,
    /** A publisher refused the waiting versions, with their reason: they will not be published. */
    REFUSED,
    ALWAYS_ASK_ON,
    ALWAYS_ASK_OFF
}
