package fr.passerelle.notification.outcome;

import fr.passerelle.contracts.PublicationFailed;
import fr.passerelle.contracts.QualityChecked;
import fr.passerelle.contracts.QualityVerdict;
import fr.passerelle.contracts.VersionRecorded;
import fr.passerelle.notification.mail.Letter;
import fr.passerelle.notification.people.Uploads;
import fr.passerelle.platform.deadletter.DeadLetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What each outcome says, in French: what happened, the figures, what to do, and the page of the staff app that does
 * it. Only what the events carry about the outcome goes in (dataset, counts, the pipeline's own sentences): never a
 * cell of the file, which may hold the very personal data that blocked it.
 */
@ApplicationScoped
public class Letters {

    private final String staffUrl;
    private final String opsUrl;

    public Letters(@ConfigProperty(name = "passerelle.notifications.staff-url") String staffUrl,
                   @ConfigProperty(name = "passerelle.notifications.ops-url") String opsUrl) {
        this.staffUrl = staffUrl.replaceAll("/+$", "");
        this.opsUrl = opsUrl;
    }

    public Letter checked(QualityChecked checked, Optional<Uploads.Arrival> arrival) {
        String file = arrival.map(Letters::file).orElse("Un fichier");
        String dataset = dataset(checked.organization(), checked.dataset());
        List<String> details = new ArrayList<>();
        details.add(String.format(Locale.FRANCE, "%s ligne%s lue%s, %s erreur%s, %.1f %% de cellules valides.",
                number(checked.rowCount()), plural(checked.rowCount()), plural(checked.rowCount()),
                number(checked.errorCount()), plural(checked.errorCount()), checked.validityPercent()));
        if (checked.verdict() == QualityVerdict.BLOCKED) {
            int questions = checked.decisionsOrNone().size();
            details.add(questions <= 1 ? "Une question attend votre réponse."
                    : questions + " questions attendent votre réponse.");
            return new Letter("[Passerelle] Fichier bloqué, une décision vous attend : " + checked.dataset(),
                    file + " pour le jeu de données " + dataset + " semble contenir des données personnelles :"
                            + " il ne sera pas publié tant qu'une personne n'a pas décidé quoi en faire.",
                    details, "Ouvrez la page « Décider » : supprimer la colonne, la pseudonymiser ou la garder si elle"
                    + " peut l'être. Le même fichier est alors contrôlé de nouveau, sans nouvel envoi.",
                    "Décider", staffUrl + "/depots/" + checked.uploadId() + "/decisions");
        }
        return new Letter("[Passerelle] Fichier refusé au contrôle : " + checked.dataset(),
                file + " pour le jeu de données " + dataset + " ne respecte pas le schéma attendu : il n'a pas été"
                        + " enregistré ni publié.",
                details, "Le rapport dit, pour chaque erreur, la ligne, la colonne et comment la corriger. Corrigez le"
                + " fichier à sa source (le tableur ou l'export), puis envoyez-le de nouveau.",
                "Voir le rapport", staffUrl + "/rapports/" + checked.uploadId());
    }

    public Letter awaitingApproval(VersionRecorded recorded) {
        return new Letter("[Passerelle] Version à approuver : " + recorded.dataset(),
                "La version " + recorded.version() + " du jeu de données " + dataset(recorded.organization(),
                        recorded.dataset()) + " est conforme et attend votre approbation avant d'être publiée.",
                List.of(), "Approuvez-la pour la publier, ou refusez-la en disant pourquoi : la personne qui l'a"
                + " envoyée le lira.", "Approuver ou refuser", staffUrl + "/jeux/" + recorded.dataset() + "/approbation");
    }

    public Letter publicationFailed(PublicationFailed failed) {
        return new Letter("[Passerelle] Publication en échec : " + failed.dataset(),
                "La version " + failed.version() + " du jeu de données " + dataset(failed.organization(),
                        failed.dataset()) + " n'a pas pu être publiée.",
                failed.reason() == null ? List.of() : List.of("Cause : " + failed.reason()),
                "La page « Portails » du jeu de données dit l'état de chaque portail ; un nouvel envoi s'y fait en un"
                        + " clic une fois la cause réglée (clé d'API, organisation sur le portail…).",
                "Voir les portails", staffUrl + "/jeux/" + failed.dataset() + "/portails");
    }

    /** A push to a remote portal that failed for good, as publish's audit entry says it. */
    public Letter portalFailed(fr.passerelle.contracts.AuditRecorded entry) {
        return new Letter("[Passerelle] Envoi sur un portail en échec : " + entry.dataset(),
                "Une version du jeu de données " + dataset(entry.organization(), entry.dataset())
                        + " n'a pas pu être envoyée sur un portail distant. Elle reste publiée sur le portail de"
                        + " Passerelle.",
                List.of(entry.detail()),
                "La page « Portails » du jeu de données dit l'état de chaque portail ; un nouvel envoi s'y fait en un"
                        + " clic une fois la cause réglée (clé d'API, organisation sur le portail…).",
                "Voir les portails", staffUrl + "/jeux/" + entry.dataset() + "/portails");
    }

    /** To the person whose upload died: nothing to do, operators know. */
    public Letter uploadFailed(DeadLetter letter, Optional<Uploads.Arrival> arrival) {
        String file = arrival.map(Letters::file).orElse("Un fichier");
        return new Letter("[Passerelle] Traitement interrompu : " + letter.dataset(),
                file + " pour le jeu de données " + dataset(letter.organization(), letter.dataset())
                        + " n'a pas pu être traité jusqu'au bout.",
                List.of(letter.forPerson()),
                "Vous n'avez rien à faire : les exploitants de Passerelle sont prévenus, et le fichier sera traité de"
                        + " nouveau dès la cause réparée.",
                "Suivre le dépôt", staffUrl + "/rapports/" + letter.uploadId());
    }

    /** To operators: where, what cause, and the ops page that replays it. */
    public Letter deadLetter(DeadLetter letter) {
        List<String> details = new ArrayList<>();
        details.add("Sujet : " + letter.originalTopic() + " (lettre morte " + letter.id() + ").");
        details.add("Cause : " + letter.explanation() + " [" + letter.causeCode() + "]");
        if (letter.organization() != null) {
            details.add("Concerne : organisation « " + letter.organization() + " »"
                    + (letter.dataset() == null ? "" : ", jeu de données « " + letter.dataset() + " »")
                    + (letter.uploadId() == null ? "." : ", dépôt " + letter.uploadId() + "."));
        }
        return new Letter("[Passerelle] Lettre morte sur " + letter.originalTopic(),
                "Un message n'a pas pu être traité après toutes ses tentatives ; il attend dans "
                        + letter.dlqTopic() + ".", details,
                "Réparez la cause, puis rejouez-le depuis la page d'exploitation : la personne concernée en sera"
                        + " informée par son dépôt.", "Ouvrir la page d'exploitation", opsUrl);
    }

    private static String file(Uploads.Arrival arrival) {
        String name = arrival.filename() == null ? "" : " « " + arrival.filename() + " »";
        return arrival.dropped() ? "Le fichier" + name + " déposé automatiquement" : "Le fichier" + name + " envoyé";
    }

    private static String dataset(String organization, String dataset) {
        return "« " + dataset + " » (" + organization + ")";
    }

    private static String number(long value) {
        return String.format(Locale.FRANCE, "%,d", value).replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    private static String plural(long value) {
        return value > 1 ? "s" : "";
    }
}
