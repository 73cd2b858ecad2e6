package fr.passerelle.staff.automation;

import java.util.ArrayList;
import java.util.List;

/** A schedule a person picks for an export URL, in words; a value set over the API appears as it is. */
public record IntervalChoice(int minutes, String label, boolean selected) {

    private static final int[] USUAL = {60, 360, 1440, 10080};

    static List<IntervalChoice> around(int current) {
        List<IntervalChoice> choices = new ArrayList<>();
        boolean usual = false;
        for (int minutes : USUAL) {
            choices.add(new IntervalChoice(minutes, label(minutes), minutes == current));
            usual |= minutes == current;
        }
        if (!usual) {
            choices.add(0, new IntervalChoice(current, label(current), true));
        }
        return choices;
    }

    static String label(int minutes) {
        return switch (minutes) {
            case 60 -> "Toutes les heures";
            case 360 -> "Toutes les 6 heures";
            case 1440 -> "Tous les jours";
            case 10080 -> "Toutes les semaines";
            default -> minutes % 1440 == 0 ? "Tous les " + minutes / 1440 + " jours"
                    : minutes % 60 == 0 ? "Toutes les " + minutes / 60 + " heures" : "Toutes les " + minutes + " minutes";
        };
    }
}
