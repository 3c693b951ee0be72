package org.briefing.content;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * YAML nodes as bytes, for the memory {@link ParsedYaml} keeps between builds: what {@link
 * YamlReader} made, positions included (their file is the memory's key, so it is not written).
 */
final class NodeCodec {

  private NodeCodec() {}

  private static final int SCALAR = 0;
  private static final int NULL = 1;
  private static final int SEQUENCE = 2;
  private static final int MAPPING = 3;

  /** The nodes of one text, positions without their file (which is the key's). */
  static byte[] encode(YamlNode node) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      encode(out, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array cannot fail to be written
    }
    return bytes.toByteArray();
  }

  private static void encode(DataOutputStream out, YamlNode node) throws IOException {
    if (node instanceof YamlNode.Scalar scalar) {
      out.writeByte(scalar.isNull() ? NULL : SCALAR);
      string(out, scalar.text());
    } else if (node instanceof YamlNode.Sequence sequence) {
      out.writeByte(SEQUENCE);
      out.writeInt(sequence.items().size());
      for (YamlNode item : sequence.items()) {
        encode(out, item);
      }
    } else {
      YamlNode.Mapping mapping = (YamlNode.Mapping) node;
      out.writeByte(MAPPING);
      out.writeInt(mapping.entries().size());
      for (Map.Entry<String, YamlNode> entry : mapping.entries().entrySet()) {
        string(out, entry.getKey());
        position(out, mapping.keyPositions().get(entry.getKey()));
        encode(out, entry.getValue());
      }
    }
    position(out, node.position());
  }

  /**
   * The nodes {@link #encode} wrote, as {@link YamlReader} makes them, in {@code file}; empty when
   * the bytes are damaged.
   */
  static Optional<YamlNode> decode(Path file, byte[] nodes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(nodes))) {
      YamlNode node = decode(in, file, 0);
      return in.available() == 0 ? Optional.of(node) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static YamlNode decode(DataInputStream in, Path file, int depth) throws IOException {
    if (depth > YamlReader.MAX_DEPTH) {
      throw new IOException("nested deeper than the reader allows");
    }
    int kind = in.readByte();
    switch (kind) {
      case SCALAR, NULL -> {
        String text = string(in);
        return new YamlNode.Scalar(text, kind == NULL, position(in, file));
      }
      case SEQUENCE -> {
        int count = in.readInt();
        List<YamlNode> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          items.add(decode(in, file, depth + 1));
        }
        return new YamlNode.Sequence(List.copyOf(items), position(in, file));
      }
      case MAPPING -> {
        int count = in.readInt();
        if (count < 0 || count > in.available()) {
          throw new IOException("a mapping of " + count + " keys");
        }
        String[] keys = new String[count];
        Position[] at = new Position[count];
        YamlNode[] values = new YamlNode[count];
        for (int i = 0; i < count; i++) {
          keys[i] = string(in).intern(); // the same few field names in every record
          at[i] = position(in, file);
          values[i] = decode(in, file, depth + 1);
        }
        return new YamlNode.Mapping(
            new OrderedMap<>(keys, values), new OrderedMap<>(keys, at), position(in, file));
      }
      default -> throw new IOException("not a node: " + kind);
    }
  }

  private static void position(DataOutputStream out, Position position) throws IOException {
    out.writeInt(position.line());
    out.writeInt(position.column());
  }

  private static Position position(DataInputStream in, Path file) throws IOException {
    return new Position(file, in.readInt(), in.readInt());
  }

  /** UTF-8 with its length first: {@code writeUTF} stops at 64 KiB, a YAML text may not. */
  static void string(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /** A length and as many bytes, the length checked against what is left: memory may be damaged. */
  static byte[] bytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("a length of " + length + " with " + in.available() + " bytes left");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }

  static String string(DataInputStream in) throws IOException {
    return new String(bytes(in), StandardCharsets.UTF_8);
  }
}
