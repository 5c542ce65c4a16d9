package dev.mlsys.data.sampling;

import dev.mlsys.api.CorruptArtifactException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The frame every sampler's byte form shares: the format name (modified UTF-8), a 4-byte version,
 * then the sampler's own fields, big-endian ({@link java.io.DataOutput}).
 */
final class ByteFormat {
  private ByteFormat() {}

  /** Writes one sampler's state; may throw IOException from the caller's item serializer. */
  interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  /** Reads one sampler's state after the frame was checked. */
  interface Reader<R> {
    R read(DataInputStream in) throws IOException;
  }

  static byte[] write(String format, int version, Body body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(format);
      out.writeInt(version);
      body.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + format + ": " + e.getMessage(), e);
    }
    return bytes.toByteArray();
  }

  /**
   * @throws CorruptArtifactException if the name or version differ from the expected ones, the
   *     bytes end early, have bytes left over, or the body rejects what it reads
   */
  static <R> R read(byte[] bytes, String format, int version, Reader<R> body) {
    if (bytes == null) {
      throw new NullPointerException("bytes");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      String name = in.readUTF();
      if (!name.equals(format)) {
        throw new CorruptArtifactException(
            "sampler bytes: expected format '" + format + "' but found '" + name + "'");
      }
      int v = in.readInt();
      if (v != version) {
        throw new CorruptArtifactException(String.format(Locale.ROOT,
            "%s: expected format version %d but found %d", format, version, v));
      }
      R result = body.read(in);
      if (in.available() > 0) {
        throw new CorruptArtifactException(String.format(Locale.ROOT,
            "%s: %d unexpected bytes after the end of the sampler", format, in.available()));
      }
      return result;
    } catch (EOFException e) {
      throw new CorruptArtifactException(format + ": the bytes end before the sampler does", e);
    } catch (IOException e) {
      throw new CorruptArtifactException(format + ": cannot read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (e instanceof CorruptArtifactException) {
        throw e;
      }
      throw new CorruptArtifactException(format + ": cannot read: " + e, e);
    }
  }

  /** Fails the read with a message naming the field, the value and the rule. */
  static void check(boolean ok, String format, String what) {
    if (!ok) {
      throw new CorruptArtifactException(format + ": " + what);
    }
  }
}
