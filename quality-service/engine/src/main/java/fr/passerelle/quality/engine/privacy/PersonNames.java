package fr.passerelle.quality.engine.privacy;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Columns about persons that a schema does not expect: told by their header ("nom", "prénom",
 * "nom_prenom", "civilité", "nom de l'agent", "date de naissance"…), then confirmed by their values, so
 * that a column "nom" holding facility names is not taken for one of persons.
 */
final class PersonNames {

    /** What a column's header says it holds. */
    enum Header {
        /** Nothing about persons; still flagged when nearly all its values read "Prénom NOM". */
        NONE,
        /** Whole names: "nom_prenom", "nom complet", "nom de l'agent", "name". */
        FULL_NAME,
        /** First names: "prénom", "firstname". */
        FIRST_NAME,
        /** Surnames named as such: "nom de famille", "nom d'usage", "patronyme", "lastname". */
        SURNAME,
        /** A bare "nom": a surname beside a first-name column, else any kind of name. */
        BARE_NAME,
        /** "civilité", "titre de civilité". */
        CIVILITY,
        /** "date de naissance", "né(e) le", "birthdate". */
        BIRTH_DATE
    }

    /** Words that, next to "nom", make the column one of persons. */
    private static final Set<String> PERSON_WORDS = Set.of(
            "agent", "agents", "personne", "contact", "responsable", "referent", "referente", "usager", "titulaire",
            "demandeur", "demandeuse", "beneficiaire", "habitant", "elu", "elue", "proprietaire", "signataire",
            "redacteur", "auteur", "interlocuteur", "locataire", "occupant", "adherent", "patient", "eleve", "parent",
            "conjoint", "declarant", "complet", "prenom", "prenoms", "salarie", "employe", "benevole", "gardien",
            "technicien", "inscrit", "client", "abonne", "person", "full");
    /** Words around "nom" that say nothing of what is named. */
    private static final Set<String> FILLERS = Set.of("nom", "name", "de", "du", "des", "la", "le", "l", "d", "et", "the",
            "of");
    private static final Set<String> SURNAME_WORDS = Set.of("famille", "usage", "naissance", "patronyme", "lastname",
            "surname", "patronymique", "marital", "epouse", "jeune", "fille");
    private static final Set<String> CIVILITIES = Set.of("m", "mr", "mme", "mlle", "melle", "monsieur", "madame",
            "mademoiselle", "dr", "docteur", "me", "pr");
    /** Words that make a value a place or a facility, whatever first name it holds ("Saint-Pierre", "Salle Jean Moulin"). */
    private static final Set<String> PLACE_WORDS = Set.of(
            "saint", "sainte", "st", "ste", "rue", "avenue", "av", "boulevard", "bd", "place", "allee", "chemin",
            "impasse", "quai", "route", "ville", "parking", "parc", "ecole", "college", "lycee", "gymnase", "stade",
            "salle", "mairie", "eglise", "centre", "maison", "espace", "complexe", "piscine", "mediatheque",
            "bibliotheque", "residence", "square", "jardin", "pont", "gare", "station", "hopital", "clinique",
            "societe", "sa", "sas", "sarl", "association", "club", "cite", "hameau", "lieu", "dit", "zone",
            "za", "zi", "zac", "pole", "theatre", "musee", "foyer", "creche", "groupe", "scolaire", "cimetiere");
    private static final Pattern DATE = Pattern.compile("\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}");
    /** Longer cells are sentences, not names: skipped, which also bounds the cost per cell. */
    private static final int MAX_NAME_CHARS = 60;

    private PersonNames() {
    }

    static Header header(String label) {
        List<String> words = FoldedText.words(label.replaceAll("([a-z])([A-Z])", "$1 $2"));
        if (words.isEmpty()) {
            return Header.NONE;
        }
        if (words.contains("naissance") && (words.contains("date") || words.contains("jour"))
                || words.contains("birthdate") || words.contains("birthday") || words.equals(List.of("ne", "le"))
                || words.equals(List.of("nee", "le"))) {
            return Header.BIRTH_DATE;
        }
        if (words.contains("civilite") || words.equals(List.of("titre"))) {
            return Header.CIVILITY;
        }
        boolean nameWord = words.contains("nom") || words.contains("name") || words.contains("noms");
        boolean firstName = words.contains("prenom") || words.contains("prenoms") || words.contains("firstname");
        if (firstName && !nameWord) {
            return Header.FIRST_NAME;
        }
        if (words.contains("patronyme") || words.contains("lastname") || words.contains("surname")) {
            return Header.SURNAME;
        }
        if (firstName) {
            return Header.FULL_NAME;
        }
        if (!nameWord) {
            return Header.NONE;
        }
        boolean personWord = false;
        boolean surnameWord = false;
        for (String word : words) {
            if (PERSON_WORDS.contains(word)) {
                personWord = true;
            } else if (SURNAME_WORDS.contains(word)) {
                surnameWord = true;
            } else if (!FILLERS.contains(word)) {
                // "nom_commune", "nom de la station": a name, not of a person.
                return Header.NONE;
            }
        }
        if (surnameWord && !personWord) {
            return Header.SURNAME;
        }
        return personWord ? Header.FULL_NAME : Header.BARE_NAME;
    }

    /** True when {@code cell} holds what a column with this header would hold about a person. */
    static boolean confirms(Header header, String cell) {
        if (cell.length() > MAX_NAME_CHARS) {
            return false;
        }
        return switch (header) {
            case NONE, FULL_NAME -> looksLikeFullName(cell);
            case FIRST_NAME -> {
                List<String> words = FoldedText.words(cell);
                yield !words.isEmpty() && words.size() <= 3 && FirstNames.isFirstName(words.get(0));
            }
            case SURNAME, BARE_NAME -> looksLikeFullName(cell) || looksLikeSurname(cell);
            case CIVILITY -> CIVILITIES.contains(FoldedText.fold(cell).replace(".", "").strip());
            case BIRTH_DATE -> DATE.matcher(cell).matches();
        };
    }

    /**
     * "Jean DUPONT", "DUPONT Jean", "Mme Martin", "Marie-Claire Durand": two to four words of letters,
     * one of them a common first name or a title, none a place word.
     */
    static boolean looksLikeFullName(String cell) {
        if (!lettersOnly(cell)) {
            return false;
        }
        List<String> words = FoldedText.words(cell);
        if (words.size() < 2 || words.size() > 4) {
            return false;
        }
        boolean clue = false;
        for (String word : words) {
            if (PLACE_WORDS.contains(word)) {
                return false;
            }
            clue |= CIVILITIES.contains(word) || FirstNames.isFirstName(word);
        }
        return clue;
    }

    /** "DUPONT", "Le Gall", "Martin-Durand": one to three words of letters. */
    private static boolean looksLikeSurname(String cell) {
        if (!lettersOnly(cell)) {
            return false;
        }
        List<String> words = FoldedText.words(cell);
        if (words.isEmpty() || words.size() > 3) {
            return false;
        }
        for (String word : words) {
            if (PLACE_WORDS.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean lettersOnly(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (!Character.isLetter(c) && c != ' ' && c != '-' && c != '\'' && c != '’' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** "J••• D•••": the first letter of each word, so the clerk recognises the column without reading a name. */
    static String mask(String cell) {
        StringBuilder masked = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (Character.isLetter(c)) {
                if (!inWord) {
                    masked.append(c).append("•••");
                }
                inWord = true;
            } else if (Character.isDigit(c)) {
                masked.append('•');
                inWord = true;
            } else {
                masked.append(c);
                inWord = false;
            }
        }
        return masked.toString();
    }
}
