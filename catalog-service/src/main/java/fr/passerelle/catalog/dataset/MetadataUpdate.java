package fr.passerelle.catalog.dataset;

/** The descriptive metadata staff may edit; a null field is left as it is. */
public record MetadataUpdate(String title, String description) {
}
