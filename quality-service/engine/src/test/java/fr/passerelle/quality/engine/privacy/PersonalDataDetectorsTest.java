package fr.passerelle.quality.engine.privacy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each detector on its own, cell by cell. */
class PersonalDataDetectorsTest {

    @Test
    void aNirIsRecognisedByItsKeyWithOrWithoutSeparators() {
        assertTrue(SocialSecurityNumbers.isNir("185057800608491"));
        assertTrue(SocialSecurityNumbers.isNir("1 85 05 78 006 084 91"));
        assertTrue(SocialSecurityNumbers.isNir("2.93.03.75.120.005.43"));
    }

    @Test
    void aNirWithAWrongKeyOrShapeIsNotFlagged() {
        assertFalse(SocialSecurityNumbers.isNir("1 85 05 78 006 084 92"));
        assertFalse(SocialSecurityNumbers.isNir("185057800608490"));
        // Right length, but month 13 and sex digit 5 do not exist.
        assertFalse(SocialSecurityNumbers.isNir("1 85 13 78 006 084 91"));
        assertFalse(SocialSecurityNumbers.isNir("5 85 05 78 006 084 91"));
        // 14 digits: a SIRET, or a point of delivery number, not a NIR.
        assertFalse(SocialSecurityNumbers.isNir("21920044100018"));
        assertFalse(SocialSecurityNumbers.isNir("12345678912345"));
    }

    @Test
    void aCorsicanNirCountsTwoAAsNineteenAndTwoBAsEighteen() {
        assertTrue(SocialSecurityNumbers.isNir("1 85 05 2A 012 345 79"));
        assertTrue(SocialSecurityNumbers.isNir("185052b01234509"));
        // 2A's digits with 2B's key: wrong.
        assertFalse(SocialSecurityNumbers.isNir("1 85 05 2A 012 345 09"));
    }

    @Test
    void ibansAreCheckedByTheirCountryFormatAndCheckDigits() {
        assertTrue(BankAccountNumbers.isIban("FR76 3000 6000 0112 3456 7890 189"));
        assertTrue(BankAccountNumbers.isIban("fr7630006000011234567890189"));
        assertTrue(BankAccountNumbers.isIban("DE89 3704 0044 0532 0130 00"));
        assertTrue(BankAccountNumbers.isIban("BE68539007547034"));
        assertFalse(BankAccountNumbers.isIban("FR76 3000 6000 0112 3456 7890 188"));
        assertFalse(BankAccountNumbers.isIban("FRA68P68021001000000"));
    }

    @Test
    void functionalAddressesAreToldFromPersonalOnes() {
        for (String functional : List.of("contact@societe-operateur.com", "mairie@saint-martin.fr",
                "accueil.mediatheque@ville.fr", "mairie.villeneuve@gmail.com", "infomairie@orange.fr",
                "service-urbanisme@agglo.fr", "no-reply@exemple.fr")) {
            assertEquals(EmailAddresses.Owner.FUNCTIONAL, EmailAddresses.owner(functional), functional);
        }
        for (String personal : List.of("jean.dupont@mairie-x.fr", "dupont.marie@agglo.fr", "j.dupont@ville.fr",
                "jean.maillard@metropole.fr", "kdurand@gmail.com", "toto75@hotmail.fr")) {
            assertEquals(EmailAddresses.Owner.PERSON, EmailAddresses.owner(personal), personal);
        }
        for (String unknown : List.of("jdupont@ville.fr", "parcrelais@metropole.fr")) {
            assertEquals(EmailAddresses.Owner.UNKNOWN, EmailAddresses.owner(unknown), unknown);
        }
    }

    @Test
    void addressesAreFoundInsideText() {
        List<String> found = new ArrayList<>();
        EmailAddresses.find("Écrire à jean.dupont@gmail.com. Copie : accueil@ville.fr, pas à @rien ni a@b",
                address -> found.add(address.address()));
        assertEquals(List.of("jean.dupont@gmail.com", "accueil@ville.fr"), found);
    }

    @Test
    void frenchPhoneNumbersAreFoundInTheirUsualSpellings() {
        for (String cell : List.of("06 12 34 56 78", "06.12.34.56.78", "0612345678", "+33 6 12 34 56 78",
                "+33 (0)6 12 34 56 78", "0033612345678", "Appeler M. X au 06-12-34-56-78.")) {
            List<FrenchPhoneNumbers.Found> found = phones(cell);
            assertEquals(1, found.size(), cell);
            assertEquals("0612345678", found.get(0).nationalDigits(), cell);
            assertTrue(found.get(0).mobile(), cell);
        }
        List<FrenchPhoneNumbers.Found> switchboard = phones("01 23 45 67 89");
        assertEquals(1, switchboard.size());
        assertFalse(switchboard.get(0).mobile());
    }

