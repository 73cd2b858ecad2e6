package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.read.RecentResults;

import java.util.Optional;

/**
 * A column fix that needs no reading of the whole column: each cell is fixed on its own, so the fix
 * applies as soon as one cell of the first pass can be fixed.
 */
abstract class CellwiseFix implements ColumnFix {

    private long fixable;
    /**
     * {@link #fixCell} of the texts met lately, for accepted texts and for the others: both passes ask of every cell,
     * and codes (a few operators' SIREN, a town's code) repeat.
     */
    private final RecentResults<Optional<String>> ofAccepted = new RecentResults<>(text -> fixCell(text, true));
    private final RecentResults<Optional<String>> ofRefused = new RecentResults<>(text -> fixCell(text, false));

    @Override
    public final void observe(long row, String text, boolean accepted) {
        if (fix(text, accepted).isPresent()) {
            fixable++;
        }
    }

    @Override
    public final Optional<String> fix(String text, boolean accepted) {
        return (accepted ? ofAccepted : ofRefused).get(text);
    }

    /** The cell fixed, or empty: a function of its arguments alone (no state), so that its results can be kept. */
    abstract Optional<String> fixCell(String text, boolean accepted);

    @Override
    public final boolean decide(FixLog log) {
        return fixable > 0;
    }
}
