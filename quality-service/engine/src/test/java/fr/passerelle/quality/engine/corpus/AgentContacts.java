package fr.passerelle.quality.engine.corpus;

import fr.passerelle.quality.engine.schema.TableSchema;

/**
 * Personal data: the agent in charge of each row, by e-mail (prenom.nom@) or by mobile number, in a column of
 * the service's own. The file must be BLOCKED until staff decide.
 */
final class AgentContacts implements Mess {

    private static final String[] FIRST = {"marie", "jean", "sophie", "pierre", "nathalie", "nicolas"};
    private static final String[] LAST = {"martin", "bernard", "dubois", "thomas", "robert", "richard"};
    static final java.util.Set<String> COLUMNS = java.util.Set.of("Portable du référent", "Courriel de l'agent");
    private final boolean mobiles;

    AgentContacts(boolean mobiles) {
        this.mobiles = mobiles;
    }

    @Override
    public String name() {
        return mobiles ? "agent-mobiles" : "agent-emails";
    }

    @Override
    public boolean personalData() {
        return true;
    }

    @Override
    public void apply(MessyTable table, TableSchema schema) {
        if (mobiles) {
            table.insertColumn(table.labels.size(), "Portable du référent", null, row ->
                    String.format("06 %02d %02d %02d %02d", 10 + row.truthRow() % 80, 20 + row.truthRow() % 7, 31, 40 + row.truthRow() % 50));
        } else {
            table.insertColumn(table.labels.size(), "Courriel de l'agent", null, row ->
                    FIRST[Math.floorMod(row.truthRow(), FIRST.length)] + "." + LAST[Math.floorMod(row.truthRow() / 2, LAST.length)]
                            + "@ville-exemple.fr");
        }
    }
}
