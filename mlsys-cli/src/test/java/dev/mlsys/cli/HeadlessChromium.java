package dev.mlsys.cli;

import dev.mlsys.api.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives Debian's headless Chromium over the DevTools protocol (the JDK's own WebSocket client,
 * no extra dependency): load a page, collect console errors and uncaught exceptions, evaluate
 * expressions, take a screenshot.
 */
public final class HeadlessChromium implements AutoCloseable {
  public static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://[^\\s]+)");

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
  private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
  private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

  public HeadlessChromium(int width, int height) throws Exception {
    profile = Files.createTempDirectory("mlsys-chromium");
    process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update",
        "--disable-sync", "--remote-debugging-port=0", "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height, "about:blank").redirectErrorStream(true).start();
    String browserUrl = awaitDevToolsUrl();
    URI browser = URI.create(browserUrl);
    HttpClient http = HttpClient.newHttpClient();
    String list = http.send(HttpRequest.newBuilder(URI.create("http://" + browser.getHost() + ":" + browser.getPort()
        + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body();
    String pageUrl = null;
    for (Object o : (List<?>) Json.parse(list)) {
      Map<?, ?> target = (Map<?, ?>) o;
      if ("page".equals(target.get("type"))) {
        pageUrl = (String) target.get("webSocketDebuggerUrl");
        break;
      }
    }
    if (pageUrl == null) {
      throw new IOException("Chromium opened no page target: " + list);
    }
    socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new Listener()).join();
    call("Runtime.enable", Map.of());
    call("Log.enable", Map.of());
    call("Page.enable", Map.of());
    call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
        "mobile", false));
  }

  private String awaitDevToolsUrl() throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String line;
    StringBuilder seen = new StringBuilder();
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = DEVTOOLS.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "chromium-output");
        drain.setDaemon(true);
        drain.start();
        return m.group(1);
      }
    }
    throw new IOException("Chromium did not start its DevTools endpoint:\n" + seen);
  }

  /** Loads a page and waits for its load event. */
  public void load(Path file) throws Exception {
    loaded = new CompletableFuture<>();
    call("Page.navigate", Map.of("url", file.toUri().toString()));
    loaded.get(30, TimeUnit.SECONDS);
  }

  /** @return the value of a JavaScript expression (JSON-compatible results only) */
  public Object evaluate(String expression) throws Exception {
    Map<String, Object> result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    Map<?, ?> remote = (Map<?, ?>) result.get("result");
    if (result.containsKey("exceptionDetails")) {
      throw new AssertionError("page script failed: " + result.get("exceptionDetails"));
    }
    return remote.get("value");
  }

  /** Writes a PNG of the whole page. */
  public void screenshot(Path png) throws Exception {
    Map<String, Object> r = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", false));
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.write(png, Base64.getDecoder().decode((String) r.get("data")));
  }

  /** @return console errors, failed resource loads and uncaught exceptions seen so far */
  public List<String> errors() {
    return List.copyOf(errors);
  }

  private Map<String, Object> call(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket.sendText(Json.write(Map.of("id", id, "method", method, "params", params)), true).join();
    Map<String, Object> message = reply.get(30, TimeUnit.SECONDS);
    if (message.containsKey("error")) {
      throw new IOException(method + " failed: " + message.get("error"));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) message.get("result");
    return result;
  }

  @Override
  public void close() throws IOException {
    try {
      if (socket != null) {
        socket.abort();
      }
    } finally {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      // Chromium may still be writing into its profile while it exits; a file that vanishes under
      // the walk is no failure of the page under test.
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | java.io.UncheckedIOException ignored) {
        // left for the system's temporary-file cleanup
      }
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        handle(Json.parseObject(partial.toString()));
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @SuppressWarnings("unchecked")
    private void handle(Map<String, Object> message) {
      Object id = message.get("id");
      if (id instanceof Number n) {
        CompletableFuture<Map<String, Object>> reply = pending.remove(n.intValue());
        if (reply != null) {
          reply.complete(message);
        }
        return;
      }
      String method = String.valueOf(message.get("method"));
      Map<String, Object> params = (Map<String, Object>) message.getOrDefault("params", Map.of());
      switch (method) {
        case "Page.loadEventFired" -> loaded.complete(null);
        case "Runtime.exceptionThrown" -> errors.add("uncaught exception: " + params.get("exceptionDetails"));
        case "Runtime.consoleAPICalled" -> {
          if ("error".equals(params.get("type")) || "assert".equals(params.get("type"))) {
            errors.add("console." + params.get("type") + ": " + params.get("args"));
          }
        }
        case "Log.entryAdded" -> {
          Map<String, Object> entry = (Map<String, Object>) params.get("entry");
          if (entry != null && "error".equals(entry.get("level"))) {
            errors.add("log error: " + entry.get("text") + " " + entry.getOrDefault("url", ""));
          }
        }
        default -> { }
      }
    }
  }
}