    @Test
    void numbersThatAreNotPhonesAreLeftAlone() {
        for (String cell : List.of("[7.48710500,48.345345]", "21920044100018", "111111111", "48.0612345678",
                "FR7630006000011234567890189", "2020-01-14", "1.452323", "06123456789")) {
            assertEquals(List.of(), phones(cell), cell);
        }
    }

    @Test
    void personHeadersAreToldFromOtherNames() {
        assertEquals(PersonNames.Header.FULL_NAME, PersonNames.header("Nom de l'agent"));
        assertEquals(PersonNames.Header.FULL_NAME, PersonNames.header("nom_prenom"));
        assertEquals(PersonNames.Header.FIRST_NAME, PersonNames.header("Prénom"));
        assertEquals(PersonNames.Header.SURNAME, PersonNames.header("nom de famille"));
        assertEquals(PersonNames.Header.BARE_NAME, PersonNames.header("NOM"));
        assertEquals(PersonNames.Header.CIVILITY, PersonNames.header("Civilité"));
        assertEquals(PersonNames.Header.BIRTH_DATE, PersonNames.header("date_naissance"));
        assertEquals(PersonNames.Header.NONE, PersonNames.header("nom_commune"));
        assertEquals(PersonNames.Header.NONE, PersonNames.header("Nom de la station"));
        assertEquals(PersonNames.Header.NONE, PersonNames.header("gestionnaire"));
    }

    @Test
    void fullNamesNeedAFirstNameOrATitleAndNoPlaceWord() {
        assertTrue(PersonNames.looksLikeFullName("Jean DUPONT"));
        assertTrue(PersonNames.looksLikeFullName("DURAND Marie-Claire"));
        assertTrue(PersonNames.looksLikeFullName("Mme Le Gall"));
        assertFalse(PersonNames.looksLikeFullName("Saint-Pierre"));
        assertFalse(PersonNames.looksLikeFullName("Salle Jean Moulin"));
        assertFalse(PersonNames.looksLikeFullName("Ville de Grenoble"));
        assertFalse(PersonNames.looksLikeFullName("REPUBLIQUE"));
    }

    @Test
    void masksKeepNoneOfTheRawValue() {
        assertEquals("j***@gmail.com", EmailAddresses.mask("jean.dupont@gmail.com"));
        assertEquals("06 •• •• •• 78", FrenchPhoneNumbers.mask("0612345678"));
        assertEquals("1 •• •• •• ••• ••• ••", SocialSecurityNumbers.mask("1 85 05 78 006 084 91"));
        assertEquals("FR76 •••• •••• 189", BankAccountNumbers.mask("FR76 3000 6000 0112 3456 7890 189"));
        assertEquals("J••• D•••", PersonNames.mask("Jean DUPONT"));
        assertEquals("••/••/••••", PersonNames.mask("12/03/1985"));
    }

    @Test
    void maskingACellMasksWhatItFindsAndKeepsTheRestOfTheText() {
        assertEquals("Appeler le 06 •• •• •• 78 ou écrire à j***@gmail.com",
                CellMasker.mask("Appeler le 06 12 34 56 78 ou écrire à jean.dupont@gmail.com"));
        assertEquals("M••• D•••", CellMasker.mask("Marie Durand"));
        assertEquals("", CellMasker.mask(""));
    }

    @Test
    void aKeyedHashIsStableForOneSaltAndDiffersAcrossSalts() {
        String once = new KeyedHash("sel du jeu").hash("06 12 34 56 78");
        String again = new KeyedHash("sel du jeu").hash("06 12 34 56 78");
        String otherSalt = new KeyedHash("autre sel").hash("06 12 34 56 78");
        String otherValue = new KeyedHash("sel du jeu").hash("06 12 34 56 79");

        assertEquals(once, again);
        assertNotEquals(once, otherSalt);
        assertNotEquals(once, otherValue);
        assertTrue(once.matches("[0-9a-f]{16}"), once);
        assertEquals("", new KeyedHash("sel").hash(""));
    }

    @Test
    void actionsAreNamedInFrench() {
        assertEquals(PrivacyAction.DROP, PrivacyAction.parse("supprimer").orElseThrow());
        assertEquals(PrivacyAction.MASK, PrivacyAction.parse(" Masquer ").orElseThrow());
        assertEquals(PrivacyAction.HASH, PrivacyAction.parse("hacher").orElseThrow());
        assertEquals(PrivacyAction.PUBLIC, PrivacyAction.parse("publiques").orElseThrow());
        assertTrue(PrivacyAction.parse("effacer").isEmpty());
    }

    private static List<FrenchPhoneNumbers.Found> phones(String cell) {
        List<FrenchPhoneNumbers.Found> found = new ArrayList<>();
        FrenchPhoneNumbers.find(cell, found::add);
        return found;
    }
}
