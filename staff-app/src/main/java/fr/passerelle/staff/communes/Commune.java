package fr.passerelle.staff.communes;

/** A current commune of the Code officiel géographique: its INSEE code, name and département. */
public record Commune(String code, String name, String departement, long population) {

    /** "Grenoble (38)": how a list shows it, with the département to tell namesakes apart. */
    public String label() {
        return name + " (" + departement + ")";
    }
}
