package fr.passerelle.quality.engine.validation;

import fr.passerelle.quality.engine.mapping.ColumnOverrides;
import fr.passerelle.quality.engine.read.Dialect;
import fr.passerelle.quality.engine.read.TableReader;
import fr.passerelle.quality.engine.read.TableRow;
import fr.passerelle.quality.engine.read.TableSource;
import fr.passerelle.quality.engine.read.UnreadableRowException;
import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.ForeignKey;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The values the schema's self-referencing foreign keys point at, read in a first pass over the
 * file: a row may reference one further down, and reporting errors in file order needs them all
 * before the check starts. Only schemas with such keys pay for this pass.
 */
public final class ReferencedKeys {

    private static final ReferencedKeys NONE = new ReferencedKeys(false, List.of());

    private final boolean collected;
    private final List<SeenFingerprints> bySelfReference;

    private ReferencedKeys(boolean collected, List<SeenFingerprints> bySelfReference) {
        this.collected = collected;
        this.bySelfReference = bySelfReference;
    }

    /** Nothing read: self-referencing foreign keys are then not checked. */
    public static ReferencedKeys none() {
        return NONE;
    }

    /**
     * Reads the referenced fields of every self-referencing foreign key of {@code schema}. Rows the
     * main pass will report (unreadable, blank, wrongly typed cells) simply reference nothing here.
     */
    public static ReferencedKeys collect(Path file, Dialect dialect, TableSchema schema) throws IOException {
        if (!hasSelfReferences(schema)) {
            return NONE;
        }
        try (TableReader reader = TableReader.open(file, dialect)) {
            return collect(reader, schema);
        }
    }

    /** True when {@link #collect} would read anything: the schema has a self-referencing foreign key. */
    public static boolean hasSelfReferences(TableSchema schema) {
        return !selfReferences(schema).isEmpty();
    }

    /**
     * Like {@link #collect(Path, Dialect, TableSchema)}, from any source; its first non-blank row
     * is the header. The caller closes the source.
     */
    public static ReferencedKeys collect(TableSource reader, TableSchema schema) throws IOException {
        return collect(reader, schema, ColumnOverrides.none());
    }

    /** Like {@link #collect(TableSource, TableSchema)}, the columns matched with the caller's own mapping first. */
    public static ReferencedKeys collect(TableSource reader, TableSchema schema, ColumnOverrides overrides)
            throws IOException {
        List<ForeignKey> keys = selfReferences(schema);
        if (keys.isEmpty()) {
            return NONE;
        }
        List<SeenFingerprints> seen = new ArrayList<>();
        keys.forEach(key -> seen.add(new SeenFingerprints()));
        Fingerprinter fingerprinter = new Fingerprinter();
        Set<String> missingValues = new HashSet<>(schema.missingValues());
        try {
            TableRow header = reader.next();
            while (header != null && header.isBlank()) {
                header = reader.next();
            }
            if (header == null) {
                return new ReferencedKeys(true, seen);
            }
            ColumnMapping columns = HeaderMatcher.match(header, schema, overrides, error -> { });
            for (TableRow row = reader.next(); row != null; row = reader.next()) {
                for (int k = 0; k < keys.size(); k++) {
                    Optional<List<String>> values = canonical(row, schema, columns, keys.get(k).referencedFields(),
                            missingValues);
                    if (values.isPresent()) {
                        seen.get(k).putIfAbsent(fingerprinter.of(values.get()), row.number());
                    }
                }
            }
        } catch (UnreadableRowException e) {
            // The main pass stops on the same row and reports it; what was read before still counts.
        }
        return new ReferencedKeys(true, seen);
    }

    static List<ForeignKey> selfReferences(TableSchema schema) {
        return schema.foreignKeys().stream().filter(ForeignKey::isSelfReference).toList();
    }

    /** The referenced values as {@link CheckedRow#canonical} spells them, or empty when one is missing or wrong. */
    private static Optional<List<String>> canonical(TableRow row, TableSchema schema, ColumnMapping columns,
                                                    List<String> fieldNames, Set<String> missingValues) {
        List<String> values = new ArrayList<>(fieldNames.size());
        for (String name : fieldNames) {
            int fieldIndex = schema.fieldNames().indexOf(name);
            int column = columns.columnOf(fieldIndex);
            if (column == ColumnMapping.ABSENT || column >= row.size() || missingValues.contains(row.cell(column))) {
                return Optional.empty();
            }
            Field field = schema.fields().get(fieldIndex);
            Optional<Object> typed = field.type().cast(row.cell(column));
            if (typed.isEmpty()) {
                return Optional.empty();
            }
            values.add(String.valueOf(typed.get()));
        }
        return Optional.of(values);
    }

    boolean collected() {
        return collected;
    }

    /** @param index the position of the key among the schema's self-referencing foreign keys */
    SeenFingerprints ofSelfReference(int index) {
        return bySelfReference.get(index);
    }
}
