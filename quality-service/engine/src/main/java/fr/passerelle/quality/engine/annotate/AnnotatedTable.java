package fr.passerelle.quality.engine.annotate;

import fr.passerelle.quality.engine.read.TableRow;
import fr.passerelle.quality.engine.report.ValidationError;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Writes the annotated file, row after row: header, data rows, and findings that belong to no written row. */
interface AnnotatedTable extends Closeable {

    void header(AnnotatedLayout layout, List<PlacedFinding> findings) throws IOException;

    /** @param cells the row's cells in the layout's order */
    void row(TableRow row, List<String> cells, List<PlacedFinding> findings) throws IOException;

    /** A finding about the file as a whole, a blank row or a row past the end of what could be read. */
    void unplaced(ValidationError finding) throws IOException;

    /** Completes the file on the output stream, and flushes it. */
    void finish() throws IOException;

    /** Frees what the writer holds (temporary files); the output stream stays open. */
    @Override
    default void close() throws IOException {
    }
}
