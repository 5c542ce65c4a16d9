package dev.mlsys.data.sampling;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Writes and reads the items a sampler holds, for its byte form ({@code toBytes} /
 * {@code fromBytes}). The sampler writes its own state (format name, version, counts, keys,
 * random stream) and hands each item to this serializer, so the caller decides how items travel:
 * plain strings, longs, Avro, Protobuf, or anything else.
 *
 * <pre>{@code
 * byte[] bytes = sampler.toBytes(ItemSerializer.strings());
 * ReservoirSampler<String> back = ReservoirSampler.fromBytes(bytes, ItemSerializer.strings());
 * }</pre>
 *
 * <p>Implementations must read back exactly what they wrote, and should be stateless (the
 * built-in ones are immutable and thread-safe). {@code null} items are passed to the serializer
 * like any other; the built-in ones reject them with a {@link NullPointerException}.
 *
 * @param <T> the item type
 */
public interface ItemSerializer<T> {

  /**
   * @param item the item to write
   * @param out where to write it
   * @throws IOException if the output fails
   */
  void write(T item, DataOutput out) throws IOException;

  /**
   * @param in where to read from, positioned where {@link #write} started writing
   * @return the item
   * @throws IOException if the input fails or is malformed
   */
  T read(DataInput in) throws IOException;

  /** @return strings as a length-prefixed UTF-8 byte sequence (no 64 KiB limit) */
  static ItemSerializer<String> strings() {
    return BuiltInSerializers.STRINGS;
  }

  /** @return longs as 8 big-endian bytes */
  static ItemSerializer<Long> longs() {
    return BuiltInSerializers.LONGS;
  }

  /** @return integers as 4 big-endian bytes */
  static ItemSerializer<Integer> integers() {
    return BuiltInSerializers.INTEGERS;
  }

  /** @return doubles as their 8-byte IEEE 754 bit pattern */
  static ItemSerializer<Double> doubles() {
    return BuiltInSerializers.DOUBLES;
  }

  /** @return byte arrays as a length-prefixed byte sequence */
  static ItemSerializer<byte[]> byteArrays() {
    return BuiltInSerializers.BYTE_ARRAYS;
  }
}
