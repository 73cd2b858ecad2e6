package fr.passerelle.quality.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The versions of a schema in schema.data.gouv.fr's catalogue ({@code schemas.json}): which is the latest, by its
 * numbers (2.10.0 after 2.9.1, v1.0 after 0.9.9), whatever the order of the list. One reading for the service's
 * refresh and the snapshot tool.
 */
public final class CatalogueVersions {

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private CatalogueVersions() {
    }

    /** The latest of an entry's {@code versions} that has a {@code schema_url} and a {@code version_name}. */
    public static Optional<JsonNode> latest(JsonNode versions) {
        List<JsonNode> usable = new ArrayList<>();
        versions.forEach(version -> {
            if (version.path("schema_url").isTextual() && version.path("version_name").isTextual()) {
                usable.add(version);
            }
        });
        return usable.stream().max(Comparator.comparing(version -> version.path("version_name").asText(),
                CatalogueVersions::compare));
    }

    /** Version names by their numbers, then as text. */
    public static int compare(String left, String right) {
        List<Long> a = numbers(left);
        List<Long> b = numbers(right);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int order = Long.compare(i < a.size() ? a.get(i) : 0, i < b.size() ? b.get(i) : 0);
            if (order != 0) {
                return order;
            }
        }
        return left.compareTo(right);
    }

    private static List<Long> numbers(String version) {
        List<Long> numbers = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(version);
        while (matcher.find() && numbers.size() < 6) {
            String digits = matcher.group();
            numbers.add(digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits));
        }
        return numbers;
    }
}
