package org.briefing.content;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.Locale;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * YAML syntax errors in an editor's words. The parser says what it was doing ("while scanning a
 * simple key") and what it found; the editor needs what is wrong on which line and how to fix it.
 * Each known kind of mistake is named, at the place the editor has to change (where an unclosed
 * quote or bracket opens, not where the file ends).
 */
final class YamlSyntax {

  private YamlSyntax() {}

  /** The mistake {@code e} reports in {@code text}, whose first line is {@code 1 + lineOffset}. */
  static Problem describe(Path file, String text, int lineOffset, JsonProcessingException e) {
    String[] lines = text.split("\n", -1);
    if (e.getCause() instanceof MarkedYAMLException marked) {
      String problem = lower(marked.getProblem());
      String context = lower(marked.getContext());
      Mark at = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
      Mark opened = marked.getContextMark() != null ? marked.getContextMark() : at;
      Problem tab = tab(file, lines, lineOffset, at);
      if (tab != null) {
        return tab;
      }
      Problem space = oddIndent(file, lines, lineOffset, at);
      if (space != null) {
        return space;
      }
      if (context.contains("quoted scalar")) {
        if (problem.contains("escape")) {
          return at(
              file,
              lineOffset,
              at,
              "a backslash in double quotes starts an escape YAML"
                  + " does not know; put the value in single quotes ('...') instead, or write \\\\"
                  + " for a backslash");
        }
        return at(
            file,
            lineOffset,
            opened,
            "this quote ("
                + charAt(lines, opened)
                + ") is not closed; end the value with the same quote mark on this line");
      }
      if (context.contains("flow sequence") || context.contains("flow mapping")) {
        boolean list = context.contains("sequence");
        return at(
            file,
            lineOffset,
            opened,
            "this "
                + (list ? "[" : "{")
                + " is not closed: end"
                + " the "
                + (list ? "list with ]" : "set of keys with }")
                + " on the same line, with"
                + " a comma between entries; put entries that contain \", \" or \": \" in quotes");
      }
      if (problem.contains("mapping values are not allowed")) {
        return at(
            file,
            lineOffset,
            at,
            "a colon followed by a space (\": \") inside a value:"
                + " YAML reads it as a new key; put the whole value in quotes: key: \"...\"");
      }
      if (problem.contains("could not find expected ':'")) {
        return at(
            file,
            lineOffset,
            at.getLine() > opened.getLine() ? opened : at,
            "this line"
                + " is not `key: value`: a key needs a colon and a space after it; if the line"
                + " continues the value above, put that whole value in quotes on one line");
      }
      if (problem.contains("block sequence start") || problem.contains("'-'")) {
        return at(
            file,
            lineOffset,
            at,
            "a `- ` list entry where a key was expected: indent"
                + " the list under its key (`countries:` on one line, then `  - SY`), or write it"
                + " on the key's line as [SY, TR]");
      }
      if (problem.contains("expected <block end>")
          || problem.contains("did not find expected key")
          || problem.contains("did not find expected '-'")) {
        return at(
            file,
            lineOffset,
            at,
            "this line is not indented like the keys or list"
                + " entries above it; line it up with them (use spaces, the same number as the"
                + " lines above), or put the value in quotes if it continues a value");
      }
      if (problem.contains("special characters are not allowed")
          || problem.contains("cannot start any token")) {
        int c = codePointAt(lines, at);
        if (c == '@' || c == '`' || c == '%') {
          return at(
              file,
              lineOffset,
              at,
              "a value cannot begin with "
                  + (char) c
                  + " in YAML;"
                  + " put the whole value in quotes");
        }
        return at(
            file,
            lineOffset,
            at,
            "an invisible or control character ("
                + String.format(Locale.ROOT, "U+%04X", c)
                + ") YAML cannot read; delete it and"
                + " retype what is around it");
      }
      if (context.contains("scanning an anchor") || context.contains("scanning an alias")) {
        char mark = context.contains("anchor") ? '&' : '*';
        return at(
            file,
            lineOffset,
            opened,
            "a value cannot begin with "
                + mark
                + " in YAML (it would start "
                + (mark == '&' ? "an anchor" : "an alias")
                + ", which is not allowed); put the whole value in quotes");
      }
      if (problem.contains("<document start>")) {
        return at(
            file,
            lineOffset,
            at,
            "keys start here after a line above that is not `key:"
                + " value` (a key needs a colon and a space after it, `title: ...`); correct that"
                + " line, or put its whole value in quotes");
      }
      if (problem.contains("end of stream")) {
        return at(
            file,
            lineOffset,
            opened,
            "the file ends before what starts here is"
                + " complete; close the quote or bracket, or finish the line");
      }
      String plain =
          marked.getProblem() == null
                  || marked.getProblem().contains("<")
                  || marked.getProblem().contains("token")
              ? ""
              : " (" + marked.getProblem().strip() + ")";
      return at(
          file,
          lineOffset,
          at,
          "YAML cannot read this line"
              + plain
              + "; check the"
              + " indentation, and put quotes around values that contain \": \" or \" #\" or start"
              + " with a special character");
    }
    JsonLocation where = e.getLocation();
    String original = firstLine(e.getOriginalMessage());
    if (original.contains("special characters are not allowed")) {
      // The reader refuses the character before any position is known: find it in the text.
      Problem control = controlCharacter(file, lines, lineOffset);
      if (control != null) {
        return control;
      }
    }
    if (original.contains("base64") && where != null && where.getLineNr() > 0) {
      // A value tagged !!binary is decoded before the tag can be refused: name the tag instead.
      int line = where.getLineNr() - 1;
      int tag = line < lines.length ? lines[line].indexOf("!!binary") : -1;
      return new Problem(
          file,
          line + 1 + lineOffset,
          tag >= 0 ? tag + 1 : Math.max(where.getColumnNr(), 1),
          "YAML tags (!!binary) are not allowed; remove the tag, and quote the value if it must"
              + " stay text");
    }
    Position position =
        where == null || where.getLineNr() <= 0
            ? Position.startOf(file)
            : new Position(file, where.getLineNr() + lineOffset, Math.max(where.getColumnNr(), 0));
    return Problem.at(
        position,
        "YAML cannot read this file ("
            + firstLine(e.getOriginalMessage())
            + "); check the indentation, and put quotes around values that contain \": \" or \" #\"");
  }

