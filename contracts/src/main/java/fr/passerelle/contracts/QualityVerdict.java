package fr.passerelle.contracts;

/** What the quality check concluded about a file. */
public enum QualityVerdict {
    /** Conforms to its schema: it may become a version of the dataset. */
    VALID,
    /** Does not conform, or could not be read: the report says why. */
    INVALID
}
