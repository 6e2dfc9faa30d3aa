package io.sitrep.query.html;

import io.sitrep.query.access.AccessRefused;
import io.sitrep.query.links.PageLinks;
import io.sitrep.query.readmodel.InvalidParameter;
import io.sitrep.query.readmodel.NotFound;
import io.sitrep.query.readmodel.ReadModel.InvalidCursor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The status pages' response headers and their friendly error pages (the same {@code error}
 * template Spring Boot renders for any other HTML error, such as a path nothing serves).
 */
@ControllerAdvice(assignableTypes = {StatusPageController.class, AnalyticsDashboardController.class})
class StatusPageAdvice {

    /**
     * The pages use no script, no inline style and nothing from elsewhere; the browser is told so,
     * which also keeps out anything a sanitizer might ever let through.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final StatusPages pages;

    StatusPageAdvice(StatusPages pages) {
        this.pages = pages;
    }

    @ModelAttribute
    void securityHeaders(HttpServletResponse response) {
        headers(response);
    }

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
        headers(response);
        ModelAndView view = error(HttpStatus.NOT_FOUND);
        // Back to the status page when it is only the incident that does not exist.
        if (pathVariables(request).get("incidentId") instanceof String) {
            Object pageId = pathVariables(request).get("pageId");
            if (pageId instanceof String id) {
                try {
                    addPage(view, id);
                    view.addObject("reason", "This incident does not exist on this status page.");
                } catch (NotFound unknownPage) {
                    // the page is unknown too: the plain "not found" page then
                }
            }
        }
        return view;
    }

    /**
     * The dashboard without a key, or with one lacking analytics:read. Without one, the browser is
     * asked for it: HTTP Basic, whatever user name, the key as the password.
     */
    @ExceptionHandler(AccessRefused.class)
    ModelAndView accessRefused(AccessRefused e, HttpServletResponse response) {
        headers(response);
        ModelAndView view = error(e.status());
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Sitrep analytics\", charset=\"UTF-8\"");
            view.addObject("reason", "The analytics dashboard needs an API key with analytics:read. Sign in with any "
                    + "user name and the key as the password.");
        } else {
            view.addObject("reason", "This API key lacks analytics:read, which the analytics dashboard needs. Sign in "
                    + "with a key that has it.");
        }
        return view;
    }

    @ExceptionHandler(InvalidParameter.class)
    ModelAndView invalidParameter(InvalidParameter e, HttpServletResponse response) {
        headers(response);
        ModelAndView view = error(HttpStatus.BAD_REQUEST);
        view.addObject("reason", "The address asks for " + e.field() + "=…, which " + e.getMessage() + ".");
        return view;
    }

    @ExceptionHandler(InvalidCursor.class)
    ModelAndView invalidCursor(HttpServletRequest request, HttpServletResponse response) {
        headers(response);
        ModelAndView view = error(HttpStatus.BAD_REQUEST);
        view.addObject("reason", "This link to older incidents is not valid (any more). Start again from the "
                + "newest incidents.");
        Object pageId = pathVariables(request).get("pageId");
        if (pageId instanceof String id) {
            try {
                addPage(view, id);
            } catch (NotFound unknownPage) {
                return notFound(request, response);
            }
        }
        return view;
    }

    /** The page the error happened on, for the way back to it. */
    private void addPage(ModelAndView view, String pageId) {
        view.addObject("page", StatusPages.page(pages.page(pageId)));
        view.addObject("links", PageLinks.of(pageId));
    }

    private static ModelAndView error(HttpStatus status) {
        ModelAndView view = new ModelAndView("error");
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("error", status.getReasonPhrase());
        return view;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pathVariables(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map ? (Map<String, Object>) variables : Map.of();
    }

    static void headers(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    }
}
