package fr.passerelle.staff.notifications;

import fr.passerelle.staff.services.Api;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * « Mes notifications » as the person sent it: for each kind the service offers them, the radio button they
 * checked (the field is named {@code livraison-<kind>}). A kind they may not receive is ignored; a kind left
 * without a choice, or with a choice the page did not offer, is said beside its group.
 */
public record PreferencesForm(List<Line> lines, Map<String, String> errors) {

    static final String FIELD = "livraison-";

    /** One kind, its label and the delivery chosen (null when none). */
    public record Line(String kind, String label, String delivery, String field) {
        public List<Option> options() {
            List<Option> options = new ArrayList<>();
            for (Delivery choice : Delivery.values()) {
                options.add(new Option(choice.name(), choice.label(), choice.name().equals(delivery),
                        "livraison-" + field + "-" + choice.name().toLowerCase(java.util.Locale.ROOT)));
            }
            return options;
        }
    }

    public record Option(String value, String label, boolean checked, String id) {
    }

    /** The page before any change: what the service says the person chose. */
    static PreferencesForm of(Api.NotificationChoices choices) {
        List<Line> lines = new ArrayList<>();
        for (Api.NotificationChoice choice : offered(choices)) {
            lines.add(new Line(choice.kind(), choice.label(), choice.delivery(), fieldId(choice.kind())));
        }
        return new PreferencesForm(lines, Map.of());
    }

    /** What was sent, read against what the service offers (sent: the form's value for a field name). */
    static PreferencesForm read(Api.NotificationChoices offered, Function<String, String> sent) {
        List<Line> lines = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Api.NotificationChoice choice : offered(offered)) {
            String value = sent.apply(FIELD + choice.kind());
            String delivery = value == null ? null : Delivery.of(value.strip()).map(Delivery::name).orElse(null);
            if (delivery == null) {
                errors.put(choice.kind(), "Choisissez quand recevoir ce message : tout de suite, dans le résumé du jour, ou jamais.");
            }
            lines.add(new Line(choice.kind(), choice.label(), delivery, fieldId(choice.kind())));
        }
        return new PreferencesForm(lines, errors);
    }

    boolean valid() {
        return errors.isEmpty();
    }

    Api.ChosenDeliveries request() {
        return new Api.ChosenDeliveries(lines.stream().map(line -> new Api.ChosenDelivery(line.kind(), line.delivery())).toList());
    }

    private static List<Api.NotificationChoice> offered(Api.NotificationChoices choices) {
        return choices == null || choices.preferences() == null ? List.of() : choices.preferences();
    }

    /** An HTML id from a kind's code ({@code upload.rejected} → {@code upload-rejected}). */
    static String fieldId(String kind) {
        return kind.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
