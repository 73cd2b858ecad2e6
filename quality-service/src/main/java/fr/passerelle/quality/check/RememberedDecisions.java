package fr.passerelle.quality.check;

import fr.passerelle.contracts.DatasetDecision;
import fr.passerelle.contracts.DecisionQuestion;
import fr.passerelle.quality.engine.decision.Decision;
import fr.passerelle.quality.engine.decision.DecisionChoice;
import fr.passerelle.quality.engine.decision.DecisionKind;
import fr.passerelle.quality.engine.decision.RememberedDecision;
import fr.passerelle.quality.engine.privacy.PrivacyAction;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The decisions of the events turned into the engine's, and the engine's questions into the events'. */
final class RememberedDecisions {

    private static final Logger LOG = Logger.getLogger(RememberedDecisions.class);

    private RememberedDecisions() {
    }

    /** A decision of a kind this version does not know is left aside (logged): the file is checked without it. */
    static List<RememberedDecision> of(List<DatasetDecision> decisions) {
        return decisions.stream().flatMap(decision -> {
            Optional<DecisionKind> kind = DecisionKind.parse(decision.kind());
            if (kind.isEmpty() || decision.id() == null || decision.choice() == null) {
                LOG.warnf("Decision %s of unknown kind %s left aside", decision.id(), decision.kind());
                return java.util.stream.Stream.empty();
            }
            return java.util.stream.Stream.of(new RememberedDecision(decision.id(), kind.get(), decision.subject(),
                    decision.choice()));
        }).toList();
    }

    static boolean hashes(List<DatasetDecision> decisions) {
        return decisions.stream().anyMatch(decision -> DecisionKind.PERSONAL_DATA.code().equals(decision.kind())
                && decision.choice() != null && PrivacyAction.parse(decision.choice()).orElse(null) == PrivacyAction.HASH);
    }

    static List<DecisionQuestion> questions(List<Decision> decisions) {
        return decisions.stream().map(decision -> new DecisionQuestion(decision.id(), decision.kind().code(),
                decision.subject(), decision.choices().stream().map(DecisionChoice::value).toList())).toList();
    }
}
