package fr.passerelle.quality.engine.decision;

import fr.passerelle.quality.engine.fix.DateOrder;
import fr.passerelle.quality.engine.fix.FixDecisions;
import fr.passerelle.quality.engine.mapping.ColumnOverrides;
import fr.passerelle.quality.engine.privacy.PrivacyAction;
import fr.passerelle.quality.engine.privacy.PrivacyDecisions;
import fr.passerelle.quality.engine.schema.TableSchema;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Remembered decisions turned into what the engine already knows how to apply: the column mapping, the
 * personal-data decisions, the date orders and the near-duplicates. The dataset's own settings (chosen by a
 * publisher) win over a decision about the same column; a decision the schema cannot take (a field it no longer
 * has) is left aside, never an error: it is reported as not applied.
 *
 * @param overrides    the settings' column mapping with the mapping decisions added
 * @param privacy      the settings' personal-data decisions with the decisions added
 * @param fixDecisions the date orders and the near-duplicates
 * @param setAside     decision id → why it could not be applied, in French
 */
public record DecisionInputs(ColumnOverrides overrides, PrivacyDecisions privacy, FixDecisions fixDecisions,
                             Map<String, String> setAside) {

    /** The value of the « ignore this column » answer to a mapping question. */
    public static final String IGNORE = "ignorer";
    public static final String DAY_MONTH = "jour-mois";
    public static final String MONTH_DAY = "mois-jour";
    public static final String KEEP = "garder";
    public static final String DROP = "supprimer";

    public static DecisionInputs of(List<RememberedDecision> decisions, ColumnOverrides settingsMapping,
                                    PrivacyDecisions settingsPrivacy, TableSchema schema) {
        Map<String, String> mapping = new LinkedHashMap<>(settingsMapping.asMap());
        Set<String> claimedFields = new HashSet<>(mapping.values());
        Map<String, PrivacyAction> privacy = new LinkedHashMap<>(settingsPrivacy.actions());
        Map<String, DateOrder> dates = new LinkedHashMap<>();
        Boolean dropNearDuplicates = null;
        Map<String, String> setAside = new LinkedHashMap<>();
        for (RememberedDecision decision : decisions) {
            String subject = decision.subject() == null ? "" : decision.subject();
            switch (decision.kind()) {
                case COLUMN -> {
                    if (settingsMapping.asMap().containsKey(subject)) {
                        setAside.put(decision.id(), "les réglages du jeu de données associent déjà la colonne « "
                                + subject + " »");
                        continue;
                    }
                    String field = IGNORE.equals(decision.choice()) ? "" : fieldNamed(decision.choice(), schema).orElse(null);
                    if (field == null) {
                        setAside.put(decision.id(), "le schéma « " + schema.displayTitle() + " » n'a pas de champ « "
                                + decision.choice() + " »");
                    } else if (!field.isEmpty() && !claimedFields.add(field)) {
                        setAside.put(decision.id(), "une autre colonne alimente déjà le champ « " + field + " »");
                    } else {
                        mapping.put(subject, field);
                    }
                }
                case PERSONAL_DATA -> {
                    Optional<PrivacyAction> action = PrivacyAction.parse(decision.choice());
                    if (privacy.containsKey(subject)) {
                        setAside.put(decision.id(), "les réglages du jeu de données décident déjà de la colonne « "
                                + subject + " »");
                    } else if (action.isEmpty()) {
                        setAside.put(decision.id(), "le choix « " + decision.choice() + " » est inconnu");
                    } else if (action.get() == PrivacyAction.HASH && settingsPrivacy.hashSalt() == null) {
                        setAside.put(decision.id(), "le jeu de données n'a pas encore de sel pour hacher ses valeurs");
                    } else {
                        privacy.put(subject, action.get());
                    }
                }
                case DATE_ORDER -> {
                    if (DAY_MONTH.equals(decision.choice()) || MONTH_DAY.equals(decision.choice())) {
                        dates.put(subject, DAY_MONTH.equals(decision.choice()) ? DateOrder.DAY_FIRST : DateOrder.MONTH_FIRST);
                    } else {
                        setAside.put(decision.id(), "le choix « " + decision.choice() + " » est inconnu");
                    }
                }
                case NEAR_DUPLICATES -> {
                    if (KEEP.equals(decision.choice()) || DROP.equals(decision.choice())) {
                        dropNearDuplicates = DROP.equals(decision.choice());
                    } else {
                        setAside.put(decision.id(), "le choix « " + decision.choice() + " » est inconnu");
                    }
                }
                default -> throw new IllegalStateException("unknown decision kind " + decision.kind());
            }
        }
        return new DecisionInputs(ColumnOverrides.of(mapping, schema), new PrivacyDecisions(privacy,
                settingsPrivacy.hashSalt()), new FixDecisions(dates, dropNearDuplicates), setAside);
    }

    private static Optional<String> fieldNamed(String name, TableSchema schema) {
        return schema.fieldNames().stream().filter(field -> field.equals(name)).findFirst();
    }
}
