package fr.passerelle.publish.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The catalogue's codes as a visitor reads them: licences by their name, frequencies and dates in French, INSEE
 * codes with what they are. The ids are the catalogue's ({@code catalog-service}'s {@code Licence} and
 * {@code Frequency}); an id the portal does not know yet is shown as it is rather than hidden.
 */
final class FrenchWords {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.FRENCH);

    /** The licence the catalogue gives a dataset that names none. */
    static final String DEFAULT_LICENCE = "etalab-2.0";

    private static final Map<String, Licence> LICENCES = Map.of(
            "etalab-2.0", new Licence("Licence Ouverte / Open Licence version 2.0",
                    "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"),
            "odbl", new Licence("Open Database License (ODbL)", "https://opendatacommons.org/licenses/odbl/1-0/"),
            "cc-by-4.0", new Licence("Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/"),
            "cc-by-sa-4.0", new Licence("Creative Commons Attribution - Partage dans les mêmes conditions 4.0",
                    "https://creativecommons.org/licenses/by-sa/4.0/"),
            "cc0-1.0", new Licence("Creative Commons Zero 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"));

    private static final Map<String, String> FREQUENCIES = Map.of(
            "continuous", "En continu",
            "daily", "Quotidienne",
            "weekly", "Hebdomadaire",
            "monthly", "Mensuelle",
            "quarterly", "Trimestrielle",
            "annual", "Annuelle",
            "irregular", "Irrégulière");

    /** A licence as the page names it; {@code url} is null for an id the portal does not know. */
    public record Licence(String name, String url) {
    }

    private FrenchWords() {
    }

    static Licence licence(String id) {
        String known = id == null || id.isBlank() ? DEFAULT_LICENCE : id.strip();
        return LICENCES.getOrDefault(known, new Licence(known, null));
    }

    /** Null when the catalogue gave none or said « unknown »: the page then says nothing about it. */
    static String frequency(String id) {
        if (id == null || id.isBlank() || id.equals("unknown")) {
            return null;
        }
        return FREQUENCIES.getOrDefault(id.strip(), id.strip());
    }

    /** « 1er mars 2026 à 10:30 », Paris time. */
    static String when(Instant instant) {
        var local = instant.atZone(PARIS);
        return day(local.toLocalDate()) + " à " + TIME.format(local);
    }

    /** « 1er janvier 2024 », « 2 janvier 2024 » */
    static String day(LocalDate date) {
        return (date.getDayOfMonth() == 1 ? "1er" : String.valueOf(date.getDayOfMonth())) + " " + MONTH_YEAR.format(date);
    }

    /** « Du 1er janvier 2024 au 31 décembre 2024 », « depuis le … », « jusqu'au … »; null without either date. */
    static String period(LocalDate start, LocalDate end) {
        if (start != null && end != null) {
            return "Du " + day(start) + " au " + day(end);
        }
        if (start != null) {
            return "Depuis le " + day(start);
        }
        return end == null ? null : "Jusqu'au " + day(end);
    }

    /** An INSEE code as the catalogue keeps it: a commune (5 characters), a département (2–3), a région ("reg-84"). */
    static String place(String code) {
        String value = code.strip();
        if (value.startsWith("reg-")) {
            return "Région (code INSEE " + value.substring(4) + ")";
        }
        if (value.length() == 5) {
            return "Commune (code INSEE " + value + ")";
        }
        if (value.length() == 2 || value.length() == 3) {
            return "Département " + value;
        }
        return value;
    }
}
