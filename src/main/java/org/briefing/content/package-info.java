/**
 * Reads the content folder as written (YAML as text, Markdown with front matter), keeping
 * file:line:column for every value, and the {@link org.briefing.content.Problem} lines editors see.
 * Depends on no other package of the program but the model (a language file's body is a {@link
 * org.briefing.model.Translation.Body}); Jackson and SnakeYAML stay here.
 */
package org.briefing.content;
