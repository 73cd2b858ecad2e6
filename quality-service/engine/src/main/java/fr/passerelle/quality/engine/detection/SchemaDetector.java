package fr.passerelle.quality.engine.detection;

import fr.passerelle.quality.engine.mapping.ColumnMatch;
import fr.passerelle.quality.engine.mapping.ColumnMatcher;
import fr.passerelle.quality.engine.mapping.ColumnOverrides;
import fr.passerelle.quality.engine.mapping.HeaderMatch;
import fr.passerelle.quality.engine.mapping.MatchKind;
import fr.passerelle.quality.engine.read.FileHeader;
import fr.passerelle.quality.engine.read.HeaderReader;
import fr.passerelle.quality.engine.read.ReadOptions;
import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.SchemaCatalog;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds which schema of the catalogue a file follows, from its header alone: each schema is
 * matched with the header as a check would ({@link ColumnMatcher}) and scored; the best one is
 * chosen when its score reaches the threshold.
 *
 * <pre>{@code
 * SchemaDetection found = SchemaDetector.detect(rawFile, ReadOptions.defaults(), catalog);
 * found.chosen().flatMap(catalog::find).ifPresent(schema -> …);
 * }</pre>
 */
public final class SchemaDetector {

    /**
     * The least score to choose a schema. A file made for a schema scores 0.9 or more, even with its labels
     * respelt; a file of another national schema scores below 0.3 (they share only generic columns such as
     * "id", "gratuit" or "date_maj"). Half-way leaves room for files missing a few columns, and for a few
     * columns of their own.
     */
    public static final double DEFAULT_THRESHOLD = 0.5;
    /** Schemas listed in a detection, best first. */
    public static final int MAX_CANDIDATES = 5;
    /** Schemas named when none fits. */
    static final int CLOSEST_NAMED = 3;
    /** A required field counts as much as this many optional ones. */
    static final int REQUIRED_WEIGHT = 2;
    /** How much a header made only of unknown columns loses: half its score. */
    static final double UNKNOWN_COLUMNS_PENALTY = 0.5;

    private SchemaDetector() {
    }

    /** {@link #detect(Path, ReadOptions, SchemaCatalog, double)} with {@link #DEFAULT_THRESHOLD}. */
    public static SchemaDetection detect(Path rawFile, ReadOptions options, SchemaCatalog catalog) throws IOException {
        return detect(rawFile, options, catalog, DEFAULT_THRESHOLD);
    }

    /**
     * Reads only the header of {@code rawFile} (any format the engine reads) and ranks the catalogue's schemas.
     * A file whose header cannot be read gives a detection choosing nothing, its message saying why.
     *
     * @param threshold the least score, 0 to 1, for a schema to be chosen
     * @throws IOException only when the file cannot be read at all
     */
    public static SchemaDetection detect(Path rawFile, ReadOptions options, SchemaCatalog catalog, double threshold)
            throws IOException {
        List<TableSchema> schemas = catalog.schemas();
        Set<String> knownLabels = new LinkedHashSet<>();
        schemas.forEach(schema -> knownLabels.addAll(schema.fieldNames()));
        FileHeader header = HeaderReader.read(rawFile, options, knownLabels);
        if (header.problem() != null) {
            return new SchemaDetection(null, List.of(), threshold, "Aucun schéma n'était indiqué et les noms de "
                    + "colonnes du fichier n'ont pas pu être lus pour le trouver : " + header.problem());
        }
        return rank(header.labels(), schemas, threshold);
    }

    /** Ranks {@code schemas} by how well {@code labels} (a header) fit them. */
    public static SchemaDetection rank(List<String> labels, Collection<TableSchema> schemas, double threshold) {
        List<SchemaCandidate> all = new ArrayList<>();
        for (TableSchema schema : schemas) {
            if (!schema.fields().isEmpty()) {
                all.add(score(labels, schema));
            }
        }
        all.sort(Comparator.comparingDouble(SchemaCandidate::score).reversed().thenComparing(SchemaCandidate::name));
        List<SchemaCandidate> ranked = all.subList(0, Math.min(MAX_CANDIDATES, all.size()));
        if (!ranked.isEmpty() && ranked.get(0).score() >= threshold) {
            SchemaCandidate best = ranked.get(0);
            return new SchemaDetection(best.name(), ranked, threshold, "Aucun schéma n'était indiqué : le fichier "
                    + "ressemble au schéma « " + best.title() + " » (" + best.recognisedPercent()
                    + " % des champs reconnus).");
        }
        String message;
        if (ranked.isEmpty()) {
            message = "Aucun schéma n'était indiqué et le catalogue n'en contient aucun : indiquez le schéma à utiliser.";
        } else {
            message = "Aucun schéma n'était indiqué et le fichier ne ressemble assez à aucun schéma du catalogue. "
                    + (ranked.size() == 1 ? "Le plus proche est " : "Les plus proches sont ")
                    + ranked.stream().limit(CLOSEST_NAMED)
                    .map(c -> "« " + c.title() + " » (" + c.name() + ", " + c.recognisedPercent() + " % des champs reconnus)")
                    .collect(Collectors.joining(", "))
                    + ". Indiquez le schéma à utiliser, ou renommez les colonnes comme dans le schéma.";
        }
        return new SchemaDetection(null, ranked, threshold, message);
    }

    static SchemaCandidate score(List<String> labels, TableSchema schema) {
        HeaderMatch match = ColumnMatcher.match(labels, schema, ColumnOverrides.none());
        double earned = 0;
        double possible = 0;
        int matched = 0;
        for (Field field : schema.fields()) {
            int weight = field.required() ? REQUIRED_WEIGHT : 1;
            possible += weight;
            ColumnMatch column = match.columnOf(field.name());
            if (column != null) {
                matched++;
                earned += weight * (column.how() == MatchKind.FUZZY ? column.score() : 1.0);
            }
        }
        long named = labels.stream().filter(label -> !label.isEmpty()).count();
        long unknown = match.unknownColumns();
        double unknownShare = named == 0 ? 0 : (double) unknown / named;
        double score = earned / possible * (1 - UNKNOWN_COLUMNS_PENALTY * unknownShare);
        int percent = (int) Math.round(100.0 * matched / schema.fields().size());
        return new SchemaCandidate(schema.name(), schema.displayTitle(), Math.round(score * 1000) / 1000.0, percent,
                matched, schema.fields().size(), unknown);
    }
}
