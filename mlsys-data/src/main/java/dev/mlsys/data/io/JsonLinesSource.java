package dev.mlsys.data.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * JSON Lines: one JSON object per line (https://jsonlines.org). A line that is not one JSON
 * object (bad syntax, invalid UTF-8, a duplicated key, an array, trailing text) is a malformed
 * record; a line of only blanks holds no record and is skipped. Not thread-safe.
 */
final class JsonLinesSource implements RecordSource {
  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final InputStream in;
  private final String name;
  private final int maxRecordBytes;
  private byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;
  private byte[] line = new byte[1024];
  private int lineLen;
  private long lineNumber;
  private long blankLines;
  private String problem;
  private Map<String, Object> values;

  JsonLinesSource(InputStream in, String name, int maxRecordBytes) {
    this.in = in;
    this.name = name;
    this.maxRecordBytes = maxRecordBytes;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean advance() {
    try {
      while (true) {
        if (!readLine()) {
          return false;
        }
        if (!isBlank()) {
          parse();
          return true;
        }
        blankLines++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": line " + (lineNumber + 1) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public long line() {
    return lineNumber;
  }

  @Override
  public String problem() {
    return problem;
  }

  @Override
  public Map<String, ?> values() {
    return values;
  }

  @Override
  public byte[] rawBytes() {
    return Arrays.copyOf(line, lineLen);
  }

  @Override
  public String rawText() {
    return new String(line, 0, lineLen, StandardCharsets.UTF_8);
  }

  @Override
  public long blankLines() {
    return blankLines;
  }

  @Override
  public boolean rawIsJson() {
    return problem == null;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
  }

  /** Reads the next line into {@code line} (without its terminator); false at the end of input. */
  private boolean readLine() throws IOException {
    lineLen = 0;
    boolean any = false;
    while (true) {
      if (pos >= limit) {
        if (eof) {
          break;
        }
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
          eof = true;
          break;
        }
        pos = 0;
        limit = n;
        continue;
      }
      any = true;
      int p = pos;
      while (p < limit && buf[p] != '\n') {
        p++;
      }
      int n = p - pos;
      if (lineLen + n > maxRecordBytes) {
        throw new MalformedRecordException(name, lineNumber + 1, String.format(Locale.ROOT,
            "line is longer than the limit of %d bytes; raise the limit if the data is right", maxRecordBytes));
      }
      if (lineLen + n > line.length) {
        line = Arrays.copyOf(line, Math.max(line.length * 2, lineLen + n));
      }
      System.arraycopy(buf, pos, line, lineLen, n);
      lineLen += n;
      pos = p;
      if (p < limit) {
        pos++;
        break;
      }
    }
    if (!any) {
      return false;
    }
    lineNumber++;
    if (lineLen > 0 && line[lineLen - 1] == '\r') {
      lineLen--;
    }
    if (lineNumber == 1 && lineLen >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB
        && (line[2] & 0xFF) == 0xBF) {
      System.arraycopy(line, 3, line, 0, lineLen - 3);
      lineLen -= 3;
    }
    return true;
  }

  private boolean isBlank() {
    for (int i = 0; i < lineLen; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private void parse() {
    problem = null;
    values = null;
    JsonNode node;
    try {
      node = MAPPER.readTree(line, 0, lineLen);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      problem = "is not valid JSON" + (at == null ? "" : " at column " + at.getColumnNr()) + ": "
          + e.getOriginalMessage().replace('\n', ' ');
      return;
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": line " + lineNumber + ": " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      problem = "is not a JSON object but " + (node == null ? "nothing" : "a JSON "
          + node.getNodeType().name().toLowerCase(Locale.ROOT));
      return;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      map.put(e.getKey(), java(e.getValue()));
    }
    values = map;
  }

  /** @return a JSON value as the Java value validation understands */
  static Object java(JsonNode v) {
    if (v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isIntegralNumber()) {
      return v.canConvertToLong() ? (Object) v.longValue() : v.bigIntegerValue();
    }
    if (v.isNumber()) {
      return v.numberValue();
    }
    return MAPPER.convertValue(v, Object.class);
  }
}
