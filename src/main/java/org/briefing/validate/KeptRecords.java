package org.briefing.validate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.briefing.content.MarkdownFile;
import org.briefing.content.Position;
import org.briefing.content.RecordFolder;
import org.briefing.model.Actor;
import org.briefing.model.Correction;
import org.briefing.model.Country;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.Localized;
import org.briefing.model.PartialDate;
import org.briefing.model.Source;
import org.briefing.model.Status;
import org.briefing.model.Term;
import org.briefing.model.Translation;

/**
 * A valid record in the form a build keeps for the next ({@link
 * org.briefing.content.ValidatedRecords}), and back. Countries, types, topics and actors are
 * written by key and looked up in the shared files as read now, which are the very text they were
 * checked against; bodies stay in their files, as the loader left them. Everything else is written
 * as it was, with where each alias was written, for the problems the {@link Validator} reports
 * about aliases.
 */
final class KeptRecords {

  private static final int FORMAT = 1;

  private final Map<String, Country> countries;
  private final Map<String, Term> types;
  private final Map<String, Term> topics;
  private final Map<String, Actor> actors;
  private final Map<String, Map<String, Position>> aliasPositions;

  KeptRecords(
      Map<String, Country> countries,
      Map<String, Term> types,
      Map<String, Term> topics,
      Map<String, Actor> actors,
      Map<String, Map<String, Position>> aliasPositions) {
    this.countries = countries;
    this.types = types;
    this.topics = topics;
    this.actors = actors;
    this.aliasPositions = aliasPositions;
  }

