package org.briefing.model;

/** A published correction to a record, shown on its page so readers see what changed. */
public record Correction(PartialDate date, Localized text) {}
