package fr.passerelle.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error answer: a stable code for machines, a French message and a French hint
 * for people, and the id under which the answer is in the service's log ({@code errorId}, what a
 * person quotes to the operators).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String code, String message, String hint, String errorId) {

    public ApiError(String code, String message, String hint) {
        this(code, message, hint, null);
    }

    /** This error under {@code id}. */
    public ApiError withId(String id) {
        return new ApiError(code, message, hint, id);
    }
}