  /** {@code e}, as read from its folder, in the form {@link #decode} reads. */
  byte[] encode(Engagement e) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      date(out, e.date());
      out.writeBoolean(e.endDate().isPresent());
      if (e.endDate().isPresent()) {
        date(out, e.endDate().get());
      }
      string(out, e.type().key());
      strings(out, e.countries().stream().map(Country::code).toList());
      strings(out, e.actors().stream().map(Actor::id).toList());
      strings(out, e.topics().stream().map(Term::key).toList());
      string(out, e.status().key());
      out.writeInt(e.sources().size());
      for (Source s : e.sources()) {
        string(out, s.publisher());
        string(out, s.title());
        optional(out, s.url());
        out.writeBoolean(s.date().isPresent());
        if (s.date().isPresent()) {
          date(out, s.date().get());
        }
        string(out, s.language());
        localized(out, s.publisherName());
        optional(out, s.publisherUrl());
        optional(out, s.archiveUrl());
      }
      strings(out, e.related());
      out.writeInt(e.corrections().size());
      for (Correction c : e.corrections()) {
        date(out, c.date());
        localized(out, c.text());
      }
      out.writeBoolean(e.draft());
      out.writeInt(e.translations().size());
      for (Translation t : e.translations().values()) {
        string(out, t.lang().code());
        string(out, t.title());
        string(out, t.summary());
      }
      Map<String, Position> where = aliasPositions.getOrDefault(e.id(), Map.of());
      out.writeInt(e.aliases().size());
      for (String alias : e.aliases()) {
        string(out, alias);
        Position at = where.get(alias);
        out.writeInt(at == null ? 0 : at.line());
        out.writeInt(at == null ? 0 : at.column());
      }
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible); // written to memory
    }
    return bytes.toByteArray();
  }

  /**
   * The record {@code folder} holds as {@link #encode} wrote it, its aliases' positions noted for
   * the validator's checks.
   *
   * @throws IllegalStateException when the bytes are not what this program writes for these shared
   *     files, which the build's memory vouches they are
   */
  Engagement decode(RecordFolder folder) {
    byte[] kept = folder.validated().orElseThrow();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(kept))) {
      if (in.readByte() != FORMAT) {
        throw new IOException("an unknown form");
      }
      PartialDate date = date(in);
      Optional<PartialDate> endDate = in.readBoolean() ? Optional.of(date(in)) : Optional.empty();
      Term type = known(types, string(in));
      List<Country> recordCountries = known(countries, in);
      List<Actor> recordActors = known(actors, in);
      List<Term> recordTopics = known(topics, in);
      Status status = Status.fromKey(string(in)).orElseThrow();
      List<Source> sources = new ArrayList<>();
      for (int i = count(in); i > 0; i--) {
        String publisher = string(in);
        String title = string(in);
        Optional<String> url = optional(in);
        Optional<PartialDate> published =
            in.readBoolean() ? Optional.of(date(in)) : Optional.empty();
        sources.add(
            new Source(
                publisher,
                title,
                url,
                published,
                string(in),
                localized(in),
                optional(in),
                optional(in)));
      }
      List<String> related = strings(in);
      List<Correction> corrections = new ArrayList<>();
      for (int i = count(in); i > 0; i--) {
        corrections.add(new Correction(date(in), localized(in)));
      }
      boolean draft = in.readBoolean();
      Map<Lang, Translation> translations = new EnumMap<>(Lang.class);
      for (int i = count(in); i > 0; i--) {
        Lang lang = Lang.fromCode(string(in)).orElseThrow();
        MarkdownFile text = folder.texts().get(lang.code());
        if (text == null) {
          throw new IOException("no " + lang.code() + ".md");
        }
        translations.put(lang, new Translation(lang, string(in), string(in), text.body()));
      }
      List<String> aliases = new ArrayList<>();
      Path facts = folder.dir().resolve("engagement.yaml");
      for (int i = count(in); i > 0; i--) {
        String alias = string(in);
        Position at = new Position(facts, in.readInt(), in.readInt());
        aliases.add(alias);
        if (at.line() > 0) {
          aliasPositions.computeIfAbsent(folder.id(), k -> new HashMap<>()).put(alias, at);
        }
      }
      if (in.available() != 0) {
        throw new IOException("bytes left over");
      }
      return new Engagement(
          folder.id(),
          date,
          endDate,
          type,
          List.copyOf(recordCountries),
          List.copyOf(recordActors),
          List.copyOf(recordTopics),
          status,
          List.copyOf(sources),
          List.copyOf(related),
          List.copyOf(corrections),
          draft,
          translations,
          List.copyOf(aliases));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "the last build's record of "
              + folder.dir()
              + " cannot be read ("
              + e.getMessage()
              + "); delete the output folder's state and build again",
          e);
    }
  }

  private static <T> T known(Map<String, T> known, String key) throws IOException {
    T found = known.get(key);
    if (found == null) {
      throw new IOException("\"" + key + "\" is not in the shared files");
    }
    return found;
  }

  private static <T> List<T> known(Map<String, T> known, DataInputStream in) throws IOException {
    List<T> out = new ArrayList<>();
    for (String key : strings(in)) {
      out.add(known(known, key));
    }
    return out;
  }

  private static void date(DataOutputStream out, PartialDate date) throws IOException {
    out.writeShort(date.year());
    out.writeByte(date.month());
    out.writeByte(date.day());
  }

  private static PartialDate date(DataInputStream in) throws IOException {
    return new PartialDate(in.readShort(), in.readByte(), in.readByte());
  }

  private static void localized(DataOutputStream out, Localized text) throws IOException {
    string(out, text.en());
    string(out, text.ar());
  }

  private static Localized localized(DataInputStream in) throws IOException {
    return new Localized(string(in), string(in));
  }

  private static void optional(DataOutputStream out, Optional<String> text) throws IOException {
    out.writeBoolean(text.isPresent());
    if (text.isPresent()) {
      string(out, text.get());
    }
  }

  private static Optional<String> optional(DataInputStream in) throws IOException {
    return in.readBoolean() ? Optional.of(string(in)) : Optional.empty();
  }

  private static void strings(DataOutputStream out, List<String> texts) throws IOException {
    out.writeInt(texts.size());
    for (String text : texts) {
      string(out, text);
    }
  }

  private static List<String> strings(DataInputStream in) throws IOException {
    List<String> out = new ArrayList<>();
    for (int i = count(in); i > 0; i--) {
      out.add(string(in));
    }
    return out;
  }

  private static void string(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String string(DataInputStream in) throws IOException {
    int length = count(in);
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  /** A count or length, checked against the bytes left. */
  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("a count of " + n + " with " + in.available() + " bytes left");
    }
    return n;
  }
}
