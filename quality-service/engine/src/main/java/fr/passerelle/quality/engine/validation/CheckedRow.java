package fr.passerelle.quality.engine.validation;

import fr.passerelle.quality.engine.read.TableRow;

import java.util.ArrayList;
import java.util.List;

/**
 * A data row after its cells were checked, for the checks that look at several cells or rows:
 * arrays indexed like the schema's fields.
 *
 * @param row    the row as read
 * @param texts  each field's trimmed cell, or null when {@link CellState#ABSENT}
 * @param values each field's typed value, or null unless {@link CellState#VALID}
 * @param states what the cell checks found
 * @param fingerprint the whole row's fingerprint, computed beforehand on another thread for the duplicate-row
 *                    check; {@code null} when not
 */
record CheckedRow(TableRow row, String[] texts, Object[] values, CellState[] states, Fingerprint fingerprint) {

    enum CellState {
        /** The column is absent from the file, or the row stops before it: already reported. */
        ABSENT,
        /** A missing value ("" or one of the schema's missingValues). */
        EMPTY,
        /** Already reported for its type or a constraint. */
        WRONG,
        /** Typed and within its constraints. */
        VALID
    }

    long number() {
        return row.number();
    }

    /** Texts stable across equal values ("01" and "1" in an integer column are both "1"), for fingerprints. */
    List<String> canonical(int[] fieldIndexes) {
        List<String> texts = new ArrayList<>(fieldIndexes.length);
        for (int index : fieldIndexes) {
            texts.add(String.valueOf(values[index]));
        }
        return texts;
    }

    List<String> texts(int[] fieldIndexes) {
        List<String> picked = new ArrayList<>(fieldIndexes.length);
        for (int index : fieldIndexes) {
            picked.add(texts[index]);
        }
        return picked;
    }

    boolean any(int[] fieldIndexes, CellState state) {
        for (int index : fieldIndexes) {
            if (states[index] == state) {
                return true;
            }
        }
        return false;
    }
}
