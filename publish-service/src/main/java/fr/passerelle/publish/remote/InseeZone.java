package fr.passerelle.publish.remote;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One code of a dataset's spatial coverage as the catalogue keeps it: a commune ({@code 38185}, {@code 2A004}), a
 * département ({@code 38}, {@code 2A}, {@code 971}) or a région ({@code reg-84}), and its level.
 *
 * @param level {@code commune}, {@code departement} or {@code region}, as GeoZones names French levels
 *              ({@code fr:commune}…)
 */
record InseeZone(String level, String code) {

    private static final Pattern COMMUNE = Pattern.compile("\\d[0-9AB]\\d{3}");
    private static final Pattern DEPARTEMENT = Pattern.compile("\\d{2,3}|2[AB]");
    private static final Pattern REGION = Pattern.compile("reg-(\\d{2})");

    /** Finest first: the granularity of several zones is that of the finest. */
    static final java.util.List<String> LEVELS = java.util.List.of("commune", "departement", "region");

    static Optional<InseeZone> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        if (COMMUNE.matcher(upper).matches()) {
            return Optional.of(new InseeZone("commune", upper));
        }
        if (DEPARTEMENT.matcher(upper).matches()) {
            return Optional.of(new InseeZone("departement", upper));
        }
        var region = REGION.matcher(code.strip().toLowerCase(Locale.ROOT));
        return region.matches() ? Optional.of(new InseeZone("region", region.group(1))) : Optional.empty();
    }

    /** In French, for a sentence: « la commune 38185 ». */
    String label() {
        return switch (level) {
            case "commune" -> "la commune " + code;
            case "departement" -> "le département " + code;
            default -> "la région " + code;
        };
    }
}
