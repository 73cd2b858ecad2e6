package fr.passerelle.publish.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.publish.publication.Publications.PublishedVersion;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What a dataset's page says about it, read from the publication request the catalogue sent with its newest version
 * ({@link PublishedVersion#request()}). Every part but the title may be missing (a version published before the
 * request was kept, a field the catalogue does not send yet, metadata nobody wrote): the page then leaves it out.
 *
 * @param schema     the national (or the organisation's own) schema the file conforms to; null when there is none
 * @param keywords   never null
 * @param spatial    places, in words; never null
 */
public record DatasetDescription(String title, String description, String organisation, FrenchWords.Licence licence,
                          List<String> keywords, String theme, String frequency, String temporal, List<String> spatial,
                          Contact contact, Conformity schema) {

    private static final Logger LOG = Logger.getLogger(DatasetDescription.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    // The request's field names (PublicationRequested, DatasetMetadata, CatalogueSchema): the national schema as
    // schema.data.gouv.fr names it, and the version the file was checked against.
    private static final String METADATA = "metadata";
    private static final String CATALOGUE_SCHEMA = "catalogueSchema";

    /** Who to write to about the data; either part may be null, not both. */
    public record Contact(String name, String email) {
    }

    /**
     * The schema a published file conforms to (every published version passed its check).
     *
     * @param title   the schema's name in the national catalogue ({@code etalab/schema-irve-statique}); its
     *                identifier for an organisation's own schema or a version published before it was sent
     * @param version the version the file was checked against, when the catalogue lists it
     */
    public record Conformity(String id, String title, String version) {

        /** « Conforme au schéma Stationnement cyclable 1.0.0 » */
        public String label() {
            return "Conforme au schéma " + title + (version == null ? "" : " " + version);
        }
    }

    static DatasetDescription of(PublishedVersion latest, OrganisationNames organisations) {
        JsonNode request = read(latest);
        JsonNode metadata = request.path(METADATA);
        String description = text(metadata, "description");
        return new DatasetDescription(latest.displayTitle(), description != null ? description : latest.description(),
                organisations.of(latest.organization()),
                FrenchWords.licence(firstNonNull(text(metadata, "licence"), latest.licence())),
                texts(metadata.path("keywords")), text(metadata, "theme"),
                FrenchWords.frequency(text(metadata, "frequency")),
                FrenchWords.period(date(metadata, "temporalStart"), date(metadata, "temporalEnd")),
                texts(metadata.path("spatial")).stream().map(FrenchWords::place).toList(),
                contact(metadata), conformity(latest.schema(), request));
    }

    private static Conformity conformity(String schema, JsonNode request) {
        if (schema == null || schema.isBlank()) {
            return null;
        }
        JsonNode declared = request.path(CATALOGUE_SCHEMA);
        String name = text(declared, "name");
        return new Conformity(schema, name == null ? schema : name, text(declared, "version"));
    }

    private static Contact contact(JsonNode metadata) {
        String name = text(metadata, "contactName");
        String email = text(metadata, "contactEmail");
        return name == null && email == null ? null : new Contact(name, email);
    }

    private static JsonNode read(PublishedVersion version) {
        if (version.request() == null) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(version.request());
        } catch (IOException e) {
            // Ours, written by Publications: a page without its details beats no page.
            LOG.warnf("Unreadable publication request of %s/%s v%d: %s", version.organization(), version.dataset(),
                    version.version(), e.getMessage());
            return JSON.missingNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText().strip() : null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> {
            if (item.isValueNode() && !item.isNull() && !item.asText().isBlank()) {
                values.add(item.asText().strip());
            }
        });
        return List.copyOf(values);
    }

    private static LocalDate date(JsonNode metadata, String field) {
        String value = text(metadata, field);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
