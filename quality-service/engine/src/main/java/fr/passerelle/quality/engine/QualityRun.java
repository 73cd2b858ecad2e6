package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.annotate.FindingOutputs;
import fr.passerelle.quality.engine.read.DelimiterSniffer;
import fr.passerelle.quality.engine.read.DetectedEncoding;
import fr.passerelle.quality.engine.read.Dialect;
import fr.passerelle.quality.engine.read.EncodingDetector;
import fr.passerelle.quality.engine.read.FormatDetector;
import fr.passerelle.quality.engine.read.ReadOptions;
import fr.passerelle.quality.engine.read.SourceFormat;
import fr.passerelle.quality.engine.read.TableSource;
import fr.passerelle.quality.engine.read.TableSources;
import fr.passerelle.quality.engine.read.UnreadableSourceException;
import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.read.UnreadableRowException;
import fr.passerelle.quality.engine.report.ErrorCollector;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.report.SummaryWriter;
import fr.passerelle.quality.engine.report.Verdict;
import fr.passerelle.quality.engine.schema.TableSchema;
import fr.passerelle.quality.engine.validation.CleanCsvWriter;
import fr.passerelle.quality.engine.validation.FieldValidity;
import fr.passerelle.quality.engine.validation.ReferencedKeys;
import fr.passerelle.quality.engine.validation.TableValidator;
import fr.passerelle.quality.engine.validation.ValidationErrors;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One run of a {@link QualityCheck}: detect the format (and for CSV the encoding and dialect), then validate. */
final class QualityRun {

    private final TableSchema schema;
    private final Path rawFile;
    private final CleanCsvWriter clean;
    private final ErrorCollector errors = new ErrorCollector(QualityReport.MAX_SAMPLES_PER_CODE);
    private final TableValidator table;
    private String encodingName = "";
    private String delimiter = "";
    private final ReadOptions options;
    private final List<String> notes = new ArrayList<>();
    private final FieldValidity fieldValidity;

    QualityRun(TableSchema schema, Path rawFile, OutputStream cleanCsv) {
        this(schema, ReadOptions.defaults(), rawFile, cleanCsv);
    }

    QualityRun(TableSchema schema, ReadOptions options, Path rawFile, OutputStream cleanCsv) {
        this.schema = schema;
        this.options = options;
        this.rawFile = rawFile;
        this.clean = new CleanCsvWriter(cleanCsv);
        this.table = new TableValidator(schema, errors::add, clean);
        this.fieldValidity = new FieldValidity(schema);
        errors.forwardTo(fieldValidity);
        table.listenToRows(fieldValidity);
    }

    /** Also hands every finding and every row to {@code findings}: the full error list, the annotated file. */
    QualityRun(TableSchema schema, ReadOptions options, Path rawFile, OutputStream cleanCsv, FindingOutputs findings) {
        this(schema, options, rawFile, cleanCsv);
        errors.forwardTo(findings);
        table.listenToRows(findings);
    }

    QualityReport execute() throws IOException {
        SourceFormat format = FormatDetector.detect(rawFile);
        // The clean file always starts with the schema's header, even when nothing else can be read.
        if (options.keepSheetColumn() && options.sheet() == null
                && (format == SourceFormat.XLSX || format == SourceFormat.XLS)) {
            List<String> header = new ArrayList<>(schema.fieldNames());
            header.add(TableSource.SHEET_COLUMN);
            clean.writeRow(header);
            table.keepSheetColumn();
        } else {
            clean.writeRow(schema.fieldNames());
        }
        if (format.refused()) {
            errors.add(ValidationErrors.unreadableFormat(format.refusal()));
        } else if (format == SourceFormat.CSV || format == SourceFormat.EMPTY) {
            readCsv();
        } else {
            if (format == SourceFormat.JSON || format == SourceFormat.GEOJSON) {
                encodingName = "UTF-8";
            }
            try {
                readTable(() -> TableSources.open(rawFile, format, options, schema));
            } catch (RuntimeException e) {
                // POI and Jackson meet hostile files too: whatever they throw on one is about the file, not us.
                errors.add(ValidationErrors.unreadableFormat("Le fichier n'a pas pu être lu jusqu'au bout : il est "
                        + "peut-être endommagé. Ouvrez-le dans votre tableur, enregistrez-le en XLSX ou en CSV, puis "
                        + "envoyez-le de nouveau."));
            }
        }
        clean.flush();
        return report();
    }

    private void readCsv() throws IOException {
        DetectedEncoding encoding = EncodingDetector.detect(rawFile);
        switch (encoding.kind()) {
            case EMPTY -> errors.add(ValidationErrors.emptyFile());
            case BINARY -> errors.add(ValidationErrors.notText());
            case TEXT -> readText(encoding);
        }
    }

    private void readText(DetectedEncoding encoding) throws IOException {
        encodingName = encoding.charset().name();
        if (encoding.invalidBytes()) {
            errors.add(ValidationErrors.undecodableCharacters());
        }
        Dialect dialect = new Dialect(encoding.charset(), encoding.bomLength(),
                DelimiterSniffer.sniff(rawFile, encoding, schema.fieldNames()));
        delimiter = dialect.delimiterText();
        readTable(() -> TableSources.openCsv(rawFile, dialect, schema));
    }

    /** Opens a fresh source on the raw file: the self-referencing foreign keys need a first pass. */
    private interface Opener {
        TableSource open() throws IOException, UnreadableRowException;
    }

    private void readTable(Opener opener) throws IOException {
        try {
            ReferencedKeys referenced = ReferencedKeys.none();
            if (ReferencedKeys.hasSelfReferences(schema)) {
                try (TableSource first = opener.open()) {
                    referenced = ReferencedKeys.collect(first, schema);
                }
            }
            try (TableSource source = opener.open()) {
                try {
                    table.validate(source, referenced);
                } finally {
                    notes.addAll(source.readingNotes());
                }
            }
        } catch (UnreadableSourceException e) {
            errors.add(e.rowNumber() == 0 ? ValidationErrors.unreadableFormat(e.frenchMessage())
                    : ValidationErrors.readingStopped(e.rowNumber(), e.frenchMessage()));
        } catch (UnreadableRowException e) {
            errors.add(ValidationErrors.readingStopped(e.rowNumber()));
        }
    }

    private QualityReport report() {
        long rows = table.rowCount();
        long validRows = table.validRowCount();
        double validityPercent = rows == 0 ? 0.0
                : BigDecimal.valueOf(validRows * 100.0 / rows).setScale(2, RoundingMode.HALF_UP).doubleValue();
        Verdict verdict = errors.total() == 0 ? Verdict.VALID : Verdict.INVALID;
        String summary = SummaryWriter.summarise(schema.displayTitle(), errors, rows, validityPercent,
                schema.unsupportedCustomChecks());
        if (!notes.isEmpty() && !errors.has(ErrorCode.UNREADABLE_FILE)) {
            summary = summary + " " + String.join(" ", notes);
        }
        return new QualityReport(verdict, schema.name(), encodingName, delimiter, rows, validRows,
                validityPercent, errors.total(), errors.countsByCode(), errors.countsByField(), errors.samples(),
                summary, fieldValidity.percentByField(rows));
    }
}
