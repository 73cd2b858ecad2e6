package fr.passerelle.catalog.metadata;

import java.util.List;

/**
 * How complete a dataset's description is, in the spirit of data.gouv.fr's quality score: the
 * share of checks passed, and what to fill for the others, in French.
 */
public record MetadataScore(int score, List<String> missing) {
}
