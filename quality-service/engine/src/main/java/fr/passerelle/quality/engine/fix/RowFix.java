package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.validation.ColumnMapping;

import java.util.List;

/**
 * A fix across the cells of a row (coordinates), decided for the whole table like a
 * {@link ColumnFix}: observed on the first pass, decided between the passes, applied on the second.
 */
interface RowFix {

    FixCode code();

    /** First pass: a non-blank data row, cells in file order, located by {@code columns}. */
    void observe(long row, List<String> cells, ColumnMapping columns);

    /** Between the passes: whether to apply; an ambiguous reading becomes a suggestion in {@code log}. */
    boolean decide(FixLog log);

    /**
     * Second pass, only after {@link #decide} said yes: fixes {@code cells} in place, telling {@code log}.
     *
     * @param cells modifiable, in the order of the header {@code columns} was matched on
     */
    void fix(long row, List<String> cells, ColumnMapping columns, FixLog log);
}
