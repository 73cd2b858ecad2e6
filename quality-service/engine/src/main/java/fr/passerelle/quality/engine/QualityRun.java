package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.read.DelimiterSniffer;
import fr.passerelle.quality.engine.read.DetectedEncoding;
import fr.passerelle.quality.engine.read.Dialect;
import fr.passerelle.quality.engine.read.EncodingDetector;
import fr.passerelle.quality.engine.read.TableReader;
import fr.passerelle.quality.engine.read.UnreadableRowException;
import fr.passerelle.quality.engine.report.ErrorCollector;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.report.SummaryWriter;
import fr.passerelle.quality.engine.report.Verdict;
import fr.passerelle.quality.engine.schema.TableSchema;
import fr.passerelle.quality.engine.validation.CleanCsvWriter;
import fr.passerelle.quality.engine.validation.ReferencedKeys;
import fr.passerelle.quality.engine.validation.TableValidator;
import fr.passerelle.quality.engine.validation.ValidationErrors;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;

/** One run of a {@link QualityCheck}: detect the encoding, then the dialect, then validate. */
final class QualityRun {

    private final TableSchema schema;
    private final Path rawFile;
    private final CleanCsvWriter clean;
    private final ErrorCollector errors = new ErrorCollector(QualityReport.MAX_SAMPLES_PER_CODE);
    private final TableValidator table;
    private String encodingName = "";
    private String delimiter = "";

    QualityRun(TableSchema schema, Path rawFile, OutputStream cleanCsv) {
        this.schema = schema;
        this.rawFile = rawFile;
        this.clean = new CleanCsvWriter(cleanCsv);
        this.table = new TableValidator(schema, errors::add, clean);
    }

    QualityReport execute() throws IOException {
        // The clean file always starts with the schema's header, even when nothing else can be read.
        clean.writeRow(schema.fieldNames());
        DetectedEncoding encoding = EncodingDetector.detect(rawFile);
        switch (encoding.kind()) {
            case EMPTY -> errors.add(ValidationErrors.emptyFile());
            case BINARY -> errors.add(ValidationErrors.notText());
            case TEXT -> readText(encoding);
        }
        clean.flush();
        return report();
    }

    private void readText(DetectedEncoding encoding) throws IOException {
        encodingName = encoding.charset().name();
        if (encoding.invalidBytes()) {
            errors.add(ValidationErrors.undecodableCharacters());
        }
        Dialect dialect = new Dialect(encoding.charset(), encoding.bomLength(), DelimiterSniffer.sniff(rawFile, encoding));
        delimiter = dialect.delimiterText();
        ReferencedKeys referenced = ReferencedKeys.collect(rawFile, dialect, schema);
        try (TableReader reader = TableReader.open(rawFile, dialect)) {
            table.validate(reader, referenced);
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
        return new QualityReport(verdict, schema.name(), encodingName, delimiter, rows, validRows,
                validityPercent, errors.total(), errors.countsByCode(), errors.countsByField(), errors.samples(),
                summary);
    }
}
