package fr.passerelle.quality.schema;

import fr.passerelle.contracts.CatalogueSchema;
import fr.passerelle.quality.engine.schema.SchemaCatalog;
import fr.passerelle.quality.engine.schema.TableSchema;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What a file checked against a schema may declare on a portal: the national schema as the catalogue of
 * schema.data.gouv.fr names it ({@code irve-statique} is {@code etalab/schema-irve-statique}, version {@code 2.3.1}),
 * read from the snapshot's {@code catalogue.txt}. An organisation's own schema, or a national one the catalogue does
 * not list, declares nothing: a portal such as data.gouv.fr refuses a name its catalogue does not hold.
 */
@ApplicationScoped
public class CatalogueDeclarations {

    static final String RESOURCE = SchemaCatalog.SHIPPED_ROOT + "catalogue.txt";
    private static final Logger LOG = Logger.getLogger(CatalogueDeclarations.class);

    /** One line of catalogue.txt; {@code schemaJsonVersion} tells the shipped copy from one a refresh replaced. */
    record Line(String catalogueName, String catalogueVersion, String schemaJsonVersion, String url) {
    }

    private final Map<String, Line> lines;

    public CatalogueDeclarations() {
        this(read());
    }

    CatalogueDeclarations(Map<String, Line> lines) {
        this.lines = Map.copyOf(lines);
    }

    /**
     * @param schema the national Table Schema the file was checked against, as the registry serves it now; empty
     *               for an organisation's own schema
     */
    public Optional<CatalogueSchema> declaration(String name, Optional<TableSchema> schema) {
        Line line = name == null ? null : lines.get(name);
        if (line == null || schema.isEmpty()) {
            LOG.debugf("Schema %s is not in schema.data.gouv.fr's catalogue: nothing to declare on portals", name);
            return Optional.empty();
        }
        String checkedVersion = schema.get().version();
        if (line.catalogueVersion() != null && line.schemaJsonVersion() != null
                && line.schemaJsonVersion().equals(checkedVersion)) {
            return Optional.of(new CatalogueSchema(line.catalogueName(), line.catalogueVersion(), line.url()));
        }
        // Either the catalogue does not list the shipped version, or a catalogue refresh replaced the schema (with
        // the catalogue's latest): the name alone, with the latest URL, claims nothing the check did not do.
        return Optional.of(new CatalogueSchema(line.catalogueName(), null, latest(line.url())));
    }

    /** {@code …/schemas/etalab/schema-x/2.3.1/schema.json} → {@code …/schemas/etalab/schema-x/latest/schema.json}. */
    static String latest(String url) {
        return url.replaceFirst("/[^/]+/([^/]+)$", "/latest/$1");
    }

    private static Map<String, Line> read() {
        try (InputStream in = CatalogueDeclarations.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("No " + RESOURCE + " on the classpath");
            }
            Map<String, Line> lines = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                String[] parts = text.strip().split("\\s+");
                if (text.isBlank() || text.startsWith("#") || parts.length != 5) {
                    continue;
                }
                lines.put(parts[0], new Line(parts[1], dash(parts[2]), dash(parts[3]), parts[4]));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dash(String value) {
        return "-".equals(value) ? null : value;
    }
}
