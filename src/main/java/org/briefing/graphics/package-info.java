/**
 * The charts and the map, drawn at build time as inline SVG: {@link org.briefing.graphics.Charts}
 * (bars and month columns) and {@link org.briefing.graphics.WorldMap}, with the values they take
 * and give ({@link org.briefing.graphics.GraphicViews}). Every coordinate is worked out here, in
 * the page's reading direction. May depend on {@code i18n} and {@code model}; {@code render} uses
 * it, never the reverse.
 */
package org.briefing.graphics;
