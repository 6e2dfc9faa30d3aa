package io.sitrep.command.web;

import java.util.List;

/** The request itself is wrong (400); {@code errors} says which fields and why. */
public class InvalidRequest extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequest(List<FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
