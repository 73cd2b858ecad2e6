package fr.passerelle.staff.metadata;

import fr.passerelle.staff.services.Api;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The metadata form as a person filled it (texts as typed), turned into the catalogue's PUT body. Dates may
 * come as 2024-01-31 (a date field) or 31/01/2024 (typed by hand where the browser has no date field).
 */
public record MetadataForm(String title, String description, String keywords, String theme, String licence,
                           String frequency, String start, String end, List<String> spatial, String contactName,
                           String contactEmail) {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

    /** Form fields by the catalogue's field names, so that its refusals land beside the right one. */
    static final Map<String, String> FIELD_OF = Map.ofEntries(
            Map.entry("title", "titre"), Map.entry("description", "description"), Map.entry("keywords", "mots-cles"),
            Map.entry("theme", "theme"), Map.entry("licence", "licence"), Map.entry("frequency", "frequence"),
            Map.entry("temporalStart", "debut"), Map.entry("temporalEnd", "fin"), Map.entry("temporal", "fin"),
            Map.entry("spatial", "commune"), Map.entry("contactName", "contact-nom"),
            Map.entry("contactEmail", "contact-email"));

    public static MetadataForm of(Api.DatasetDetail dataset) {
        return new MetadataForm(dataset.title(), dataset.description(),
                dataset.keywords() == null ? "" : String.join(", ", dataset.keywords()), dataset.theme(),
                dataset.licence(), dataset.frequency(),
                dataset.temporalStart() == null ? "" : dataset.temporalStart().toString(),
                dataset.temporalEnd() == null ? "" : dataset.temporalEnd().toString(),
                dataset.spatial() == null ? List.of() : dataset.spatial(), dataset.contactName(), dataset.contactEmail());
    }

    /** The keywords one by one: separated by commas or semicolons, blanks and repeats dropped. */
    public List<String> keywordList() {
        if (keywords == null) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(Arrays.stream(keywords.split("[,;]")).map(String::strip)
                .filter(k -> !k.isEmpty()).toList()));
    }

    /** What the form says wrong before asking the catalogue (field → French message); empty when none. */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (date(start) == null && !blank(start)) {
            errors.put("debut", "La date de début « " + start.strip() + " » n'est pas une date : écrivez-la comme 31/01/2024.");
        }
        if (date(end) == null && !blank(end)) {
            errors.put("fin", "La date de fin « " + end.strip() + " » n'est pas une date : écrivez-la comme 31/12/2024.");
        }
        return errors;
    }

    /**
     * The PUT body. A field left empty is emptied: sent empty (description, theme, keywords, coverage), or as
     * null for the dates and the contact, which the catalogue empties on a null (its PUT keeps what is left out).
     * Licence and frequency have no empty choice in the form.
     */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title == null ? "" : title.strip());
        body.put("description", description == null ? "" : description.strip());
        body.put("keywords", keywordList());
        body.put("theme", theme == null ? "" : theme.strip());
        if (!blank(licence)) {
            body.put("licence", licence.strip());
        }
        if (!blank(frequency)) {
            body.put("frequency", frequency.strip());
        }
        body.put("temporalStart", isoDate(start));
        body.put("temporalEnd", isoDate(end));
        body.put("spatial", spatialCodes());
        body.put("contactName", blank(contactName) ? null : contactName.strip());
        body.put("contactEmail", blank(contactEmail) ? null : contactEmail.strip());
        return body;
    }

    public List<String> spatialCodes() {
        return spatial == null ? List.of() : List.copyOf(new LinkedHashSet<>(spatial.stream().map(String::strip)
                .filter(code -> !code.isEmpty()).toList()));
    }

    /** The same form with these communes added to the coverage. */
    public MetadataForm withSpatial(List<String> codes) {
        List<String> all = new ArrayList<>(spatialCodes());
        codes.stream().filter(code -> !all.contains(code)).forEach(all::add);
        return new MetadataForm(title, description, keywords, theme, licence, frequency, start, end, all, contactName,
                contactEmail);
    }

    static LocalDate date(String text) {
        if (blank(text)) {
            return null;
        }
        String value = text.strip();
        try {
            return value.contains("/") ? LocalDate.parse(value, FRENCH_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String isoDate(String text) {
        LocalDate date = date(text);
        return date == null ? null : date.toString();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
