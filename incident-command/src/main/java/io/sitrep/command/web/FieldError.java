package io.sitrep.command.web;

/** One problem with one field of a request, as listed in a problem's {@code errors}. */
public record FieldError(String field, String message) {
}
