package org.briefing.content;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An unmodifiable map of a few keys, in the order given, held in two arrays. A YAML mapping read
 * back from the build's memory is one of these: the 10,000 records of a large archive hold some
 * 90,000 mappings of a handful of keys each, and as linked hash maps (a table, an entry per key and
 * a wrapper, twice over) they were a fourth of the objects the collector copied while the content
 * loaded. Looking a key up walks the keys, which for so few is as fast as hashing.
 */
final class OrderedMap<V> extends AbstractMap<String, V> {

  private final String[] keys;
  private final Object[] values;

  /**
   * The keys and values at the same indexes, neither array changed afterwards.
   *
   * @throws IllegalArgumentException when a key is there twice or is null, or the lengths differ
   */
  OrderedMap(String[] keys, Object[] values) {
    if (keys.length != values.length) {
      throw new IllegalArgumentException(keys.length + " keys for " + values.length + " values");
    }
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] == null || indexOf(keys, i, keys[i]) >= 0) {
        throw new IllegalArgumentException("key " + keys[i] + " is null or there twice");
      }
    }
    this.keys = keys;
    this.values = values;
  }

  /** Where {@code key} is among the first {@code length} keys, or -1. */
  private static int indexOf(String[] keys, int length, Object key) {
    for (int i = 0; i < length; i++) {
      if (keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(keys, keys.length, key) >= 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    int i = indexOf(keys, keys.length, key);
    return i < 0 ? null : (V) values[i];
  }

  @Override
  public Set<Entry<String, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return keys.length;
      }

      @Override
      public Iterator<Entry<String, V>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          @SuppressWarnings("unchecked")
          public Entry<String, V> next() {
            if (next >= keys.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(keys[i], (V) values[i]);
          }
        };
      }
    };
  }
}
