package fr.passerelle.quality.check;

import fr.passerelle.contracts.QualityVerdict;
import fr.passerelle.platform.web.ApiError;
import fr.passerelle.quality.engine.QualityCheck;
import fr.passerelle.quality.engine.decision.RememberedDecision;
import fr.passerelle.quality.engine.annotate.ReportOutputs;
import fr.passerelle.quality.engine.detection.SchemaDetection;
import fr.passerelle.quality.engine.detection.SchemaDetector;
import fr.passerelle.quality.engine.read.ReadOptions;
import fr.passerelle.quality.engine.report.QualityReport;
import fr.passerelle.quality.engine.geojson.GeoJsonCheck;
import fr.passerelle.quality.engine.geojson.GeoJsonReport;
import fr.passerelle.quality.engine.schema.GeoJsonNotice;
import fr.passerelle.quality.engine.schema.GeoJsonSchema;
import fr.passerelle.quality.engine.schema.TableSchema;
import fr.passerelle.quality.report.ReportDocument;
import fr.passerelle.quality.schema.Schemas;
import fr.passerelle.quality.settings.DatasetSettings;
import fr.passerelle.quality.settings.DatasetSettingsStore;
import fr.passerelle.quality.schema.custom.CustomSchemaStore;
import fr.passerelle.quality.settings.OrganizationSettingsStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs the quality engine on a local file, for the pipeline and for synchronous validation alike. The engine blocks
 * (files, CPU): {@link #check} runs on a worker thread, and what it needs from the database, the organisation's own
 * schemas and locale, is read reactively first ({@link #forOrganisation}).
 */
@ApplicationScoped
public class FileChecker {

    private final Schemas schemas;
    /** The organisation's locale (BCP 47), already read: this is a copy for one organisation's checks. */
    private final Function<String, String> organizationLocales;
    private final CustomSchemaStore customSchemas;
    private final OrganizationSettingsStore organizationSettings;

    @Inject
    public FileChecker(Schemas schemas, CustomSchemaStore customSchemas, OrganizationSettingsStore organizationSettings) {
        this.schemas = schemas;
        this.customSchemas = customSchemas;
        this.organizationSettings = organizationSettings;
        this.organizationLocales = organization -> {
            if (organization == null || organization.isBlank()) {
                return DatasetSettings.DEFAULT_LOCALE;
            }
            throw new IllegalStateException("The locale of " + organization + " was not read before the check:"
                    + " FileChecker.forOrganisation");
        };
    }

    /** For tests and tools: the schemas with the organisations' own, and their locales, at hand. */
    public FileChecker(Schemas schemas, Function<String, String> organizationLocales) {
        this.schemas = schemas;
        this.organizationLocales = organizationLocales;
        this.customSchemas = null;
        this.organizationSettings = null;
    }

    /**
     * Reads, reactively, what a check of {@code organization}'s file needs from the database (its own schemas, its
     * locale), and gives the checker that has them for {@link #check}, which may then run on a worker.
     */
    public Uni<FileChecker> forOrganisation(String organization) {
        return customSchemas.latest(organization).chain(own -> organizationSettings.locale(organization)
                .map(locale -> new FileChecker(schemas.forOrganisation(organization, own),
                        asked -> asked != null && asked.equals(organization) ? locale : DatasetSettings.DEFAULT_LOCALE)));
    }

    /**
     * What to do beyond validating.
     *
     * @param fix      apply the engine's safe automatic fixes (the pipeline does; synchronous validation on request)
     * @param settings the dataset's column mapping and personal-data decisions, with the salt of its hashes
     * @param outputs  the full error list and the annotated file, when asked for
     * @param decisions the decisions remembered for the dataset (ingest sends them with the file)
     */
    public record CheckRequest(boolean fix, DatasetSettingsStore.Stored settings, ReportOutputs outputs,
                               List<RememberedDecision> decisions) {

        public CheckRequest {
            decisions = decisions == null ? List.of() : List.copyOf(decisions);
        }

        public CheckRequest(boolean fix, DatasetSettingsStore.Stored settings, ReportOutputs outputs) {
            this(fix, settings, outputs, List.of());
        }

        public static CheckRequest validateOnly() {
            return new CheckRequest(false, new DatasetSettingsStore.Stored(DatasetSettings.NONE, null),
                    ReportOutputs.none());
        }
    }

    /**
     * @param schemaName the schema named by the upload or the dataset; null or blank to detect it from the file
     * @param context    the upload's identity, copied into the report; its organisation's own schemas are
     *                   found by name and considered by detection, its locale applies when the dataset has none
     * @param clean      where the clean CSV goes; left empty when no check could run
     */
    public ReportDocument check(Path raw, String schemaName, Path clean, ReportDocument context, CheckRequest request) {
        try {
            SchemaDetection detection = null;
            String name = schemaName == null || schemaName.isBlank() ? null : schemaName.strip();
            String organization = context.organization();
            if (name == null) {
                detection = SchemaDetector.detect(raw, ReadOptions.defaults(), schemas.catalog(organization));
                if (detection.chosen().isEmpty()) {
                    return problem(context, null, detection.message(), new ApiError("schema-not-detected",
                            detection.message(), "Déposez à nouveau le fichier en indiquant son schéma, parmi : "
                            + schemas.names(organization) + "."));
                }
                name = detection.chosen().get();
            }
            Optional<TableSchema> schema = schemas.find(organization, name);
            Optional<GeoJsonSchema> geoJson = schemas.findGeoJson(name);
            if (schema.isEmpty() && geoJson.isPresent()) {
                return geoJsonReport(context, name, GeoJsonCheck.of(geoJson.get()).run(raw));
            }
            if (schema.isEmpty()) {
                String summary = "Le schéma « " + name + " » est inconnu : le fichier n'a pas pu être contrôlé.";
                return problem(context, name, summary, new ApiError("unknown-schema", summary,
                        "Déposez à nouveau le fichier en indiquant l'un de ces schémas : " + schemas.names(organization) + "."));
            }
            // The dataset's locale, else its organisation's, else fr-FR: it settles 05/04/2024 and 1,234.
            QualityCheck check = QualityCheck.of(schema.get()).withOptions(ReadOptions.defaults().withLocale(
                    request.settings().settings().readingLocale(organizationLocales.apply(organization))));
            if (detection != null) {
                check = check.withSchemaDetection(detection);
            }
            if (request.fix()) {
                check = check.withFixes();
            }
            try {
                if (!request.settings().settings().columnMapping().isEmpty()) {
                    check = check.withColumnMapping(request.settings().settings().columnMapping());
                }
                check = check.withPrivacyDecisions(request.settings().settings().privacyDecisions(),
                        request.settings().salt().orElse(null));
                if (!request.decisions().isEmpty()) {
                    check = check.withDecisions(request.decisions());
                }
            } catch (IllegalArgumentException e) {
                // The engine's message is French and names the column or the field: it is for staff as is.
                return problem(context, name, e.getMessage(), new ApiError("invalid-settings", e.getMessage(),
                        "Corrigez les réglages du jeu de données (PUT /api/v1/datasets/{org}/{dataset}/settings), "
                                + "puis contrôlez de nouveau le fichier."));
            }
            QualityReport report;
            try (OutputStream out = Files.newOutputStream(clean)) {
                report = check.run(raw, out, request.outputs());
            }
            QualityVerdict verdict = QualityVerdict.valueOf(report.verdict().name());
            return new ReportDocument(context.uploadId(), context.organization(), context.dataset(),
                    context.filename(), name, verdict, report.summary(), Instant.now(), report, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A GeoJSON file is checked and its findings said, but it stops here whatever its verdict: the pipeline after
     * quality (clean file, catalogue versions, portal) handles tables only.
     */
    private static ReportDocument geoJsonReport(ReportDocument context, String name, GeoJsonReport report) {
        StringBuilder summary = new StringBuilder(report.summary());
        report.samples().stream().limit(20).forEach(finding -> summary.append(' ').append(finding.message()));
        if (report.errorCount() > 20) {
            summary.append(" … et ").append(report.errorCount() - 20).append(" autres erreurs.");
        }
        summary.append(' ').append(GeoJsonNotice.notPublished());
        return problem(context, name, summary.toString(), new ApiError(report.valid() ? "geojson-not-published"
                : "geojson-invalid", summary.toString(), report.valid() ? GeoJsonNotice.notPublished()
                : "Corrigez les objets géographiques signalés, puis déposez de nouveau le fichier."));
    }

    private static ReportDocument problem(ReportDocument context, String schema, String summary, ApiError problem) {
        return new ReportDocument(context.uploadId(), context.organization(), context.dataset(), context.filename(),
                schema, QualityVerdict.INVALID, summary, Instant.now(), null, problem);
    }
}
