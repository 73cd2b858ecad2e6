package fr.passerelle.notification.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.DecisionQuestion;
import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.contracts.PublicationFailed;
import fr.passerelle.contracts.QualityChecked;
import fr.passerelle.contracts.QualityVerdict;
import fr.passerelle.notification.mail.Letter;
import fr.passerelle.notification.people.Uploads;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LettersTest {

    private final Letters letters = new Letters("https://agent.example.fr/", "https://ops.example.fr/ops/");

    @Test
    void aBlockedFileIsToldWithoutAnyCellOfTheFileEvenWhenTheEventCarriesSome() {
        // The summary and the question's subject may quote the file; the letter uses neither.
        QualityChecked checked = checked(QualityVerdict.BLOCKED,
                "La colonne telephone contient 06 12 34 56 78 et jean.dupont@mairie.fr",
                List.of(new DecisionQuestion("q1", "personal-data", "telephone : 06 12 34 56 78", List.of("drop"))));
        Letter letter = letters.checked(checked, Optional.of(new Uploads.Arrival("drop", "export.csv")));
        String all = text(letter);
        assertFalse(all.contains("06 12 34 56 78"), all);
        assertFalse(all.contains("jean.dupont"), all);
        assertTrue(letter.subject().contains("bloqué"), letter.subject());
        assertTrue(letter.headline().contains("déposé automatiquement"), letter.headline());
        assertTrue(all.contains("Une question attend votre réponse."), all);
        assertEquals("https://agent.example.fr/depots/u-1/decisions", letter.actionUrl());
    }

    @Test
    void aRejectedFileSaysTheFiguresAndLeadsToItsReport() {
        Letter letter = letters.checked(checked(QualityVerdict.INVALID, "résumé", null),
                Optional.of(new Uploads.Arrival("upload", "velos.csv")));
        assertTrue(letter.subject().contains("refusé"), letter.subject());
        assertTrue(letter.headline().startsWith("Le fichier « velos.csv » envoyé"), letter.headline());
        assertEquals("1 250 lignes lues, 3 erreurs, 97,5 % de cellules valides.", letter.details().get(0));
        assertEquals("https://agent.example.fr/rapports/u-1", letter.actionUrl());
    }

    @Test
    void aFileWhoseArrivalIsUnknownIsStillNamed() {
        Letter letter = letters.checked(checked(QualityVerdict.INVALID, "résumé", null), Optional.empty());
        assertTrue(letter.headline().startsWith("Un fichier pour le jeu de données « velos » (ville)"),
                letter.headline());
    }

    @Test
    void aFailedPublicationGivesItsCauseAndThePortalsPage() {
        Letter letter = letters.publicationFailed(new PublicationFailed("u-1", "ville", "velos", 4,
                "data.gouv.fr a refusé la clé d'API.", Instant.now()));
        assertEquals("Cause : data.gouv.fr a refusé la clé d'API.", letter.details().get(0));
        assertEquals("https://agent.example.fr/jeux/velos/portails", letter.actionUrl());
        assertTrue(letter.headline().contains("La version 4"), letter.headline());
    }

    private static QualityChecked checked(QualityVerdict verdict, String summary, List<DecisionQuestion> questions) {
        return new QualityChecked("u-1", "ville", "velos", "velos", verdict, 97.5, 1250, 3, summary,
                null, new ObjectRef("clean", "ville/velos/u-1/report.json", null, 10), Instant.now(), null, questions);
    }

    private static String text(Letter letter) {
        return letter.subject() + "\n" + letter.headline() + "\n" + String.join("\n", letter.details()) + "\n"
                + letter.todo() + "\n" + letter.actionUrl();
    }
}
