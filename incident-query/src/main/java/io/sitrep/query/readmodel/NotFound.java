package io.sitrep.query.readmodel;

/** The page or incident asked for is not in the read models (a 404 on every channel). */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }

    public static NotFound page(String pageId) {
        return new NotFound("page " + pageId + " does not exist");
    }

    public static NotFound incident(String incidentId) {
        return new NotFound("incident " + incidentId + " does not exist");
    }
}
