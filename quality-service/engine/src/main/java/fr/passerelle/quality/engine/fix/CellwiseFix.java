package fr.passerelle.quality.engine.fix;

/**
 * A column fix that needs no reading of the whole column: each cell is fixed on its own, so the fix
 * applies as soon as one cell of the first pass can be fixed.
 */
abstract class CellwiseFix implements ColumnFix {

    private long fixable;

    @Override
    public final void observe(long row, String text, boolean accepted) {
        if (fix(text, accepted).isPresent()) {
            fixable++;
        }
    }

    @Override
    public final boolean decide(FixLog log) {
        return fixable > 0;
    }
}
