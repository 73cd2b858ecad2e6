package fr.passerelle.publish.portal;

import fr.passerelle.publish.publication.Publications.PublishedVersion;

/** A line of the home page's table: a dataset's newest version. */
public record HomeRow(String title, String organisation, String page, String schema, int version, String publishedAt) {

    static HomeRow of(PublishedVersion latest, OrganisationNames organisations) {
        return new HomeRow(latest.displayTitle(), organisations.of(latest.organization()),
                "/portal/" + latest.organization() + "/" + latest.dataset(), latest.schema(), latest.version(),
                FrenchWords.when(latest.publishedAt()));
    }
}
