package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.read.TableRow;
import fr.passerelle.quality.engine.read.TableSource;
import fr.passerelle.quality.engine.read.UnreadableRowException;
import fr.passerelle.quality.engine.read.WrappedSource;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Columns of the file that become one field of the schema ({@link AddressPartsJoin}, {@link CoordinatePairJoin}),
 * decided on the header alone so that the planner and the fixing pass read the same joined table without a pass
 * of their own.
 */
interface ColumnJoin {

    /** The header with the joined columns replaced by the field's name. */
    List<String> header(List<String> labels);

    /** A data row with the joined cells replaced by the field's value; each join told to {@code log}. */
    List<String> row(long number, List<String> cells, FixLog log);

    /** {@code source}'s rows joined by what {@code decide} finds in its header, if anything. */
    static TableSource wrap(TableSource source, Function<List<String>, Optional<? extends ColumnJoin>> decide, FixLog log) {
        return new Joining(source, decide, log);
    }

    /** The source's rows joined, once the header has shown what to join. */
    final class Joining extends WrappedSource {

        private final Function<List<String>, Optional<? extends ColumnJoin>> decide;
        private final FixLog log;
        private boolean headerSeen;
        private ColumnJoin join;

        private Joining(TableSource source, Function<List<String>, Optional<? extends ColumnJoin>> decide, FixLog log) {
            super(source);
            this.decide = decide;
            this.log = log;
        }

        @Override
        public TableRow next() throws IOException, UnreadableRowException {
            TableRow row = source.next();
            if (row == null || row.isBlank()) {
                return row;
            }
            if (!headerSeen) {
                headerSeen = true;
                join = decide.apply(row.cells()).orElse(null);
                return join == null ? row : new TableRow(row.number(), join.header(row.cells()));
            }
            return join == null ? row : new TableRow(row.number(), join.row(row.number(), row.cells(), log));
        }
    }
}
