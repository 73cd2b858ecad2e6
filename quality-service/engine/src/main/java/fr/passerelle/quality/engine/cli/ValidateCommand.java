package fr.passerelle.quality.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.quality.engine.Parallelism;
import fr.passerelle.quality.engine.QualityCheck;
import fr.passerelle.quality.engine.detection.SchemaDetection;
import fr.passerelle.quality.engine.detection.SchemaDetector;
import fr.passerelle.quality.engine.annotate.AnnotationFormat;
import fr.passerelle.quality.engine.annotate.ReportOutputs;
import fr.passerelle.quality.engine.read.ReadOptions;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.report.Verdict;
import fr.passerelle.quality.engine.geojson.GeoJsonCheck;
import fr.passerelle.quality.engine.geojson.GeoJsonReport;
import fr.passerelle.quality.engine.schema.GeoJsonSchema;
import fr.passerelle.quality.engine.schema.SchemaCatalog;
import fr.passerelle.quality.engine.schema.SchemaSummary;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The engine on the command line, for staff and for scripts:
 * {@code java -jar quality-engine.jar validate FICHIER [--schema NOM|CHEMIN] [--schemas-dir DOSSIER] [--fix SORTIE.csv
 * [--sans-correction]] [--json] [--feuille NOM] [--colonne LIBELLÉ=CHAMP]… [--donnees-personnelles COLONNE=ACTION]…
 * [--sel SEL] [--annote SORTIE.xlsx|SORTIE.csv] [--erreurs SORTIE.csv]}. Without {@code --schema}, the schema is
 * detected among the catalog's; without {@code --fix} the file is only validated; with it, the automatic fixes are
 * applied and the fixed file written.
 * Exit code 0 when the file is valid, 1 when it is not, 2 when the command is misused, 3 when personal
 * data blocks it (it may have errors too).
 */
public final class ValidateCommand {

    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int USAGE_ERROR = 2;
    public static final int BLOCKED = 3;

    private ValidateCommand() {
    }

