package fr.passerelle.quality.engine.schema.custom;

import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.schema.Field;
import fr.passerelle.quality.engine.schema.RowCustomCheck;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the custom checks on several columns share: their name, code and fields, and French quoting. */
abstract class ColumnsCheck implements RowCustomCheck {

    private final String name;
    private final ErrorCode code;
    private final List<String> fields;

    ColumnsCheck(String name, ErrorCode code, List<String> fields) {
        this.name = name;
        this.code = code;
        this.fields = List.copyOf(fields);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ErrorCode code() {
        return code;
    }

    @Override
    public String field() {
        return fields.get(0);
    }

    @Override
    public List<String> fields() {
        return fields;
    }

    /** The schema's fields named by {@code params.get(first)} then the names in {@code params.get(others)}; empty when one is unknown. */
    static Optional<List<String>> columns(Map<String, Object> params, List<Field> schemaFields, String first,
                                          String... others) {
        List<Object> wanted = new ArrayList<>();
        wanted.add(params.get(first));
        for (String other : others) {
            Object value = params.get(other);
            if (value instanceof List<?> list) {
                wanted.addAll(list);
            } else {
                wanted.add(value);
            }
        }
        List<String> names = schemaFields.stream().map(Field::name).toList();
        List<String> found = new ArrayList<>();
        for (Object column : wanted) {
            if (!(column instanceof String text) || !names.contains(text)) {
                return Optional.empty();
            }
            found.add(text);
        }
        return Optional.of(found);
    }

    static String quoted(String text) {
        return "« " + text + " »";
    }

    static String quotedList(List<String> texts) {
        if (texts.size() == 1) {
            return quoted(texts.get(0));
        }
        return texts.subList(0, texts.size() - 1).stream().map(ColumnsCheck::quoted).collect(Collectors.joining(", "))
                + " et " + quoted(texts.get(texts.size() - 1));
    }

    /** The cell as a number: its typed value when numeric, else its text read as a decimal; null when not a number. */
    static BigDecimal number(Cell cell) {
        if (cell.value() instanceof BigDecimal decimal) {
            return decimal;
        }
        if (cell.value() instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (cell.text() == null) {
            return null;
        }
        try {
            return new BigDecimal(cell.text().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
