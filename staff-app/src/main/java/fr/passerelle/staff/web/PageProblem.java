package fr.passerelle.staff.web;

/**
 * Something a person must be told instead of the page they asked for: a French title and sentence,
 * and the HTTP status of the error page (never shown to them).
 */
public class PageProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String advice;

    public PageProblem(int status, String title, String message, String advice) {
        super(message);
        this.status = status;
        this.title = title;
        this.advice = advice;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String advice() {
        return advice;
    }
}
