package fr.passerelle.quality.engine.decision;

import fr.passerelle.quality.engine.mapping.ColumnMatch;
import fr.passerelle.quality.engine.mapping.MatchKind;
import fr.passerelle.quality.engine.privacy.PrivacyAction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What became of each remembered decision in one file, in French. A decision about a column the file no longer has
 * is said not to apply: it never blocks the file and stays remembered for the next ones.
 */
public final class DecisionOutcomes {

    private DecisionOutcomes() {
    }

    /**
     * @param setAside decision id → why it could not be applied at all ({@link DecisionInputs#setAside()})
     * @param columns  the file's columns and what they fed
     * @param privacy  the personal-data decisions applied, by column label
     */
    public static List<AppliedDecision> of(List<RememberedDecision> decisions, Map<String, String> setAside,
                                           List<ColumnMatch> columns, Map<String, PrivacyAction> privacy) {
        List<AppliedDecision> outcomes = new ArrayList<>();
        for (RememberedDecision decision : decisions) {
            String subject = decision.subject();
            String why = setAside.get(decision.id());
            if (why != null) {
                outcomes.add(notApplied(decision, "La décision mémorisée « " + decision.id() + " » n'a pas été appliquée : "
                        + why + "."));
                continue;
            }
            switch (decision.kind()) {
                case COLUMN -> {
                    boolean present = columns.stream().anyMatch(column -> column.how() == MatchKind.USER
                            && column.label() != null && column.label().strip().equalsIgnoreCase(subject.strip()));
                    outcomes.add(present ? applied(decision, DecisionInputs.IGNORE.equals(decision.choice())
                            ? "Colonne « " + subject + " » ignorée, selon la décision mémorisée."
                            : "Colonne « " + subject + " » associée au champ « " + decision.choice()
                            + " », selon la décision mémorisée.") : missingColumn(decision));
                }
                case PERSONAL_DATA -> {
                    PrivacyAction action = privacy.get(subject);
                    outcomes.add(action != null ? applied(decision, "Colonne « " + subject + " » " + action.frenchDone()
                            + ", selon la décision mémorisée sur ses données personnelles.") : missingColumn(decision));
                }
                case DATE_ORDER -> {
                    boolean present = columns.stream().anyMatch(column -> subject.equals(column.field()));
                    outcomes.add(present ? applied(decision, "Dates de la colonne « " + subject + " » lues comme "
                            + (DecisionInputs.DAY_MONTH.equals(decision.choice()) ? "jour/mois" : "mois/jour")
                            + " si elles peuvent se lire dans les deux sens, selon la décision mémorisée.")
                            : missingColumn(decision));
                }
                case NEAR_DUPLICATES -> outcomes.add(applied(decision, DecisionInputs.DROP.equals(decision.choice())
                        ? "Doublons probables (même nom, même adresse écrits autrement) supprimés, selon la décision mémorisée."
                        : "Doublons probables gardés sans nouvelle question, selon la décision mémorisée."));
                default -> throw new IllegalStateException("unknown decision kind " + decision.kind());
            }
        }
        return outcomes;
    }

    private static AppliedDecision applied(RememberedDecision decision, String message) {
        return new AppliedDecision(decision.id(), decision.choice(), true, message);
    }

    private static AppliedDecision notApplied(RememberedDecision decision, String message) {
        return new AppliedDecision(decision.id(), decision.choice(), false, message);
    }

    private static AppliedDecision missingColumn(RememberedDecision decision) {
        return notApplied(decision, "La décision mémorisée sur la colonne « " + decision.subject() + " » ne s'applique pas "
                + "à ce fichier : il n'a plus cette colonne. Elle reste mémorisée pour les suivants.");
    }
}
