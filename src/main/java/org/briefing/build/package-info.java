/**
 * The pipeline: load, validate, model, render the whole site (pages and outputs), publish; and the
 * preview's incremental builds. May depend on every package except {@code serve} and {@code cli}.
 */
package org.briefing.build;
