package fr.passerelle.quality.engine.validation;

import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.schema.ForeignKey;

import java.util.Optional;

/**
 * A foreign key to the file itself: each row's key values must appear, anywhere in the file, in
 * the referenced fields ({@link ReferencedKeys} read them all beforehand). A key with an empty
 * cell references nothing and passes, as in frictionless.
 */
final class SelfReferenceCheck implements RowCheck {

    private final ForeignKey key;
    private final int[] fieldIndexes;
    private final SeenFingerprints referenced;
    private final Fingerprinter fingerprinter;

    SelfReferenceCheck(ForeignKey key, int[] fieldIndexes, SeenFingerprints referenced, Fingerprinter fingerprinter) {
        this.key = key;
        this.fieldIndexes = fieldIndexes.clone();
        this.referenced = referenced;
        this.fingerprinter = fingerprinter;
    }

    @Override
    public Optional<ValidationError> check(CheckedRow row) {
        for (int index : fieldIndexes) {
            if (row.states()[index] != CheckedRow.CellState.VALID) {
                return Optional.empty();
            }
        }
        if (referenced.contains(fingerprinter.of(row.canonical(fieldIndexes)))) {
            return Optional.empty();
        }
        return Optional.of(ValidationErrors.foreignKeyMissing(row.number(), key, row.texts(fieldIndexes)));
    }
}
