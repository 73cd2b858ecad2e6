package fr.passerelle.quality.engine.annotate;

import fr.passerelle.quality.engine.read.TableRow;
import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.report.ValidationError;
import fr.passerelle.quality.engine.schema.TableSchema;
import fr.passerelle.quality.engine.validation.ColumnMapping;
import fr.passerelle.quality.engine.validation.RowListener;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The writers of one run's {@link ReportOutputs}, fed by the engine with every finding and every row. A row's
 * findings arrive before the row itself: they wait here, one row's worth at most, until the row comes.
 * <p>
 * Never throws at the validator: a failing output is remembered, the run goes on without it, and
 * {@link #finish()} throws.
 */
public final class FindingOutputs implements Consumer<ValidationError>, RowListener, Closeable {

    /** A row's findings waiting for it: far more than a row can have, a guard against an unexpected flow. */
    private static final int MAX_PENDING = 100_000;

    private final TableSchema schema;
    private final ErrorListWriter errorList;
    private final AnnotatedTable annotated;
    private final List<ValidationError> pending = new ArrayList<>();
    private AnnotatedLayout layout;
    private Exception failure;

    FindingOutputs(TableSchema schema, ErrorListWriter errorList, AnnotatedTable annotated) {
        this.schema = schema;
        this.errorList = errorList;
        this.annotated = annotated;
    }

    @Override
    public void accept(ValidationError finding) {
        guard(() -> {
            if (errorList != null) {
                errorList.write(finding);
            }
            if (annotated == null) {
                return;
            }
            // Blank rows are not written, findings on the file as a whole belong to no row.
            if (finding.code() == ErrorCode.BLANK_ROW || finding.rowNumber() == ValidationError.WHOLE_FILE
                    || pending.size() >= MAX_PENDING) {
                annotated.unplaced(finding);
            } else {
                pending.add(finding);
            }
        });
    }

    @Override
    public void header(TableRow header, ColumnMapping columns) {
        if (annotated == null) {
            return;
        }
        guard(() -> {
            layout = AnnotatedLayout.of(schema, header, columns);
            annotated.header(layout, layout.placeHeader(takeFindingsOf(header)));
        });
    }

    @Override
    public void row(TableRow row) {
        if (annotated == null || layout == null) {
            return;
        }
        guard(() -> annotated.row(row, layout.cells(row), layout.placeRow(takeFindingsOf(row), row.size())));
    }

    /** The waiting findings of {@code row}; the others (a reading stop, say) belong to no written row. */
    private List<ValidationError> takeFindingsOf(TableRow row) throws IOException {
        List<ValidationError> mine = new ArrayList<>();
        for (ValidationError finding : pending) {
            if (finding.rowNumber() == row.number()) {
                mine.add(finding);
            } else {
                annotated.unplaced(finding);
            }
        }
        pending.clear();
        return mine;
    }

    /**
     * Completes the outputs once the run is over, and flushes them.
     *
     * @throws IOException when writing an output failed, now or during the run
     */
    public void finish() throws IOException {
        guard(() -> {
            if (annotated != null) {
                for (ValidationError finding : pending) {
                    annotated.unplaced(finding);
                }
                pending.clear();
                annotated.finish();
            }
            if (errorList != null) {
                errorList.finish();
            }
        });
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure != null) {
            throw new IOException("Writing the error list or the annotated file failed", failure);
        }
    }

    /** Frees the temporary files of the annotated workbook; the output streams stay open. */
    @Override
    public void close() throws IOException {
        if (annotated != null) {
            annotated.close();
        }
    }

    private interface Step {
        void run() throws IOException;
    }

    private void guard(Step step) {
        if (failure != null) {
            return;
        }
        try {
            step.run();
        } catch (UncheckedIOException e) {
            failure = e.getCause();
        } catch (IOException | RuntimeException e) {
            // POI reports a full disk or a closed stream as a RuntimeException: about the output, not the input.
            failure = e;
        }
    }
}
