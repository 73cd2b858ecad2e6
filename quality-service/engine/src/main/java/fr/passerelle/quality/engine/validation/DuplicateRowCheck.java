package fr.passerelle.quality.engine.validation;

import fr.passerelle.quality.engine.read.TableRow;
import fr.passerelle.quality.engine.report.ValidationError;

import java.util.Optional;

/**
 * frictionless's {@code duplicate-row}: a row identical, cell for cell, to an earlier one. Only
 * run when the schema has no primary key: with one, a repeated row already repeats its key.
 */
final class DuplicateRowCheck implements RowCheck {

    private final Fingerprinter fingerprinter;
    private final SeenFingerprints seen = new SeenFingerprints();

    DuplicateRowCheck(Fingerprinter fingerprinter) {
        this.fingerprinter = fingerprinter;
    }

    @Override
    public Optional<ValidationError> check(CheckedRow row) {
        Fingerprint fingerprint = row.fingerprint() != null ? row.fingerprint() : of(fingerprinter, row.row());
        long first = seen.putIfAbsent(fingerprint, row.number());
        if (first == SeenFingerprints.NEW) {
            return Optional.empty();
        }
        return Optional.of(ValidationErrors.duplicateRow(row.number(), row.row().cells(), first));
    }

    /** The fingerprint a row is recognised by: on whichever thread, with that thread's own fingerprinter. */
    static Fingerprint of(Fingerprinter fingerprinter, TableRow row) {
        return fingerprinter.of(row.cells());
    }
}
