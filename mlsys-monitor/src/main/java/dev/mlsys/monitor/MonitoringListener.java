package dev.mlsys.monitor;

import dev.mlsys.api.Prediction;
import dev.mlsys.api.PredictionEvent;
import dev.mlsys.api.PredictionListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Watches a prediction feed in windows and checks each window with a {@link DriftMonitor}:
 * register it as a {@link PredictionListener} of a prediction service.
 *
 * <pre>{@code
 * MonitoringListener watch = MonitoringListener.builder(monitor)
 *     .windowSize(1_000)                                   // or .timeWindow(Duration.ofMinutes(10))
 *     .executor(Executors.newSingleThreadExecutor())       // keep checks off the request threads
 *     .onAlert(report -> pager.send(report.toJson()))
 *     .build();
 * }</pre>
 *
 * <p>Windows are tumbling: a count window closes when it holds {@code windowSize} events; a time
 * window covers [k d, (k + 1) d) in event time ({@link PredictionEvent#epochMillis()}) and closes
 * when the first event of a later window arrives (an event older than the open window is counted
 * in the open window). {@link #flush()} closes the open window at once. Each closed window is
 * checked with the row values and the predictions of its events (failed requests have no
 * prediction); every report goes to the report consumer, and reports that drifted or hold a
 * data-quality error also go to the alert listener.
 *
 * <p>Thread-safety: thread-safe; {@link #onPrediction} is called concurrently from request
 * threads, holds a lock only to append, and never throws. Checks run on the executor (by default
 * on the thread that closes the window); failures of a check or of a listener are counted in
 * {@link #failures()}.
 */
public final class MonitoringListener implements PredictionListener {
  private final DriftMonitor monitor;
  private final int windowSize;
  private final long windowMillis;
  private final Executor executor;
  private final Consumer<DriftReport> onReport;
  private final DriftAlertListener onAlert;
  private final Object lock = new Object();
  private List<Map<String, ?>> records = new ArrayList<>();
  private List<Prediction> predictions = new ArrayList<>();
  private long windowIndex = Long.MIN_VALUE;
  private final AtomicLong windows = new AtomicLong();
  private final AtomicLong alerts = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  private MonitoringListener(Builder b) {
    this.monitor = b.monitor;
    this.windowSize = b.windowSize;
    this.windowMillis = b.windowMillis;
    this.executor = b.executor;
    this.onReport = b.onReport;
    this.onAlert = b.onAlert;
  }

  /**
   * @param monitor the monitor that checks each window
   * @return a one-shot builder; choose a count or a time window
   */
  public static Builder builder(DriftMonitor monitor) {
    return new Builder(monitor);
  }

  @Override
  public void onPrediction(PredictionEvent event) {
    try {
      List<Map<String, ?>> closedRecords = null;
      List<Prediction> closedPredictions = null;
      synchronized (lock) {
        if (windowMillis > 0) {
          long index = Math.floorDiv(event.epochMillis(), windowMillis);
          if (windowIndex == Long.MIN_VALUE) {
            windowIndex = index;
          } else if (index > windowIndex) {
            if (!records.isEmpty()) {
              closedRecords = records;
              closedPredictions = predictions;
              records = new ArrayList<>();
              predictions = new ArrayList<>();
            }
            windowIndex = index;
          }
        }
        records.add(event.row().toMap());
        predictions.add(event.prediction());
        if (windowMillis == 0 && records.size() >= windowSize) {
          closedRecords = records;
          closedPredictions = predictions;
          records = new ArrayList<>(windowSize);
          predictions = new ArrayList<>(windowSize);
        }
      }
      if (closedRecords != null) {
        submit(closedRecords, closedPredictions);
      }
    } catch (RuntimeException e) {
      failures.incrementAndGet();
    }
  }

  /** Closes the open window now and checks it, if it holds any event. */
  public void flush() {
    List<Map<String, ?>> closedRecords;
    List<Prediction> closedPredictions;
    synchronized (lock) {
      if (records.isEmpty()) {
        return;
      }
      closedRecords = records;
      closedPredictions = predictions;
      records = new ArrayList<>();
      predictions = new ArrayList<>();
    }
    submit(closedRecords, closedPredictions);
  }

  private void submit(List<Map<String, ?>> recs, List<Prediction> preds) {
    try {
      executor.execute(() -> check(recs, preds));
    } catch (RuntimeException e) {
      failures.incrementAndGet();
    }
  }

  private void check(List<Map<String, ?>> recs, List<Prediction> preds) {
    DriftReport report;
    try {
      report = monitor.check(recs, preds);
      windows.incrementAndGet();
    } catch (RuntimeException e) {
      failures.incrementAndGet();
      return;
    }
    try {
      onReport.accept(report);
    } catch (RuntimeException e) {
      failures.incrementAndGet();
    }
    if (report.drift() || report.hasErrors()) {
      alerts.incrementAndGet();
      try {
        onAlert.onAlert(report);
      } catch (RuntimeException e) {
        failures.incrementAndGet();
      }
    }
  }

  /** @return windows checked so far */
  public long windowsChecked() {
    return windows.get();
  }

  /** @return alerts raised so far */
  public long alerts() {
    return alerts.get();
  }

  /** @return checks or listener calls that failed, and events that could not be recorded */
  public long failures() {
    return failures.get();
  }

  /** @return events in the open window */
  public int pending() {
    synchronized (lock) {
      return records.size();
    }
  }

  /**
   * Sets up a {@link MonitoringListener}; each option may be set once.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {
    private final DriftMonitor monitor;
    private int windowSize;
    private long windowMillis;
    private Executor executor = Runnable::run;
    private Consumer<DriftReport> onReport = r -> { };
    private DriftAlertListener onAlert = r -> { };
    private boolean executorSet;
    private boolean reportSet;
    private boolean alertSet;

    private Builder(DriftMonitor monitor) {
      this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    /**
     * @param events events per window, >= 1
     * @return this builder
     * @throws IllegalStateException if a window was already chosen
     */
    public Builder windowSize(int events) {
      requireNoWindow();
      if (events < 1) {
        throw new IllegalArgumentException("windowSize must be >= 1 but was: " + events);
      }
      this.windowSize = events;
      return this;
    }

    /**
     * @param length window length in event time, at least one millisecond
     * @return this builder
     * @throws IllegalStateException if a window was already chosen
     */
    public Builder timeWindow(Duration length) {
      requireNoWindow();
      Objects.requireNonNull(length, "length");
      if (length.toMillis() < 1) {
        throw new IllegalArgumentException("timeWindow must be at least 1 ms but was: " + length);
      }
      this.windowMillis = length.toMillis();
      return this;
    }

    private void requireNoWindow() {
      if (windowSize > 0 || windowMillis > 0) {
        throw new IllegalStateException("the window was already set to "
            + (windowSize > 0 ? windowSize + " events" : windowMillis + " ms"));
      }
    }

    /**
     * @param value where window checks run; default: the thread that closes the window
     * @return this builder
     */
    public Builder executor(Executor value) {
      if (executorSet) {
        throw new IllegalStateException("executor was already set to " + executor);
      }
      executorSet = true;
      this.executor = Objects.requireNonNull(value, "executor");
      return this;
    }

    /**
     * @param consumer receives every window's report
     * @return this builder
     */
    public Builder onReport(Consumer<DriftReport> consumer) {
      if (reportSet) {
        throw new IllegalStateException("onReport was already set to " + onReport);
      }
      reportSet = true;
      this.onReport = Objects.requireNonNull(consumer, "consumer");
      return this;
    }

    /**
     * @param listener receives the reports that drifted or hold a data-quality error
     * @return this builder
     */
    public Builder onAlert(DriftAlertListener listener) {
      if (alertSet) {
        throw new IllegalStateException("onAlert was already set to " + onAlert);
      }
      alertSet = true;
      this.onAlert = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * @return the listener
     * @throws IllegalStateException if no window was chosen
     */
    public MonitoringListener build() {
      if (windowSize == 0 && windowMillis == 0) {
        throw new IllegalStateException("choose a window: windowSize(events) or timeWindow(duration)");
      }
      return new MonitoringListener(this);
    }
  }
}
