package io.sitrep.events;

/** Every event of Sitrep belongs to a page, and is about a page, a component or an incident. */
public sealed interface SitrepEvent permits PageEvent, IncidentEvent {

    String pageId();

    /** What the event is about: the incident, the component or the page (its CloudEvents subject). */
    String subject();
}
