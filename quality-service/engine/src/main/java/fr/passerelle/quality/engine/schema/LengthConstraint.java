package fr.passerelle.quality.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code minLength} or {@code maxLength}: characters of a string (Unicode characters, so "é"
 * counts one), items of an array, keys of an object.
 */
final class LengthConstraint implements ValueConstraint {

    private final boolean minimum;
    private final int bound;
    private final boolean counted;

    /** @param counted true for arrays and objects, whose length is a number of items */
    LengthConstraint(boolean minimum, int bound, boolean counted) {
        this.minimum = minimum;
        this.bound = bound;
        this.counted = counted;
    }

    @Override
    public String name() {
        return minimum ? "minLength" : "maxLength";
    }

    @Override
    public boolean accepts(Object value) {
        int length;
        if (value instanceof String text) {
            length = text.codePointCount(0, text.length());
        } else if (value instanceof JsonNode node) {
            length = node.size();
        } else {
            return true;
        }
        return minimum ? length >= bound : length <= bound;
    }

    @Override
    public String violation() {
        return minimum ? "est trop courte : il faut au moins " + units() : "est trop longue : " + units() + " au plus";
    }

    @Override
    public String hint() {
        return minimum ? "Complétez la valeur pour qu'elle compte au moins " + units() + "."
                : "Raccourcissez la valeur à " + units() + " au plus.";
    }

    private String units() {
        String unit = counted ? "élément" : "caractère";
        return bound + " " + unit + (bound >= 2 ? "s" : "");
    }
}
