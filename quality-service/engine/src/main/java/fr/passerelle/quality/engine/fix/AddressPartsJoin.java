package fr.passerelle.quality.engine.fix;

import fr.passerelle.quality.engine.mapping.ColumnMatch;
import fr.passerelle.quality.engine.mapping.ColumnMatcher;
import fr.passerelle.quality.engine.mapping.ColumnOverrides;
import fr.passerelle.quality.engine.mapping.HeaderWords;
import fr.passerelle.quality.engine.mapping.MatchKind;
import fr.passerelle.quality.engine.read.TableSource;
import fr.passerelle.quality.engine.report.FixSample;
import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * An address split over columns — « N° », « Voie », « Code postal », « Commune », as address software and
 * registers keep it — when the schema wants one address field (IRVE's {@code adresse_station}, « [numéro] [rue]
 * [code postal] [ville] »): the parts become that field's column, joined in that order, before the other fixes
 * run. A part the schema has a field of its own for (mediation-numerique's {@code code_postal}) stays in its
 * column: only the parts no field claims are joined.
 *
 * <p>Decided on the header alone, like {@link CoordinatePairJoin}, and only when it is unambiguous: one address
 * field in the schema, not already fed by a column that may hold the whole address, a street column among the
 * unclaimed ones, and at least one other part. A column labelled « Adresse » that already feeds the field is
 * taken as the whole address: joining a town to it could write the town twice.
 */
final class AddressPartsJoin implements ColumnJoin {

    enum Part { NUMBER, STREET, POSTCODE, TOWN }

    /** Words that say a field or column is one part of an address, not the whole of it. */
    private static final Set<String> PART_WORDS = Set.of("numero", "no", "voie", "rue", "code", "postal", "postale",
            "commune", "ville", "localite", "complement", "brut", "insee", "departement", "region", "cle", "interop",
            "cedex", "lieu", "dit");
    private static final Set<String> NUMBER_WORDS = Set.of("numero", "no", "nro");
    private static final Set<String> STREET_WORDS = Set.of("voie", "rue");
    private static final Set<String> TOWN_WORDS = Set.of("commune", "ville", "localite");
    /** Words that may stand beside a part's own word without changing what it is. */
    private static final Set<String> PART_COMPANIONS = Set.of("adresse", "nom", "libelle", "type", "voie", "rue",
            "postal", "code", "implantation", "station", "site", "lieu", "indice", "repetition");
    private static final Pattern NUMBER_SIGN = Pattern.compile("(?i)\\s*n\\s*°\\s*(de\\s+)?(la\\s+)?(voie|rue)?\\s*");
    private static final Pattern FOUR_DIGIT_POSTCODE = Pattern.compile("\\d{4}");

    private final Field field;
    private final Map<Part, Integer> columns;
    private final int target;
    private final List<String> labels;

    private AddressPartsJoin(Field field, Map<Part, Integer> columns, int target, List<String> labels) {
        this.field = field;
        this.columns = columns;
        this.target = target;
        this.labels = labels;
    }

    /** The parts to join in this header, if the schema wants one address field and the header splits it. */
    static Optional<AddressPartsJoin> of(List<String> header, TableSchema schema, ColumnOverrides overrides) {
        List<Field> candidates = schema.fields().stream().filter(AddressPartsJoin::isWholeAddress).toList();
        if (candidates.size() != 1) {
            return Optional.empty();
        }
        Field field = candidates.get(0);
        List<ColumnMatch> matches = ColumnMatcher.match(header, schema, overrides).columns();
        Map<Part, Integer> parts = new EnumMap<>(Part.class);
        for (ColumnMatch match : matches) {
            int column = match.column() - 1;
            if (field.name().equals(match.field())) {
                // The field is fed already: a join only when that column says it is the street alone.
                Optional<Part> part = part(match.label());
                if (match.how() == MatchKind.USER || part.orElse(null) != Part.STREET || !namesStreet(match.label())) {
                    return Optional.empty();
                }
                parts.put(Part.STREET, column);
                continue;
            }
            if (match.field() != null || match.how() == MatchKind.USER) {
                continue;
            }
            Optional<Part> part = part(match.label());
            if (part.isPresent()) {
                if (parts.containsKey(part.get())) {
                    // Two unclaimed streets or towns: which one is the address is a person's call.
                    return Optional.empty();
                }
                parts.put(part.get(), column);
            }
        }
        if (!parts.containsKey(Part.STREET) || parts.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(new AddressPartsJoin(field, parts, parts.get(Part.STREET), header));
    }

    /** A text field naming an address and no part of one: {@code adresse}, {@code adresse_station}. */
    static boolean isWholeAddress(Field field) {
        if (!"string".equals(field.type().name())) {
            return false;
        }
        List<String> words = HeaderWords.of(field.name()).words();
        return words.contains("adresse") && words.stream().noneMatch(PART_WORDS::contains);
    }

    /** Which part of an address a column's label names, if it names one and nothing else. */
    static Optional<Part> part(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        if (NUMBER_SIGN.matcher(label).matches()) {
            return Optional.of(Part.NUMBER);
        }
        List<String> words = HeaderWords.of(label).words();
        if (words.isEmpty()) {
            return Optional.empty();
        }
        if (words.contains("postal") || words.contains("postale")) {
            return only(words, Set.of("postal", "postale"), Part.POSTCODE);
        }
        if (words.stream().anyMatch(NUMBER_WORDS::contains)) {
            return only(words, NUMBER_WORDS, Part.NUMBER);
        }
        if (words.stream().anyMatch(TOWN_WORDS::contains)) {
            return words.contains("code") || words.contains("insee") ? Optional.empty() : only(words, TOWN_WORDS, Part.TOWN);
        }
        if (words.stream().anyMatch(STREET_WORDS::contains)) {
            return only(words, STREET_WORDS, Part.STREET);
        }
        return words.equals(List.of("adresse")) ? Optional.of(Part.STREET) : Optional.empty();
    }

    private static boolean namesStreet(String label) {
        return HeaderWords.of(label).words().stream().anyMatch(STREET_WORDS::contains);
    }

    private static Optional<Part> only(List<String> words, Set<String> own, Part part) {
        for (String word : words) {
            if (!own.contains(word) && !PART_COMPANIONS.contains(word)) {
                return Optional.empty();
            }
        }
        return Optional.of(part);
    }

    /** {@code source} read with the address joined; fixes told to {@code log}. */
    static TableSource wrap(TableSource source, TableSchema schema, ColumnOverrides overrides, FixLog log) {
        return ColumnJoin.wrap(source, header -> of(header, schema, overrides), log);
    }

    @Override
    public List<String> header(List<String> header) {
        List<String> joined = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (c == target) {
                joined.add(field.name());
            } else if (!columns.containsValue(c)) {
                joined.add(header.get(c));
            }
        }
        return joined;
    }

    @Override
    public List<String> row(long number, List<String> cells, FixLog log) {
        StringJoiner address = new StringJoiner(" ");
        StringJoiner before = new StringJoiner(" | ");
        for (Part part : Part.values()) {
            Integer column = columns.get(part);
            if (column == null) {
                continue;
            }
            String value = column < cells.size() ? cells.get(column).strip() : "";
            before.add(value);
            if (part == Part.POSTCODE && FOUR_DIGIT_POSTCODE.matcher(value).matches()) {
                // A spreadsheet read 01000 as the number 1000.
                value = "0" + value;
            }
            if (!value.isEmpty()) {
                address.add(value);
            }
        }
        String value = address.toString().replaceAll("\\s+", " ");
        List<String> joined = new ArrayList<>();
        for (int c = 0; c < Math.max(cells.size(), target + 1); c++) {
            if (c == target) {
                joined.add(value);
            } else if (!columns.containsValue(c)) {
                joined.add(c < cells.size() ? cells.get(c) : "");
            }
        }
        if (!value.isEmpty()) {
            log.applied(FixCode.ADDRESS_JOINED, field.name(), "Les colonnes " + quotedLabels() + " ont été réunies dans le "
                    + "champ « " + field.name() + " » (numéro, voie, code postal, commune).",
                    new FixSample(number, before.toString(), value));
        }
        return joined;
    }

    private String quotedLabels() {
        StringJoiner quoted = new StringJoiner(", ");
        for (Part part : Part.values()) {
            Integer column = columns.get(part);
            if (column != null) {
                quoted.add("« " + labels.get(column) + " »");
            }
        }
        return quoted.toString();
    }
}