  /** The first character YAML does not allow anywhere in a file (a control character), if any. */
  private static Problem controlCharacter(Path file, String[] lines, int lineOffset) {
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      for (int j = 0; j < line.length(); j = line.offsetByCodePoints(j, 1)) {
        int c = line.codePointAt(j);
        boolean allowed =
            c == '\t'
                || c == '\r'
                || (c >= 0x20 && c <= 0x7E)
                || c == 0x85
                || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || c >= 0x10000;
        if (!allowed) {
          return new Problem(
              file,
              i + 1 + lineOffset,
              line.codePointCount(0, j) + 1, // as editors count columns, an emoji one
              "an invisible or control character ("
                  + String.format(Locale.ROOT, "U+%04X", c)
                  + ") YAML cannot read; delete it and retype what is around it");
        }
      }
    }
    return null;
  }

  /** A tab where the parser stopped, or before it on that line's indentation. */
  private static Problem tab(Path file, String[] lines, int lineOffset, Mark at) {
    if (at == null || at.getLine() >= lines.length) {
      return null;
    }
    String line = lines[at.getLine()];
    int column = Math.min(at.getColumn(), line.length());
    int tab = line.indexOf('\t');
    boolean here = column < line.length() && line.charAt(column) == '\t';
    boolean indent = tab >= 0 && line.substring(0, tab).isBlank();
    if (!here && !indent) {
      return null;
    }
    int col = here ? column : tab;
    return new Problem(
        file,
        at.getLine() + 1 + lineOffset,
        col + 1,
        "YAML does not allow tabs"
            + (indent ? " in indentation" : " here")
            + "; indent with spaces (press the space bar,"
            + " or set your editor to insert spaces for tabs)");
  }

  /** A space other than the space bar's (pasted) in the indentation of the line. */
  private static Problem oddIndent(Path file, String[] lines, int lineOffset, Mark at) {
    if (at == null || at.getLine() >= lines.length) {
      return null;
    }
    String line = lines[at.getLine()];
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ') {
        continue;
      }
      if (c != '\t' && (Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT)) {
        String name =
            c == 0x00A0
                ? "a non-breaking space"
                : c == 0x200B ? "a zero-width space" : "an unusual space";
        return new Problem(
            file,
            at.getLine() + 1 + lineOffset,
            i + 1,
            "this line is indented"
                + " with "
                + name
                + String.format(Locale.ROOT, " (U+%04X)", (int) c)
                + ", which looks"
                + " like a space but is not one; indent with ordinary spaces");
      }
      return null;
    }
    return null;
  }

  private static Problem at(Path file, int lineOffset, Mark mark, String message) {
    if (mark == null) {
      return Problem.inFile(file, message);
    }
    return new Problem(file, mark.getLine() + 1 + lineOffset, mark.getColumn() + 1, message);
  }

  private static int codePointAt(String[] lines, Mark mark) {
    if (mark == null
        || mark.getLine() >= lines.length
        || mark.getColumn() >= lines[mark.getLine()].length()) {
      return 0;
    }
    return lines[mark.getLine()].codePointAt(mark.getColumn());
  }

  private static String charAt(String[] lines, Mark mark) {
    int c = codePointAt(lines, mark);
    return c == '\'' ? "'" : "\"";
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int cut = s.indexOf('\n');
    return (cut > 0 ? s.substring(0, cut) : s).strip();
  }
}
