package org.briefing.content;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML text into {@link YamlNode}s through Jackson's streaming YAML parser, keeping every
 * scalar as the text the editor wrote. Refuses what would let a file mean something other than it
 * reads as: duplicate keys (YAML keeps the last one silently), anchors and aliases (a value defined
 * elsewhere, and the "billion laughs" expansion), explicit tags, and deep nesting.
 *
 * <p>Thread-safe: the factory is immutable once built and each call has its own parser.
 */
public final class YamlReader {

  /** Content files are small records; anything deeper than this is a mistake or an attack. */
  public static final int MAX_DEPTH = 12;

  private static final int MAX_CODE_POINTS = 2 * 1024 * 1024;

  private final YAMLFactory factory;

  public YamlReader() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowDuplicateKeys(true); // we report duplicates ourselves, with both lines
    options.setMaxAliasesForCollections(0);
    options.setNestingDepthLimit(MAX_DEPTH * 4);
    // An unquoted empty value (`end_date:`) is "nothing written"; a quoted "" stays text.
    factory =
        YAMLFactory.builder()
            .loaderOptions(options)
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build();
  }

  /**
   * Parses {@code text}, whose first line is line {@code 1 + lineOffset} of {@code file}. Returns
   * the root node, or empty when the text has problems that leave nothing to read; problems are
   * added to {@code problems} either way.
   */
  public Optional<YamlNode> read(Path file, String text, int lineOffset, List<Problem> problems) {
    Session session = new Session(file, text, lineOffset, problems);
    try (YAMLParser parser = (YAMLParser) factory.createParser(new StringReader(text))) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return Optional.empty();
      }
      YamlNode root = session.value(parser, 0);
      if (parser.nextToken() != null) {
        problems.add(
            Problem.at(
                session.position(parser.currentTokenLocation()),
                "a second YAML document starts here; keep one document per file and remove the"
                    + " extra `---`"));
      }
      return session.failed ? Optional.empty() : Optional.of(root);
    } catch (TooDeep e) {
      return Optional.empty(); // already reported, once, with its line
    } catch (JsonProcessingException e) {
      problems.add(YamlSyntax.describe(file, text, lineOffset, e));
      return Optional.empty();
    } catch (IOException e) {
      problems.add(Problem.inFile(file, "could not be read as YAML: " + e.getMessage()));
      return Optional.empty();
    }
  }

  /** Ends the read of a file nested too deeply, after its problem has been reported. */
  private static final class TooDeep extends RuntimeException {
    TooDeep() {
      super(null, null, false, false);
    }
  }

  /** State of one read: where we are and whether anything was refused. */
  private static final class Session {
    private final Path file;
    private final String[] lines;
    private final int lineOffset;
    private final List<Problem> problems;
    private boolean failed;

    Session(Path file, String text, int lineOffset, List<Problem> problems) {
      this.file = file;
      this.lines = text.split("\n", -1);
      this.lineOffset = lineOffset;
      this.problems = problems;
    }

    Position position(JsonLocation location) {
      int line = location.getLineNr();
      return new Position(
          file, line <= 0 ? 0 : line + lineOffset, Math.max(location.getColumnNr(), 0));
    }

    void refuse(Position position, String message) {
      failed = true;
      problems.add(Problem.at(position, message));
    }

    /**
     * The anchor name written where a value starts, if any. Jackson reports anchors on lists and
     * mappings but drops them on single values, so those are read from the text itself: a node's
     * position is where its properties (tag, anchor) begin.
     */
    private String anchorWrittenAt(JsonLocation location) {
      int line = location.getLineNr() - 1;
      int column = location.getColumnNr() - 1;
      if (line < 0 || line >= lines.length || column < 0 || column >= lines[line].length()) {
        return null;
      }
      String rest = lines[line].substring(column);
      if (rest.startsWith("!")) {
        int space = rest.indexOf(' ');
        rest = space < 0 ? "" : rest.substring(space).stripLeading();
      }
      if (!rest.startsWith("&")) {
        return null;
      }
      int end = 1;
      while (end < rest.length()
          && !Character.isWhitespace(rest.charAt(end))
          && ",[]{}".indexOf(rest.charAt(end)) < 0) {
        end++;
      }
      return rest.substring(1, end);
    }

    /**
     * The text a comment cut off a plain value, when the {@code #} follows it after one space with
     * no space after it ({@code title: Kim #1 meeting}): that reads as part of the value, while
     * {@code value # a note} is a comment as written.
     */
    private String commentCut(JsonLocation location, String text) {
      int line = location.getLineNr() - 1;
      int column = location.getColumnNr() - 1;
      if (line < 0 || line >= lines.length || column < 0 || text.isEmpty()) {
        return null;
      }
      String written = lines[line];
      if (column >= written.length()
          || "'\"|>".indexOf(written.charAt(column)) >= 0
          || !written.startsWith(text, column)) {
        return null;
      }
      String rest = written.substring(column + text.length()).stripTrailing();
      boolean cut =
          rest.length() > 2
              && (rest.charAt(0) == ' ' || rest.charAt(0) == '\t')
              && rest.charAt(1) == '#'
              && !Character.isWhitespace(rest.charAt(2));
      return cut ? rest.substring(1) : null;
    }

    /**
     * Refuses a key holding a space that is not the space bar's, or an invisible character (pasted
     * from a word processor or a web page): it looks right and matches no key.
     */
    private void checkKeySpaces(String key, Position keyAt) {
      for (int i = 0; i < key.length(); ) {
        int c = key.codePointAt(i);
        boolean odd =
            c != ' '
                && (Character.isWhitespace(c)
                    || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.FORMAT);
        if (odd) {
          String name =
              switch (c) {
                case 0x00A0 -> "a non-breaking space";
                case 0x202F -> "a narrow non-breaking space";
                case 0x200B -> "a zero-width space";
                case 0xFEFF -> "a zero-width no-break space (byte-order mark)";
                case 0x200C -> "a zero-width non-joiner";
                case 0x200D -> "a zero-width joiner";
                case 0x2060 -> "a word joiner";
                case '\t' -> "a tab";
                default -> "an invisible or unusual space";
              };
          String visible = key.replaceAll("[\\p{Z}\\p{Cf}\\s]", "");
          refuse(
              new Position(keyAt.file(), keyAt.line(), keyAt.column() + i),
              "the key \""
                  + visible
                  + "\" contains "
                  + name
                  + String.format(java.util.Locale.ROOT, " (U+%04X)", c)
                  + ", which looks like a space or nothing but is not one; delete"
                  + " the key and type it again, with ordinary spaces before it");
          return;
        }
        i += Character.charCount(c);
      }
    }

    /** Reads the value at the parser's current token, leaving the parser on its last token. */
    YamlNode value(YAMLParser parser, int depth) throws IOException {
      Position at = position(parser.currentTokenLocation());
      if (parser.isCurrentAlias()) {
        refuse(
            at,
            "YAML aliases (*"
                + parser.getText()
                + ") are not allowed; write the value out"
                + " in full");
        return new YamlNode.Scalar("", true, at);
      }
      String anchor =
          parser.getCurrentAnchor() != null
              ? parser.getCurrentAnchor()
              : anchorWrittenAt(parser.currentTokenLocation());
      if (anchor != null) {
        refuse(
            at,
            "YAML anchors (&"
                + anchor
                + ") are not allowed; remove it"
                + " and write values out in full");
      }
      Object tag = parser.getTypeId();
      if (tag != null) {
        refuse(
            at,
            "YAML tags ("
                + tag
                + ") are not allowed; remove the tag, and quote the value"
                + " if it must stay text");
      }
      JsonToken token = parser.currentToken();
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        if (depth >= MAX_DEPTH) {
          refuse(
              at,
              "nested more than "
                  + MAX_DEPTH
                  + " levels deep; content records are"
                  + " flat, so this is probably an indentation mistake");
          // Reading on would only find the parser's own depth limit, a second report of the
          // same mistake without a line; the file is refused here.
          throw new TooDeep();
        }
        return token == JsonToken.START_OBJECT
            ? mapping(parser, at, depth)
            : sequence(parser, at, depth);
      }
      if (token == JsonToken.VALUE_NULL) {
        return new YamlNode.Scalar("", true, at);
      }
      // Jackson may have typed the scalar (true, number...); its text is what was written.
      String text = parser.getText();
      String cut = commentCut(parser.currentTokenLocation(), text);
      if (cut != null) {
        refuse(
            at,
            "\" #\" starts a comment in YAML, so this value ends at \""
                + text
                + "\" and \""
                + cut
                + "\" is dropped; put the whole value in quotes: \""
                + text
                + " "
                + cut
                + "\"");
      }
      return new YamlNode.Scalar(text, false, at);
    }

    private YamlNode mapping(YAMLParser parser, Position at, int depth) throws IOException {
      Map<String, YamlNode> entries = new LinkedHashMap<>();
      Map<String, Position> keys = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        Position keyAt = position(parser.currentTokenLocation());
        checkKeySpaces(key, keyAt);
        parser.nextToken();
        YamlNode value = value(parser, depth + 1);
        Position earlier = keys.get(key);
        if (earlier != null) {
          refuse(
              keyAt,
              "duplicate key \""
                  + key
                  + "\" (first written on line "
                  + earlier.line()
                  + "); keep one and delete the other");
          continue;
        }
        keys.put(key, keyAt);
        entries.put(key, value);
      }
      return new YamlNode.Mapping(
          Collections.unmodifiableMap(entries), Collections.unmodifiableMap(keys), at);
    }

    private YamlNode sequence(YAMLParser parser, Position at, int depth) throws IOException {
      List<YamlNode> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(value(parser, depth + 1));
      }
      return new YamlNode.Sequence(List.copyOf(items), at);
    }
  }
}
