package dev.steward.purview.implementation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Unmodifiable copies for model records; null stays null (absent stays absent on the wire). */
public final class Immutables {

  private Immutables() {}

  /**
   * A list only Jackson creates (through {@link JsonMapper}) and hands straight to a model
   * constructor: no one else holds it, so it is wrapped without a copy.
   */
  public static final class OwnedList<T> extends ArrayList<T> {
    private static final long serialVersionUID = 1L;
  }

  /**
   * A map only Jackson creates and hands straight to a model constructor (see {@link OwnedList}).
   */
  public static final class OwnedMap<K, V> extends LinkedHashMap<K, V> {
    private static final long serialVersionUID = 1L;
  }

  /**
   * An unmodifiable copy of a list that may hold nulls.
   *
   * @param <T> element type
   * @param list the list, or null
   * @return null for null, else an unmodifiable copy
   */
  public static <T> List<T> list(List<T> list) {
    if (list == null) {
      return list;
    }
    if (list.getClass() == OwnedList.class) {
      return Collections.unmodifiableList(list);
    }
    return Collections.unmodifiableList(new ArrayList<>(list));
  }

  /**
   * An unmodifiable, order-keeping copy of a map that may hold null values.
   *
   * @param <K> key type
   * @param <V> value type
   * @param map the map, or null
   * @return null for null, else an unmodifiable copy
   */
  public static <K, V> Map<K, V> map(Map<K, V> map) {
    if (map == null) {
      return map;
    }
    if (map.getClass() == OwnedMap.class) {
      return Collections.unmodifiableMap(map);
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /**
   * The unknown-fields bag: never null.
   *
   * @param map the map, or null
   * @return an unmodifiable copy, empty for null
   */
  public static Map<String, Object> extra(Map<String, Object> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    return map(map);
  }
}
