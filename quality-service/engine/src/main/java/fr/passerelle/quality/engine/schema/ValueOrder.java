package fr.passerelle.quality.engine.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Optional;

/** Orders two typed values for {@code minimum} and {@code maximum}, across the Java classes the types produce. */
final class ValueOrder {

    private ValueOrder() {
    }

    /**
     * @return negative, zero or positive as {@code a} is below, equal to or above {@code b}; empty
     *         when they cannot be compared (NaN, or values of unrelated kinds)
     */
    static Optional<Integer> compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return compareNumbers(x, y);
        }
        // Wall-clock comparison when only one side has an offset: the schema gives no time zone to convert with.
        if (a instanceof OffsetDateTime x && b instanceof LocalDateTime y) {
            return Optional.of(x.toLocalDateTime().compareTo(y));
        }
        if (a instanceof LocalDateTime x && b instanceof OffsetDateTime y) {
            return Optional.of(x.compareTo(y.toLocalDateTime()));
        }
        if (a instanceof OffsetTime x && b instanceof LocalTime y) {
            return Optional.of(x.toLocalTime().compareTo(y));
        }
        if (a instanceof LocalTime x && b instanceof OffsetTime y) {
            return Optional.of(x.compareTo(y.toLocalTime()));
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable<?>) {
            @SuppressWarnings("unchecked")
            Comparable<Object> comparable = (Comparable<Object>) a;
            return Optional.of(comparable.compareTo(b));
        }
        return Optional.empty();
    }

    private static Optional<Integer> compareNumbers(Number a, Number b) {
        if (isNaN(a) || isNaN(b)) {
            return Optional.empty();
        }
        if (a instanceof Double || b instanceof Double || a instanceof Float || b instanceof Float) {
            // INF and -INF: the only doubles the types produce, with NaN.
            if (Double.isInfinite(a.doubleValue()) || Double.isInfinite(b.doubleValue())) {
                return Optional.of(Double.compare(a.doubleValue(), b.doubleValue()));
            }
        }
        return Optional.of(decimal(a).compareTo(decimal(b)));
    }

    private static boolean isNaN(Number n) {
        return (n instanceof Double || n instanceof Float) && Double.isNaN(n.doubleValue());
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue());
        }
        return BigDecimal.valueOf(n.longValue());
    }
}
