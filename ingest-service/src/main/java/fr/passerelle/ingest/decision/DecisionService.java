package fr.passerelle.ingest.decision;

import fr.passerelle.contracts.DecisionQuestion;
import fr.passerelle.ingest.upload.UploadService;
import fr.passerelle.ingest.upload.UploadView;
import fr.passerelle.platform.audit.Actor;
import fr.passerelle.platform.reactive.ReactiveAuditTrail;
import fr.passerelle.platform.reactive.Transactions;
import fr.passerelle.platform.security.Caller;
import fr.passerelle.platform.security.Roles;
import fr.passerelle.platform.web.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Records staff's answers to the questions of an upload as the dataset's remembered decisions, then checks the same
 * file again; edits and forgets remembered decisions. Each change and its audit entry in one reactive transaction; who
 * asks (and may they) is read when the request is answered, before the first step of the chain.
 */
@ApplicationScoped
public class DecisionService {

    private final OpenQuestions questions;
    private final DatasetDecisions decisions;
    private final UploadService uploads;
    private final ReactiveAuditTrail audit;
    private final Caller caller;
    private final Transactions transactions;

    public DecisionService(OpenQuestions questions, DatasetDecisions decisions, UploadService uploads,
                           ReactiveAuditTrail audit, Caller caller, Transactions transactions) {
        this.transactions = transactions;
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
    public Uni<UploadView> decide(UploadView upload, List<Answer> answers) {
        if (answers == null || answers.isEmpty()) {
            throw ApiException.badRequest("decisions-required", "Aucune décision n'a été envoyée.",
                    "Envoyez {\"decisions\": [{\"id\": \"…\", \"choice\": \"…\"}], avec les identifiants et les réponses"
                            + " proposés par le rapport du dépôt.");
        }
        Actor actor = audit.caller();
        String who = caller.subject();
        boolean publisher = caller.hasRole(Roles.PUBLISHER);
        return questions.of(UUID.fromString(upload.uploadId())).chain(asked -> {
            Map<String, DecisionQuestion> open = new LinkedHashMap<>();
            asked.forEach(question -> open.put(question.id(), question));
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
                requirePublisherToPublish(publisher, question.kind(), question.subject(), choice);
                chosen.put(question.id(), new Answer(question.id(), choice));
            }
            return transactions.inTransaction(session -> {
                Uni<Void> saved = Uni.createFrom().voidItem();
                for (Answer answer : chosen.values()) {
                    DecisionQuestion question = open.get(answer.id());
                    saved = saved.chain(() -> decisions.save(upload.organization(), upload.dataset(), question.id(),
                            question.kind(), question.subject(), answer.choice(), who));
                }
                return saved.chain(() -> audit.record(actor, "decisions.recorded", upload.organization(),
                        upload.dataset(), "Décisions mémorisées pour le jeu de données (dépôt " + upload.uploadId()
                                + ") : " + chosen.values().stream().map(answer -> DecisionWords.label(
                                        open.get(answer.id()).kind(), open.get(answer.id()).subject(), answer.choice()))
                                .collect(Collectors.joining(" ; ")) + "."));
            });
        }).chain(() -> uploads.recheck(upload.uploadId(), actor));
    }

    /** Changes the answer of a remembered decision; its next files follow it. */
    public Uni<RememberedDecision> change(String organization, String dataset, String id, String choice) {
        Actor actor = audit.caller();
        String who = caller.subject();
        boolean publisher = caller.hasRole(Roles.PUBLISHER);
        return remembered(organization, dataset, id).chain(decision -> {
            String wanted = choice == null ? "" : choice.strip();
            List<String> allowed = DecisionWords.FIXED_CHOICES.get(decision.kind());
            if (wanted.isEmpty() || (allowed != null && !allowed.contains(wanted))) {
                throw ApiException.badRequest("invalid-choice", "« " + wanted + " » n'est pas une réponse possible à la "
                        + "question « " + id + " ».", allowed != null ? "Réponses possibles : " + String.join(", ", allowed)
                        + "." : "Indiquez le nom d'un champ du schéma, ou « ignorer ».");
            }
            requirePublisherToPublish(publisher, decision.kind(), decision.subject(), wanted);
            return transactions.inTransaction(session -> decisions.save(organization, dataset, id, decision.kind(),
                            decision.subject(), wanted, who)
                    .chain(() -> audit.record(actor, "decision.changed", organization, dataset,
                            "Décision mémorisée modifiée : " + DecisionWords.label(decision.kind(), decision.subject(),
                                    wanted) + ".")));
        }).chain(() -> remembered(organization, dataset, id));
    }

    /**
     * Publishing a column of personal data is a publisher's call, as the dataset's privacy settings are: a remembered
     * « publique » publishes that column in every later version without a publisher seeing it again. Removing,
     * masking or hashing only ever publishes less, so contributors may choose those.
     */
    private static void requirePublisherToPublish(boolean publisher, String kind, String subject, String choice) {
        if (DecisionWords.PERSONAL_DATA.equals(kind) && "publique".equals(choice) && !publisher) {
            throw new ApiException(403, "publisher-required", "Publier telles quelles les données personnelles de la "
                    + "colonne « " + subject + " » est une décision réservée aux publieurs de l'organisation.",
                    "Choisissez supprimer, masquer ou hacher, ou demandez à un publieur de décider.");
        }
    }

    /** Forgets a remembered decision: the dataset's next files ask the question again. */
    public Uni<Void> forget(String organization, String dataset, String id) {
        Actor actor = audit.caller();
        return remembered(organization, dataset, id).chain(decision -> transactions.inTransaction(session ->
                decisions.forget(organization, dataset, id).chain(forgotten -> audit.record(actor, "decision.forgotten",
                        organization, dataset, "Décision oubliée : " + decision.label()
                                + " ; la question sera posée de nouveau.")))).replaceWithVoid();
    }

    private Uni<RememberedDecision> remembered(String organization, String dataset, String id) {
        return decisions.find(organization, dataset, id).map(found -> found.orElseThrow(() -> ApiException.notFound(
                "unknown-decision", "Le jeu de données « " + dataset + " » n'a pas de décision mémorisée « " + id
                        + " ».")));
    }
}
