package fr.passerelle.quality.engine;

import fr.passerelle.quality.engine.decision.DecisionInputs;
import fr.passerelle.quality.engine.decision.DecisionOutcomes;
import fr.passerelle.quality.engine.decision.DecisionQuestions;
import fr.passerelle.quality.engine.decision.RememberedDecision;
import fr.passerelle.quality.engine.detection.SchemaDetection;
import fr.passerelle.quality.engine.fix.FixDecisions;
import fr.passerelle.quality.engine.mapping.ColumnOverrides;
import fr.passerelle.quality.engine.mapping.MappingSummary;
import fr.passerelle.quality.engine.fix.AutomaticFixes;
import fr.passerelle.quality.engine.privacy.PersonalDataFinding;
import fr.passerelle.quality.engine.privacy.PersonalDataGuard;
import fr.passerelle.quality.engine.privacy.PrivacyDecisions;
import fr.passerelle.quality.engine.annotate.FindingOutputs;
import fr.passerelle.quality.engine.read.DelimiterSniffer;
import fr.passerelle.quality.engine.read.DetectedEncoding;
import fr.passerelle.quality.engine.read.Dialect;
import fr.passerelle.quality.engine.read.EncodingDetector;
import fr.passerelle.quality.engine.read.FormatDetector;
import fr.passerelle.quality.engine.read.AnnotatedReadBack;
import fr.passerelle.quality.engine.read.ReadAhead;
import fr.passerelle.quality.engine.read.ReadOptions;
import fr.passerelle.quality.engine.read.SourceFormat;
import fr.passerelle.quality.engine.read.TableSource;
import fr.passerelle.quality.engine.read.TableSources;
import fr.passerelle.quality.engine.read.UnreadableSourceException;
import fr.passerelle.quality.engine.read.Utf8Witness;
import fr.passerelle.quality.engine.report.AppliedFix;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One run of a {@link QualityCheck}: detect the format (and for CSV the encoding and dialect), then validate. */
final class QualityRun {

    private final TableSchema schema;
    private final Path rawFile;
    private final CleanCsvWriter clean;
    private final ErrorCollector errors = new ErrorCollector(QualityReport.MAX_SAMPLES_PER_CODE);
    private final ErrorCollector warnings = new ErrorCollector(QualityReport.MAX_SAMPLES_PER_CODE);
    private final TableValidator table;
    private String encodingName = "";
    private String delimiter = "";
    private final ReadOptions options;
    private final List<String> notes = new ArrayList<>();
    /** What reading itself changed in the cells (merged cells filled down), reported among the fixes. */
    private final List<AppliedFix> readingFixes = new ArrayList<>();
    private ColumnOverrides columnOverrides = ColumnOverrides.none();
    private SchemaDetection detection;
    private final boolean fixing;
    private AutomaticFixes fixes;
    private final PersonalDataGuard privacy;
    private final FieldValidity fieldValidity;
    private List<RememberedDecision> decisions = List.of();
    private FixDecisions fixDecisions = FixDecisions.NONE;
    private Map<String, String> decisionsSetAside = Map.of();
    private Parallelism parallelism = Parallelism.single();
    /** From this size up, a CSV file's encoding may be guessed from its start (see {@link #readCsv}). */
    private long encodingGuessFrom = EncodingDetector.GUESS_FROM_BYTES;
    private boolean findingOutputs;
    /** Told whether the decoding confirms the guessed encoding; {@code null} when nothing is guessed, or confirmed. */
    private Utf8Witness witness;

    QualityRun(TableSchema schema, Path rawFile, OutputStream cleanCsv) {
        this(schema, ReadOptions.defaults(), rawFile, cleanCsv);
    }

    QualityRun(TableSchema schema, ReadOptions options, Path rawFile, OutputStream cleanCsv) {
        this(schema, options, PrivacyDecisions.none(), rawFile, cleanCsv, false);
    }

    /** @param fixing apply the automatic fixes before validating */
    QualityRun(TableSchema schema, ReadOptions options, PrivacyDecisions decisions, Path rawFile, OutputStream cleanCsv,
               boolean fixing) {
        this.fixing = fixing;
        this.schema = schema;
        this.options = options;
        this.rawFile = rawFile;
        this.clean = new CleanCsvWriter(cleanCsv);
        this.table = new TableValidator(schema, errors::add, clean);
        table.reportWarningsTo(warnings::add);
        this.privacy = new PersonalDataGuard(schema, decisions, warnings::add);
        table.listen(privacy);
        this.fieldValidity = new FieldValidity(schema);
        errors.forwardTo(fieldValidity);
        table.listenToRows(fieldValidity);
    }

    /** Checks the cells on {@code parallelism}'s threads when the file is large enough. */
    QualityRun withParallelism(Parallelism parallelism) {
        this.parallelism = parallelism;
        return this;
    }