    public static void main(String[] args) {
        // POI logs through the Log4j API, which complains on stderr when no logging backend is on the class path.
        if (System.getProperty("log4j2.statusLoggerLevel") == null) {
            System.setProperty("log4j2.statusLoggerLevel", "OFF");
        }
        // UTF-8 whatever the platform's default: the messages are French, accents included.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /**
     * Runs the command in-process.
     *
     * @param out the report (text or JSON)
     * @param err usage and file problems, in French
     * @return {@link #VALID}, {@link #INVALID}, {@link #USAGE_ERROR} or {@link #BLOCKED}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        ValidateOptions options;
        try {
            options = ValidateOptions.parse(args);
        } catch (ValidateOptions.HelpRequested e) {
            out.print(ValidateOptions.USAGE);
            return VALID;
        } catch (ValidateOptions.UsageException e) {
            return usageError(e.getMessage(), err, true);
        }
        if (!Files.isRegularFile(options.file())) {
            return usageError("Fichier introuvable : " + options.file(), err, false);
        }
        try {
            SchemaDetection detection = null;
            Optional<TableSchema> schema;
            if (options.detectSchema()) {
                Optional<SchemaCatalog> catalog = catalog(options, err);
                if (catalog.isEmpty()) {
                    return USAGE_ERROR;
                }
                detection = SchemaDetector.detect(options.file(), readOptions(options), catalog.get());
                schema = detection.chosen().flatMap(catalog.get()::find);
                if (schema.isEmpty()) {
                    if (options.json()) {
                        out.println(new ObjectMapper().writerWithDefaultPrettyPrinter()
                                .writeValueAsString(Map.of("schemaDetection", detection)));
                    }
                    return usageError(detection.message() + " Option : --schema NOM.", err, false);
                }
            } else {
                // Read once: for the GeoJSON schemas, then for the table schemas (it was read twice, 0.3 s of CPU).
                Optional<SchemaCatalog> loaded = loadedCatalog(options);
                Optional<GeoJsonSchema> geoJson = loaded.flatMap(catalog -> catalog.findGeoJson(options.schema()));
                if (geoJson.isPresent()) {
                    return checkGeoJson(options, geoJson.get(), out);
                }
                schema = schema(options, err, loaded);
            }
            if (schema.isEmpty()) {
                return USAGE_ERROR;
            }
            QualityReport report;
            try {
                report = check(options, schema.get(), detection);
            } catch (IllegalArgumentException e) {
                // The column mapping names a field the schema lacks, or one field twice: said in French.
                return usageError(e.getMessage(), err, false);
            }
            if (options.json()) {
                out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } else {
                ReportPrinter.print(options.file(), schema.get(), report, out);
                options.annotate().ifPresent(path -> out.println("\nFichier annoté : " + path));
                options.errors().ifPresent(path -> out.println("\nListe complète des erreurs : " + path));
            }
            return switch (report.verdict()) {
                case VALID -> VALID;
                case INVALID -> INVALID;
                case BLOCKED -> BLOCKED;
            };
        } catch (IOException e) {
            return usageError("Lecture ou écriture impossible : " + e.getMessage(), err, false);
        }
    }

    private static ReadOptions readOptions(ValidateOptions options) {
        return options.sheet().map(ReadOptions::sheet).orElse(ReadOptions.defaults());
    }

    private static QualityReport check(ValidateOptions options, TableSchema schema, SchemaDetection detection)
            throws IOException {
        QualityCheck check = QualityCheck.of(schema).withOptions(readOptions(options));
        if (options.threads().isPresent()) {
            check = check.withParallelism(Parallelism.of(options.threads().getAsInt()));
        }
        if (!options.columns().isEmpty()) {
            check = check.withColumnMapping(options.columns());
        }
        if (detection != null) {
            check = check.withSchemaDetection(detection);
        }
        check = check.withPrivacyDecisions(options.privacyDecisions(), options.salt().orElse(null));
        if (options.fix().isPresent() && !options.noFixes()) {
            check = check.withFixes();
        }
        if (options.annotate().isPresent() || options.errors().isPresent()) {
            return checkWithOutputs(check, options);
        }
        if (options.fix().isEmpty()) {
            return check.run(options.file(), OutputStream.nullOutputStream());
        }
        try (OutputStream clean = Files.newOutputStream(options.fix().get())) {
            return check.run(options.file(), clean);
        }
    }

    /** The check also writing the annotated file and the full error list; try-with-resources skips a null stream. */
    private static QualityReport checkWithOutputs(QualityCheck check, ValidateOptions options) throws IOException {
        try (OutputStream clean = options.fix().isPresent() ? buffered(options.fix().get()) : OutputStream.nullOutputStream();
             OutputStream annotated = options.annotate().isPresent() ? buffered(options.annotate().get()) : null;
             OutputStream errors = options.errors().isPresent() ? buffered(options.errors().get()) : null) {
            ReportOutputs outputs = ReportOutputs.none();
            if (annotated != null) {
                Path path = options.annotate().get();
                outputs = outputs.withAnnotated(annotated, AnnotationFormat.ofFileName(path.toString()).orElseThrow());
            }
            if (errors != null) {
                outputs = outputs.withErrorList(errors);
            }
            return check.run(options.file(), clean, outputs);
        }
    }

    private static OutputStream buffered(Path path) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(path));
    }

    /**
     * Reads the schema from its path or from the catalog, telling {@code err} why it cannot.
     *
     * @param loaded the catalog already read, if it could be; else it is read again, saying why it cannot
     */
    private static Optional<TableSchema> schema(ValidateOptions options, PrintStream err, Optional<SchemaCatalog> loaded)
            throws IOException {
        if (options.schemaIsAPath()) {
            Path file = Path.of(options.schema());
            if (!Files.isRegularFile(file)) {
                usageError("Schéma introuvable : " + file, err, false);
                return Optional.empty();
            }
            try (InputStream json = Files.newInputStream(file)) {
                TableSchema schema = TableSchema.parse(json);
                // A schema.json is named after its folder in the catalog: same here when it has no name.
                Path folder = file.toAbsolutePath().getParent();
                return Optional.of(schema.name().isBlank() && folder != null && folder.getFileName() != null
                        ? schema.withName(folder.getFileName().toString()) : schema);
            } catch (IOException e) {
                usageError("Le fichier " + file + " n'est pas un schéma utilisable : " + e.getMessage(), err, false);
                return Optional.empty();
            }
        }
        Optional<SchemaCatalog> found = loaded.isPresent() ? loaded : catalog(options, err);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SchemaCatalog catalog = found.get();
        Optional<TableSchema> schema = catalog.find(options.schema());
        if (schema.isEmpty()) {
            String known = catalog.list().stream().map(SchemaSummary::name).collect(Collectors.joining(", "));
            usageError("Schéma « " + options.schema() + " » introuvable dans " + (options.schemasDir() == null
                    ? "les schémas nationaux fournis" : options.schemasDir()) + ". Schémas "
                    + "disponibles : " + (known.isEmpty() ? "aucun" : known) + ".", err, false);
        }
        return schema;
    }

    /**
     * The catalog {@code --schemas-dir} names (the shipped one without it); empty, said nowhere, when the folder is
     * missing. Only the schema {@code --schema} names when the catalog has it (read alone, a tenth of a second sooner);
     * the whole catalog otherwise, to say which schemas there are.
     */
    private static Optional<SchemaCatalog> loadedCatalog(ValidateOptions options) throws IOException {
        String name = options.schema();
        Path dir = options.schemasDir();
        if (dir != null && !Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Optional<SchemaCatalog> named = dir == null ? SchemaCatalog.shipped(name)
                : SchemaCatalog.fromDirectory(dir, name);
        boolean found = named.filter(catalog -> catalog.find(name).isPresent()
                || catalog.findGeoJson(name).isPresent()).isPresent();
        if (found) {
            return named;
        }
        return Optional.of(dir == null ? SchemaCatalog.shipped() : SchemaCatalog.fromDirectory(dir));
    }

    private static int checkGeoJson(ValidateOptions options, GeoJsonSchema schema, PrintStream out) throws IOException {
        GeoJsonReport report = GeoJsonCheck.of(schema).run(options.file());
        if (options.json()) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } else {
            out.println(report.summary());
            report.samples().forEach(finding -> out.println("  " + finding.message()));
            if (report.errorCount() > report.samples().size()) {
                out.println("  … et " + (report.errorCount() - report.samples().size()) + " autres erreurs.");
            }
        }
        return report.valid() ? VALID : INVALID;
    }

    private static Optional<SchemaCatalog> catalog(ValidateOptions options, PrintStream err) throws IOException {
        if (options.schemasDir() == null) {
            return Optional.of(SchemaCatalog.shipped());
        }
        if (!Files.isDirectory(options.schemasDir())) {
            usageError("Dossier de schémas introuvable : " + options.schemasDir()
                    + ". Indiquez-le avec --schemas-dir, ou donnez le chemin du schema.json.", err, false);
            return Optional.empty();
        }
        return Optional.of(SchemaCatalog.fromDirectory(options.schemasDir()));
    }

    private static int usageError(String message, PrintStream err, boolean withUsage) {
        err.println(message);
        if (withUsage) {
            err.println();
            err.print(ValidateOptions.USAGE);
        }
        return USAGE_ERROR;
    }
}
