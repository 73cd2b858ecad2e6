package fr.passerelle.contracts;

import java.util.List;

/**
 * What a remote portal needs to describe a dataset, as the catalogue holds it when it asks for a
 * publication.
 *
 * @param licence   an id such as {@code etalab-2.0}
 * @param frequency an id such as {@code monthly}
 */
public record DatasetMetadata(
        String title,
        String description,
        List<String> keywords,
        String licence,
        String frequency) {
}
