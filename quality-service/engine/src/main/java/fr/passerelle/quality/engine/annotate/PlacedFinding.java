package fr.passerelle.quality.engine.annotate;

import fr.passerelle.quality.engine.report.ValidationError;

import java.util.List;

/**
 * A finding and where it shows in the annotated table.
 *
 * @param finding  the finding
 * @param columns  the annotated table's columns (0-based, data columns only) whose cell it marks; may be empty
 * @param rowLevel it concerns the row as a whole (duplicate row, missing or extra cell, key), or could not be put on
 *                 a cell: the row gets a marker
 */
record PlacedFinding(ValidationError finding, List<Integer> columns, boolean rowLevel) {

    PlacedFinding {
        columns = List.copyOf(columns);
    }
}
