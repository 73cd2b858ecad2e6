package fr.passerelle.quality.engine.validation;

import fr.passerelle.quality.engine.report.ValidationError;

import java.util.Optional;

/** A check run once the row's cells are checked: custom checks, uniqueness, keys. */
interface RowCheck {

    /** Called on every data row, in file order. */
    Optional<ValidationError> check(CheckedRow row);
}
