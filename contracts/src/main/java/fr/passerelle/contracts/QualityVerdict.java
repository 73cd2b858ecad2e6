package fr.passerelle.contracts;

/** What the quality check concluded about a file. */
public enum QualityVerdict {
    /** Conforms to its schema: it may become a version of the dataset. */
    VALID,
    /** Does not conform, or could not be read: the report says why. */
    INVALID,
    /**
     * Holds personal data (e-mails or mobiles of persons, NIR, IBAN, names) that no decision covers
     * yet: never published, whatever its conformity, until a person chooses per column. Added to
     * v1 after VALID and INVALID: a consumer treats any verdict but VALID as "no version".
     */
    BLOCKED
}