    QualityRun withColumnOverrides(ColumnOverrides overrides) {
        this.columnOverrides = overrides;
        table.useColumnOverrides(overrides);
        return this;
    }

    /** Applies the dataset's remembered decisions, already turned into {@code inputs}, and reports each. */
    QualityRun withDecisions(List<RememberedDecision> decisions, DecisionInputs inputs) {
        this.decisions = decisions;
        this.fixDecisions = inputs.fixDecisions();
        this.decisionsSetAside = inputs.setAside();
        return this;
    }

    QualityRun withSchemaDetection(SchemaDetection detection) {
        this.detection = detection;
        return this;
    }

    /**
     * Guesses the encoding of CSV files of {@code bytes} or more from their start ({@link #readCsv}); {@code
     * Long.MAX_VALUE}: never, each file's encoding is told from all of its bytes first.
     */
    QualityRun withEncodingGuessFrom(long bytes) {
        this.encodingGuessFrom = bytes;
        return this;
    }

    /** Also hands every finding and every row to {@code findings}: the full error list, the annotated file. */
    QualityRun withFindingOutputs(FindingOutputs findings) {
        findingOutputs = true;
        errors.forwardTo(findings);
        // The annotated file marks the header's warnings too: the clerk sees which columns are left out or empty.
        warnings.forwardTo(findings);
        table.listenToRows(findings);
        return this;
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
                readTable(readAhead -> TableSources.open(rawFile, format, options, schema), false);
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

    /**
     * A large file whose start is well-formed UTF-8 is read as such, the decoding checking the rest as it goes, instead
     * of reading the whole file once first to tell its encoding: most files are UTF-8, and are then read once. This
     * needs a pass over the whole file before anything is reported or written: fixing, the plan's pass (should the
     * rest not be UTF-8, the file is read again as the whole-file check says, nothing lost); a check that reports
     * nothing as it goes, its only pass (then {@link EncodingGuessContradicted} asks for a new run). The report and
     * the clean file are those the whole-file check gives.
     */
    private void readCsv() throws IOException {
        if (Files.size(rawFile) >= encodingGuessFrom && (fixing || !clean.writes() && !findingOutputs)) {
            Optional<DetectedEncoding> guess = EncodingDetector.utf8AtStart(rawFile);
            if (guess.isPresent()) {
                witness = new Utf8Witness();
                try {
                    readText(guess.get());
                    return;
                } catch (EncodingGuessContradicted e) {
                    if (!fixing) {
                        throw e;
                    }
                    witness = null;
                }
            }
        }
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
        if (encoding.nulBytes()) {
            errors.add(ValidationErrors.nulCharacters());
        }
        Dialect dialect = new Dialect(encoding.charset(), encoding.bomLength(),
                DelimiterSniffer.sniff(rawFile, encoding, schema.fieldNames()));
        delimiter = dialect.delimiterText();
        readTable(readAhead -> TableSources.openCsv(rawFile, dialect, schema, readAhead, witness),
                parallelism.readsAheadFor(Files.size(rawFile)));
    }

    /**
     * Opens a fresh source on the raw file, parsed ahead on a thread of its own when {@code readAhead}: the fixes and
     * the self-referencing foreign keys need a first pass.
     */
    private interface Opener {
        TableSource open(boolean readAhead) throws IOException, UnreadableRowException;
    }

    /** @param readAhead whether the file may be read on a thread of its own ({@link Parallelism#readAhead}) */
    private void readTable(Opener raw, boolean readAhead) throws IOException {
        // Passerelle's own annotated file, sent back once corrected, is read without the columns it added.
        Opener opener = ahead -> AnnotatedReadBack.wrap(raw.open(ahead));
        try {
            Opener keysOpener = opener;
            Opener rowsOpener = opener;
            if (fixing) {
                // The fixes need their own first pass: a reading is applied only if it holds for the whole column.
                try (TableSource first = opener.open(readAhead)) {
                    fixes = AutomaticFixes.plan(first, schema, columnOverrides, options.locale(), fixDecisions);
                }
                confirmEncodingGuess();
                keysOpener = ahead -> fixes.applyUnreported(opener.open(ahead));
                // Reading ahead, the thread that parses the file fixes its rows too, and this one validates them: the
                // two halves weigh about the same, where parsing alone left that thread idle half the time.
                rowsOpener = ahead -> {
                    TableSource fixed = fixes.apply(opener.open(false));
                    return ahead ? ReadAhead.of(fixed) : fixed;
                };
            }
            ReferencedKeys referenced = ReferencedKeys.none();
            if (ReferencedKeys.hasSelfReferences(schema)) {
                try (TableSource first = keysOpener.open(readAhead)) {
                    referenced = ReferencedKeys.collect(first, schema, columnOverrides);
                }
            }
            int threads = parallelism.threadsFor(Files.size(rawFile));
            // Checking alone on one thread, the validator reads ahead itself, its reading thread fingerprinting the rows
            // too. Fixing, the reading thread has the fixes to apply already: the fingerprints stay on this one.
            boolean validatorReadsAhead = readAhead && threads == 1 && !fixing;
            table.useThreads(threads, parallelism.batchRows());
            table.readAhead(validatorReadsAhead);
            try (TableSource source = rowsOpener.open(readAhead && !validatorReadsAhead)) {
                try {
                    table.validate(source, referenced);
                } finally {
                    notes.addAll(source.readingNotes());
                    readingFixes.addAll(source.readingFixes());
                }
            }
            confirmEncodingGuess();
        } catch (UnreadableSourceException e) {
            // Read in another encoding, the file might not have stopped there.
            confirmEncodingGuess();
            errors.add(e.rowNumber() == 0 ? ValidationErrors.unreadableFormat(e.frenchMessage())
                    : ValidationErrors.readingStopped(e.rowNumber(), e.frenchMessage()));
        } catch (UnreadableRowException e) {
            confirmEncodingGuess();
            errors.add(ValidationErrors.readingStopped(e.rowNumber()));
        }
    }

    /**
     * After the first pass over a file whose encoding was guessed from its start: the decoding went through the whole
     * file and met only well-formed UTF-8 without NUL, as guessed, or the run cannot go on with the guess.
     */
    private void confirmEncodingGuess() {
        if (witness != null) {
            if (!witness.confirmed()) {
                throw new EncodingGuessContradicted();
            }
            witness = null;
        }
    }

    /**
     * The file's start was well-formed UTF-8 and its rest is not (or was not read): before anything was reported or
     * written, the run stops, to be made again with the whole-file check ({@link #withEncodingGuessFrom}).
     */
    static final class EncodingGuessContradicted extends RuntimeException {

        EncodingGuessContradicted() {
            super("the file's start is well-formed UTF-8, not all of it", null, false, false);
        }
    }

    /** Reading's fixes first, as they came first: the automatic fixes were planned on the cells filled down. */
    private List<AppliedFix> allFixes() {
        List<AppliedFix> all = new ArrayList<>(readingFixes);
        if (fixes != null) {
            all.addAll(fixes.fixes());
        }
        return all;
    }

    private QualityReport report() {
        long rows = table.rowCount();
        long validRows = table.validRowCount();
        double validityPercent = rows == 0 ? 0.0
                : BigDecimal.valueOf(validRows * 100.0 / rows).setScale(2, RoundingMode.HALF_UP).doubleValue();
        List<PersonalDataFinding> personalData = privacy.findings();
        Verdict verdict = errors.total() == 0 ? Verdict.VALID : Verdict.INVALID;
        // Undecided personal data blocks even an invalid file, errors still listed; an unreadable one must be sent again anyway.
        if (personalData.stream().anyMatch(PersonalDataFinding::blocking) && !errors.has(ErrorCode.UNREADABLE_FILE)) {
            verdict = Verdict.BLOCKED;
        }
        String summary = SummaryWriter.summarise(schema.displayTitle(), errors, rows, validityPercent,
                schema.unsupportedCustomChecks());
        if (!notes.isEmpty() && !errors.has(ErrorCode.UNREADABLE_FILE)) {
            summary = summary + " " + String.join(" ", notes);
        }
        for (AppliedFix fix : readingFixes) {
            summary = summary + " " + fix.message();
        }
        String mapping = MappingSummary.describe(table.columnMatches(), table.unusedColumnOverrides());
        if (!mapping.isEmpty()) {
            summary = summary + " " + mapping;
        }
        String columns = SummaryWriter.columnWarnings(warnings);
        if (!columns.isEmpty() && !errors.has(ErrorCode.UNREADABLE_FILE)) {
            summary = summary + " " + columns;
        }
        if (fixes != null && !fixes.summary().isEmpty()) {
            summary = summary + " " + fixes.summary();
        }
        String privacySummary = PersonalDataGuard.summary(personalData, privacy.appliedDecisions());
        if (!privacySummary.isEmpty()) {
            summary = summary + " " + privacySummary;
        }
        if (detection != null) {
            summary = detection.message() + " " + summary;
        }
        return new QualityReport(verdict, schema.name(), encodingName, delimiter, rows, validRows,
                validityPercent, errors.total(), errors.countsByCode(), errors.countsByField(), errors.samples(),
                summary, table.columnMatches(), detection, allFixes(),
                fixes == null ? List.of() : fixes.suggestions(), personalData, privacy.appliedDecisions(),
                fieldValidity.percentByField(rows), warnings.samples(),
                DecisionQuestions.ask(schema, table.columnMatches(), fixes == null ? List.of() : fixes.suggestions(),
                        personalData),
                DecisionOutcomes.of(decisions, decisionsSetAside, table.columnMatches(), privacy.appliedDecisions()));
    }
}
