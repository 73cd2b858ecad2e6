package fr.passerelle.quality.engine.schema.custom;

import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.schema.CustomCheck;
import fr.passerelle.quality.engine.schema.Field;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code nomenclature-actes-value} (SCDL délibérations): the value starts with one of the nine subjects of the
 * "Actes" nomenclature, then a slash with no space around it, e.g. "Finances locales/Décisions budgétaires". Case and
 * accents of the subject do not matter (Validata's rules).
 */
final class NomenclatureActesValue implements CustomCheck {

    static final String NAME = "nomenclature-actes-value";
    static final List<String> SUBJECTS = List.of("Commande publique", "Urbanisme", "Domaine et patrimoine",
            "Fonction publique", "Institutions et vie politique", "Libertés publiques et pouvoirs de police",
            "Finances locales", "Domaines de compétences par thèmes", "Autres domaines de compétences");
    private static final Set<String> FOLDED = SUBJECTS.stream().map(NomenclatureActesValue::folded)
            .collect(Collectors.toSet());

    private final String field;

    private NomenclatureActesValue(String field) {
        this.field = field;
    }

    static Optional<CustomCheck> of(Map<String, Object> params, List<Field> fields) {
        return CustomCheckRegistry.column(params, fields).map(column -> new NomenclatureActesValue(column.name()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.NOMENCLATURE_ACTES_VALUE;
    }

    @Override
    public String field() {
        return field;
    }

    @Override
    public Optional<Violation> check(Object value, String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.of(new Violation("n'a pas de barre oblique « / » après la matière de la nomenclature Actes",
                    ErrorCode.NOMENCLATURE_ACTES_VALUE.defaultHint()));
        }
        String subject = text.substring(0, slash);
        boolean spaced = subject.endsWith(" ") || text.startsWith("/ ", slash);
        if (FOLDED.contains(folded(subject.strip()))) {
            return spaced ? Optional.of(new Violation("a une espace avant ou après la barre oblique",
                    "Supprimez les espaces autour de la barre oblique : « " + subject.strip() + "/"
                            + text.substring(slash + 1).strip() + " ».")) : Optional.empty();
        }
        return Optional.of(new Violation("ne commence pas par une matière de la nomenclature Actes (« " + subject.strip()
                + " » n'en est pas une)", "Choisissez l'une des matières : " + SUBJECTS.stream()
                .map(s -> "« " + s + " »").collect(Collectors.joining(", ")) + ", suivie de « / »."));
    }

    private static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
