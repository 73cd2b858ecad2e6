package fr.passerelle.publish.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.publish.remote.TargetView;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemoteCopiesTest {

    private static TargetView target(String kind, String apiUrl, String remoteId) {
        return new TargetView(kind, apiUrl, "org-id", remoteId, "res-1", 2, "PUBLISHED", null, null, null, null);
    }

    @Test
    void eachPortalsPageIsBuiltFromItsApiAddress() {
        assertEquals(Optional.of(new RemoteCopies.RemoteCopy("www.data.gouv.fr", "https://www.data.gouv.fr/datasets/abc123/")),
                RemoteCopies.link(target("udata", "https://www.data.gouv.fr/api/1/", "abc123"), "grenoble", "velos"));
        assertEquals(Optional.of(new RemoteCopies.RemoteCopy("ckan.datasud.fr", "https://ckan.datasud.fr/dataset/p-42")),
                RemoteCopies.link(target("ckan", "https://ckan.datasud.fr/api/3/action", "p-42"), "grenoble", "velos"));
        assertEquals(Optional.of(new RemoteCopies.RemoteCopy("data.grenoble.fr",
                        "https://data.grenoble.fr/explore/dataset/grenoble-velos/")),
                RemoteCopies.link(target("ods", "https://data.grenoble.fr/api/automation/v1.0", "da_1"), "grenoble", "velos"));
    }

    @Test
    void noLinkWhenThePageCannotBeKnown() {
        assertTrue(RemoteCopies.link(target("udata", "https://www.data.gouv.fr/api/1", null), "o", "d").isEmpty(),
                "not created there yet");
        assertTrue(RemoteCopies.link(target("udata", "https://portail.example/api/2", "x"), "o", "d").isEmpty(),
                "an API address of another shape");
        assertTrue(RemoteCopies.link(target("ckan", "javascript:alert(1)", "x"), "o", "d").isEmpty());
    }
}
