package fr.passerelle.publish.remote;

import java.util.ArrayList;
import java.util.List;

/**
 * What a portal could not take of a dataset's metadata, found before anything is sent: the publisher reads it as the
 * target's error, in French, instead of a portal's 400 after a half-done push.
 */
final class MetadataProblems {

    private final String portal;
    private final List<String> problems = new ArrayList<>();

    MetadataProblems(String portal) {
        this.portal = portal;
    }

    void add(String problem) {
        problems.add(problem);
    }

    List<String> all() {
        return List.copyOf(problems);
    }

    /** @throws RemoteFailure (not worth a retry: the metadata must change) when there is any problem */
    void throwIfAny() throws RemoteFailure {
        if (!problems.isEmpty()) {
            throw new RemoteFailure("Rien n'a été envoyé à " + portal + ", qui refuserait ces métadonnées : "
                    + String.join(" ; ", problems) + ". Corrigez-les dans la fiche du jeu de données.", false);
        }
    }
}
