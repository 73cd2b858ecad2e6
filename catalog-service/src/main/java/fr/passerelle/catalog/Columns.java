package fr.passerelle.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Column values as the reactive driver hands them in a native query's row, and the JSON text the repositories bind
 * where PostgreSQL wants an array: a bound String is cast from text in SQL ({@code CAST(CAST(?n AS text) AS jsonb)}),
 * never left for PostgreSQL to infer (the reactive client sends a String bound to a jsonb parameter as a JSON string
 * scalar). Arrays are read as their JSON text ({@code CAST(array_to_json(c) AS text)}), dates as ISO text.
 */
public final class Columns {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Integer>> INTEGERS = new TypeReference<>() {
    };

    private Columns() {
    }

    /** A {@code timestamptz}: platform-reactive's reading, the same in every service. */
    public static Instant instant(Object value) {
        return fr.passerelle.platform.reactive.Columns.instant(value);
    }

    /** A date selected as text ({@code CAST(c AS text)}: ISO, {@code AAAA-MM-JJ}). */
    public static LocalDate date(Object value) {
        return value == null ? null : LocalDate.parse((String) value);
    }

    public static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    public static long number(Object value) {
        return ((Number) value).longValue();
    }

    public static boolean bool(Object value) {
        return Boolean.TRUE.equals(value);
    }

    /** A {@code text[]} selected as JSON text; an SQL null is an empty list. */
    public static List<String> strings(Object json) {
        return json == null ? List.of() : read((String) json, STRINGS);
    }

    /** An {@code int[]} selected as JSON text; an SQL null is an empty list. */
    public static List<Integer> integers(Object json) {
        return json == null ? List.of() : read((String) json, INTEGERS);
    }

    /** A list as JSON text, to bind and cast in SQL; null stays null. */
    public static String json(List<?> values) {
        if (values == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list that is not writable as JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An array column that is not JSON: " + json, e);
        }
    }
}
