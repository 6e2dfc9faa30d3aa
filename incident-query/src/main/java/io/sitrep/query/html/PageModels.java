package io.sitrep.query.html;

import java.time.Instant;
import java.util.List;

/**
 * What the templates render: plain values, every time already in the page's zone and words. Public
 * because the templates' expressions read them by reflection.
 */
public final class PageModels {

    private PageModels() {
    }

    /** The page a view belongs to, for its header, links and feeds. */
    public record Page(String id, String name) {
    }

    /**
     * One entry of an incident: its label (Investigating, Update, ...), its message, and when it was
     * posted ({@code timestamp} "Nov 25, 2024 - 09:57 PST", {@code at} for the machine-readable time).
     */
    public record Entry(String label, String message, String timestamp, Instant at) {
    }

    /** An incident in a list: its latest entry, when it ran, and the components it named. */
    public record IncidentCard(String id, String title, String impactLabel, String tone,
                               boolean resolved, Entry latest, String span, String affected) {
    }

    /**
     * One day of a component's bar: its tone, its date ("Nov 25, 2024") and what is known of it
     * ("98.51% uptime, partial outage 1 h 34 min, Incident Alerted").
     */
    public record DayCell(String tone, String date, String figures) {

        /** The cell's tooltip. */
        public String title() {
            return date + ": " + figures;
        }

        /** Whether the day had an outage or an incident: the days the day-by-day list names. */
        public boolean notable() {
            return !tone.equals("ok") && !tone.equals("nodata");
        }
    }

    /** A component with its status, its bar and its uptime over the bar's days (null without data). */
    public record ComponentRow(String id, String name, String statusLabel, String tone, List<DayCell> days,
                               String uptime, String barSummary) {

        /** The bar's days with an outage or an incident, oldest first. */
        public List<DayCell> notableDays() {
            return days.stream().filter(DayCell::notable).toList();
        }
    }

    /** A group of components, or (when {@code group} is null) one ungrouped component on its own. */
    public record ComponentBlock(String group, String statusLabel, String tone, List<ComponentRow> components) {

        public boolean grouped() {
            return group != null;
        }
    }

    /**
     * A day or month heading and the incidents under it, newest first; {@code datetime} is the day
     * or month in ISO form, {@code today} says "No incidents reported today." when it has none.
     */
    public record Section(String heading, String datetime, boolean today, List<IncidentCard> incidents) {
    }

    /** The status page; {@code past} says which past it shows ("As of Nov 25, 2024 - 09:00 PST"), null for now. */
    public record StatusPage(Page page, String description, String tone, List<IncidentCard> unresolved,
                             List<ComponentBlock> components, List<Section> recent, String past) {
    }

    /** A page of the incident history; {@code olderCursor} is null on the last. */
    public record History(Page page, List<Section> months, String olderCursor, boolean first) {
    }

    /**
     * An incident report; {@code postmortemHtml} is sanitized, null without a postmortem; {@code past}
     * as on the status page.
     */
    public record IncidentReport(Page page, String id, String title, String tone, String impactLabel,
                                 String postmortemHtml, Entry postmortem, List<Entry> entries, String affected,
                                 String past) {
    }
}
