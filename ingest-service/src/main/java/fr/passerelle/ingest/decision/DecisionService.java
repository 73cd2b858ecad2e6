package fr.passerelle.ingest.decision;

import fr.passerelle.contracts.DecisionQuestion;
import fr.passerelle.ingest.upload.UploadService;
import fr.passerelle.ingest.upload.UploadView;
import fr.passerelle.platform.audit.AuditTrail;
import fr.passerelle.platform.security.Caller;
import fr.passerelle.platform.security.Roles;
import fr.passerelle.platform.web.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Records staff's answers to the questions of an upload as the dataset's remembered decisions, then checks the same
 * file again; edits and forgets remembered decisions.
 */
@ApplicationScoped
public class DecisionService {

    private final OpenQuestions questions;
    private final DatasetDecisions decisions;
    private final UploadService uploads;
    private final AuditTrail audit;
    private final Caller caller;

    public DecisionService(OpenQuestions questions, DatasetDecisions decisions, UploadService uploads, AuditTrail audit,
                           Caller caller) {
        this.questions = questions;
        this.decisions = decisions;
        this.uploads = uploads;
        this.audit = audit;
        this.caller = caller;
    }

    /** One answer: the question's id and the value of the answer chosen. */
    public record Answer(String id, String choice) {
    }

    /** @return the new check of the same file */
    public UploadView decide(UploadView upload, List<Answer> answers) {
        if (answers == null || answers.isEmpty()) {
            throw ApiException.badRequest("decisions-required", "Aucune décision n'a été envoyée.",
                    "Envoyez {\"decisions\": [{\"id\": \"…\", \"choice\": \"…\"}], avec les identifiants et les réponses"
                            + " proposés par le rapport du dépôt.");
        }
        Map<String, DecisionQuestion> open = new LinkedHashMap<>();
        questions.of(UUID.fromString(upload.uploadId())).forEach(question -> open.put(question.id(), question));
        Map<String, Answer> chosen = new LinkedHashMap<>();
        for (Answer answer : answers) {
            DecisionQuestion question = answer == null || answer.id() == null ? null : open.get(answer.id().strip());
            if (question == null) {
                throw ApiException.badRequest("unknown-decision", "Le dépôt " + upload.uploadId() + " ne pose pas la "
                        + "question « " + (answer == null ? null : answer.id()) + " ».", open.isEmpty()
                        ? "Le contrôle de ce dépôt ne laisse aucune question ouverte."
                        : "Questions ouvertes : " + String.join(", ", open.keySet()) + ".");
            }
            String choice = answer.choice() == null ? "" : answer.choice().strip();
            if (!question.choices().contains(choice)) {
                throw ApiException.badRequest("invalid-choice", "« " + choice + " » n'est pas une réponse possible à la "
                        + "question « " + question.id() + " ».", "Réponses possibles : "
                        + String.join(", ", question.choices()) + ".");
            }
            requirePublisherToPublish(question.kind(), question.subject(), choice);
            chosen.put(question.id(), new Answer(question.id(), choice));
        }
        String who = caller.subject();
        QuarkusTransaction.requiringNew().run(() -> {
            chosen.values().forEach(answer -> {
                DecisionQuestion question = open.get(answer.id());
                decisions.save(upload.organization(), upload.dataset(), question.id(), question.kind(), question.subject(),
                        answer.choice(), who);
            });
            audit.record("decisions.recorded", upload.organization(), upload.dataset(), "Décisions mémorisées pour le "
                    + "jeu de données (dépôt " + upload.uploadId() + ") : " + chosen.values().stream()
                    .map(answer -> DecisionWords.label(open.get(answer.id()).kind(), open.get(answer.id()).subject(),
                            answer.choice())).collect(Collectors.joining(" ; ")) + ".");
        });
        return uploads.recheck(upload.uploadId());
    }

    /** Changes the answer of a remembered decision; its next files follow it. */
    public RememberedDecision change(String organization, String dataset, String id, String choice) {
        RememberedDecision decision = remembered(organization, dataset, id);
        String wanted = choice == null ? "" : choice.strip();
        List<String> allowed = DecisionWords.FIXED_CHOICES.get(decision.kind());
        if (wanted.isEmpty() || (allowed != null && !allowed.contains(wanted))) {
            throw ApiException.badRequest("invalid-choice", "« " + wanted + " » n'est pas une réponse possible à la "
                    + "question « " + id + " ».", allowed != null ? "Réponses possibles : " + String.join(", ", allowed)
                    + "." : "Indiquez le nom d'un champ du schéma, ou « ignorer ».");
        }
        requirePublisherToPublish(decision.kind(), decision.subject(), wanted);
        QuarkusTransaction.requiringNew().run(() -> {
            decisions.save(organization, dataset, id, decision.kind(), decision.subject(), wanted, caller.subject());
            audit.record("decision.changed", organization, dataset, "Décision mémorisée modifiée : "
                    + DecisionWords.label(decision.kind(), decision.subject(), wanted) + ".");
        });
        return remembered(organization, dataset, id);
    }

    /**
     * Publishing a column of personal data is a publisher's call, as the dataset's privacy settings are: a remembered
     * « publique » publishes that column in every later version without a publisher seeing it again. Removing,
     * masking or hashing only ever publishes less, so contributors may choose those.
     */
    private void requirePublisherToPublish(String kind, String subject, String choice) {
        if (DecisionWords.PERSONAL_DATA.equals(kind) && "publique".equals(choice) && !caller.hasRole(Roles.PUBLISHER)) {
            throw new ApiException(403, "publisher-required", "Publier telles quelles les données personnelles de la "
                    + "colonne « " + subject + " » est une décision réservée aux publieurs de l'organisation.",
                    "Choisissez supprimer, masquer ou hacher, ou demandez à un publieur de décider.");
        }
    }

    /** Forgets a remembered decision: the dataset's next files ask the question again. */
    public void forget(String organization, String dataset, String id) {
        RememberedDecision decision = remembered(organization, dataset, id);
        QuarkusTransaction.requiringNew().run(() -> {
            decisions.forget(organization, dataset, id);
            audit.record("decision.forgotten", organization, dataset, "Décision oubliée : " + decision.label()
                    + " ; la question sera posée de nouveau.");
        });
    }

    private RememberedDecision remembered(String organization, String dataset, String id) {
        return decisions.find(organization, dataset, id).orElseThrow(() -> ApiException.notFound("unknown-decision",
                "Le jeu de données « " + dataset + " » n'a pas de décision mémorisée « " + id + " »."));
    }
}
