package fr.passerelle.staff.dataset;

import fr.passerelle.staff.services.Api;
import fr.passerelle.staff.web.Labels;
import java.util.List;

/**
 * What every page of a dataset shows above its section: its title, identifier and the state of its last
 * version, and which section is open (for the side menu).
 *
 * @param section one of versions, metadonnees, approbation, decisions, portails, automatisation
 */
public record DatasetHeader(String dataset, String title, Integer lastVersion, String lastState, boolean awaitingApproval,
                            Integer publishedVersion, String publicUrl, String section) {

    public static DatasetHeader of(Api.DatasetDetail detail, List<Api.Version> versions, String section) {
        Api.Version last = versions.isEmpty() ? null : versions.get(0);
        String title = detail.title() == null || detail.title().isBlank() ? detail.dataset() : detail.title();
        return new DatasetHeader(detail.dataset(), title, last == null ? null : last.version(),
                last == null ? "Aucune version" : Labels.versionState(last.state()),
                last != null && "AWAITING_APPROVAL".equals(last.state()), detail.publishedVersion(), detail.publicUrl(),
                section);
    }

    public boolean is(String name) {
        return name.equals(section);
    }
}
