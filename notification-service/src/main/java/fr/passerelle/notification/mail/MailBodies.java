package fr.passerelle.notification.mail;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A letter addressed to one person: its plain-text and HTML bodies, with that person's unsubscribe link. */
@ApplicationScoped
public class MailBodies {

    /** The two bodies of one message. */
    public record Bodies(String text, String html) {
    }

    private final Template text;
    private final Template html;
    private final UnsubscribeLinks links;
    private final String preferencesUrl;

    public MailBodies(@Location("mail/message.txt") Template text, @Location("mail/message.html") Template html,
                      UnsubscribeLinks links,
                      @ConfigProperty(name = "passerelle.notifications.staff-url") String staffUrl) {
        this.text = text;
        this.html = html;
        this.links = links;
        this.preferencesUrl = staffUrl.replaceAll("/+$", "") + "/notifications";
    }

    public Bodies of(Letter letter, String recipient, String kindCode, String kindLabel) {
        String unsubscribe = links.url(recipient, kindCode);
        return new Bodies(
                text.data("letter", letter).data("kindLabel", kindLabel).data("preferencesUrl", preferencesUrl)
                        .data("unsubscribeUrl", unsubscribe).render(),
                html.data("letter", letter).data("kindLabel", kindLabel).data("preferencesUrl", preferencesUrl)
                        .data("unsubscribeUrl", unsubscribe).render());
    }
}
