package org.briefing.model;

/** An entry of the vocabulary: an engagement type or a topic, with its labels. */
public record Term(String key, Localized label) {}
