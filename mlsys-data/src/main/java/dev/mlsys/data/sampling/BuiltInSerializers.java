package dev.mlsys.data.sampling;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The serializers behind {@link ItemSerializer}'s factories; immutable and thread-safe. */
final class BuiltInSerializers {
  private BuiltInSerializers() {}

  static final ItemSerializer<String> STRINGS = new ItemSerializer<>() {
    @Override
    public void write(String item, DataOutput out) throws IOException {
      byte[] b = Objects.requireNonNull(item, "item").getBytes(StandardCharsets.UTF_8);
      out.writeInt(b.length);
      out.write(b);
    }

    @Override
    public String read(DataInput in) throws IOException {
      return new String(readBytes(in), StandardCharsets.UTF_8);
    }
  };

  static final ItemSerializer<Long> LONGS = new ItemSerializer<>() {
    @Override
    public void write(Long item, DataOutput out) throws IOException {
      out.writeLong(Objects.requireNonNull(item, "item"));
    }

    @Override
    public Long read(DataInput in) throws IOException {
      return in.readLong();
    }
  };

  static final ItemSerializer<Integer> INTEGERS = new ItemSerializer<>() {
    @Override
    public void write(Integer item, DataOutput out) throws IOException {
      out.writeInt(Objects.requireNonNull(item, "item"));
    }

    @Override
    public Integer read(DataInput in) throws IOException {
      return in.readInt();
    }
  };

  static final ItemSerializer<Double> DOUBLES = new ItemSerializer<>() {
    @Override
    public void write(Double item, DataOutput out) throws IOException {
      out.writeDouble(Objects.requireNonNull(item, "item"));
    }

    @Override
    public Double read(DataInput in) throws IOException {
      return in.readDouble();
    }
  };

  static final ItemSerializer<byte[]> BYTE_ARRAYS = new ItemSerializer<>() {
    @Override
    public void write(byte[] item, DataOutput out) throws IOException {
      Objects.requireNonNull(item, "item");
      out.writeInt(item.length);
      out.write(item);
    }

    @Override
    public byte[] read(DataInput in) throws IOException {
      return readBytes(in);
    }
  };

  static byte[] readBytes(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("byte length must be >= 0 but was: " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }
}
