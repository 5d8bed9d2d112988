package io.aiosim.view;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Headless Chromium driven over the Chrome DevTools Protocol with the JDK's WebSocket and
 * Jackson: one page, navigated, evaluated and photographed. No dependency beyond the browser.
 */
final class Chromium implements AutoCloseable {
  /** A hang guard for one protocol call, generous for a loaded machine. */
  private static final long CALL_SECONDS = 120;

  private static final JsonMapper JSON = new JsonMapper();
  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final String session;

  /** The browser: {@code AIOSIM_CHROMIUM}, else the first of Debian's and Google's names on the PATH. */
  static Optional<Path> find() {
    String given = System.getenv("AIOSIM_CHROMIUM");
    if (given != null && !given.isBlank()) {
      return Optional.of(Path.of(given)).filter(Files::isExecutable);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      for (String name : new String[] {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}) {
        Path p = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  private Chromium(Process process, WebSocket socket, String session) {
    this.process = process;
    this.socket = socket;
    this.session = session;
  }

  static Chromium start(Path exe, Path profile, int width, int height) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                exe.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread drain =
        new Thread(
            () -> {
              try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                  int at = line.indexOf("ws://");
                  if (line.contains("DevTools listening on") && at >= 0) {
                    url.complete(line.substring(at).trim());
                  }
                }
              } catch (IOException e) {
                url.completeExceptionally(e);
              }
              url.completeExceptionally(new IOException("chromium exited before it listened"));
            });
    drain.setDaemon(true);
    drain.start();
    String ws;
    try {
      ws = url.get(CALL_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      p.destroyForcibly();
      throw new IOException("no DevTools URL from " + exe + ": " + e, e);
    }
    Listener listener = new Listener();
    WebSocket socket =
        HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(ws), listener).join();
    Chromium browser = new Chromium(p, socket, null);
    listener.owner = browser;
    String target = browser.call("Target.createTarget", obj("url", "about:blank"), null).get("targetId").asString();
    ObjectNode attach = obj("targetId", target);
    attach.put("flatten", true);
    String session = browser.call("Target.attachToTarget", attach, null).get("sessionId").asString();
    Chromium page = new Chromium(p, socket, session);
    listener.owner = page;
    page.call("Page.enable", obj(), session);
    page.call("Runtime.enable", obj(), session);
    page.call("Log.enable", obj(), session);
    ObjectNode metrics = obj();
    metrics.put("width", width).put("height", height).put("deviceScaleFactor", 1).put("mobile", false);
    page.call("Emulation.setDeviceMetricsOverride", metrics, session);
    return page;
  }

  static ObjectNode obj(String... keyValues) {
    ObjectNode o = JSON.createObjectNode();
    for (int i = 0; i < keyValues.length; i += 2) {
      o.put(keyValues[i], keyValues[i + 1]);
    }
    return o;
  }

  /** Opens {@code url} and waits for its load event. */
  void navigate(String url) {
    events.clear();
    call("Page.navigate", obj("url", url), session);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CALL_SECONDS);
    while (events.stream().noneMatch(e -> e.path("method").asString("").equals("Page.loadEventFired"))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no load event for " + url);
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The value of a JavaScript expression. */
  JsonNode evaluate(String expression) {
    ObjectNode p = obj("expression", expression);
    p.put("returnByValue", true);
    JsonNode r = call("Runtime.evaluate", p, session);
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException("evaluate failed: " + r.get("exceptionDetails"));
    }
    return r.get("result").path("value");
  }

  /** Console errors, uncaught exceptions and error log entries since the last navigation. */
  List<String> errors() {
    List<String> out = new ArrayList<>();
    for (JsonNode e : events) {
      String method = e.path("method").asString("");
      JsonNode p = e.path("params");
      switch (method) {
        case "Runtime.exceptionThrown" -> out.add("exception: " + p.path("exceptionDetails"));
        case "Runtime.consoleAPICalled" -> {
          String type = p.path("type").asString("");
          if (type.equals("error") || type.equals("assert")) {
            out.add("console." + type + ": " + p.path("args"));
          }
        }
        case "Log.entryAdded" -> {
          if (p.path("entry").path("level").asString("").equals("error")) {
            out.add("log: " + p.path("entry").path("text").asString(""));
          }
        }
        default -> {}
      }
    }
    return out;
  }

  /** The whole page as PNG bytes. */
  byte[] screenshot() {
    ObjectNode p = obj("format", "png");
    p.put("captureBeyondViewport", true);
    return Base64.getDecoder().decode(call("Page.captureScreenshot", p, session).get("data").asString());
  }

  private JsonNode call(String method, ObjectNode params, String sessionId) {
    int id = ids.incrementAndGet();
    ObjectNode msg = obj("method", method);
    msg.put("id", id);
    msg.set("params", params);
    if (sessionId != null) {
      msg.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    calls.put(id, reply);
    socket.sendText(msg.toString(), true).join();
    try {
      JsonNode r = reply.get(CALL_SECONDS, TimeUnit.SECONDS);
      if (r.has("error")) {
        throw new IllegalStateException(method + ": " + r.get("error"));
      }
      return r.path("result");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(method + " got no answer: " + e, e);
    } finally {
      calls.remove(id);
    }
  }

  private void receive(String text) {
    JsonNode msg = JSON.readTree(text);
    if (msg.has("id")) {
      CompletableFuture<JsonNode> f = calls.get(msg.get("id").asInt());
      if (f != null) {
        f.complete(msg);
      }
    } else {
      events.add(msg);
    }
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
    } catch (Exception e) { // closing anyway
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Gathers a message's fragments; the protocol's big answers (screenshots) come in many. */
  private static final class Listener implements WebSocket.Listener {
    volatile Chromium owner;
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String message = text.toString();
        text.setLength(0);
        owner.receive(message);
      }
      ws.request(1);
      return null;
    }
  }
}
