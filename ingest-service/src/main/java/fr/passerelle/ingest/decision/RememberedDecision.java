package fr.passerelle.ingest.decision;

import fr.passerelle.contracts.DatasetDecision;
import java.time.Instant;

/**
 * A decision remembered for a dataset, as the API shows it.
 *
 * @param id        the question's stable id
 * @param kind      {@code colonne}, {@code ordre-des-dates}, {@code quasi-doublons} or {@code donnees-personnelles}
 * @param subject   the column (or the field for a date order); null for near-duplicates
 * @param choice    the answer chosen
 * @param label     the decision in French, e.g. « Colonne « Courriel » : masquer »
 * @param decidedBy who decided, as in the audit log
 */
public record RememberedDecision(String id, String kind, String subject, String choice, String label, String decidedBy,
                                 Instant decidedAt) {

    DatasetDecision asEvent() {
        return new DatasetDecision(id, kind, subject, choice);
    }
}
