package dev.mlsys.data.io;

import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import dev.mlsys.data.Table;
import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;

/**
 * The Arrow IPC {@link TableWriter}. Each written table is copied into the writer's root,
 * written as one record batch and released again, so a table may be closed right after it is
 * written. Rows written one at a time are gathered into a table of up to {@value #BATCH_ROWS}
 * rows. The writer's memory (the dictionaries, the row batch) lives in a private allocator that
 * {@link #close()} releases. Not thread-safe.
 */
final class ArrowTableWriter implements TableWriter {
  static final int BATCH_ROWS = 65_536;

  private final String name;
  private final Schema schema;
  private final BufferAllocator allocator;
  private final Table layout;
  private final VectorSchemaRoot root;
  private final ArrowWriter writer;
  private Table.Builder pending;
  private long rows;
  private boolean closed;

  ArrowTableWriter(WritableByteChannel channel, String name, Schema schema, boolean file) {
    this.name = name;
    this.schema = schema;
    this.allocator = new RootAllocator();
    Table empty = null;
    VectorSchemaRoot r = null;
    try {
      // an empty table of the schema carries the Arrow schema and the dictionaries
      empty = Table.builder(schema, allocator).build();
      r = VectorSchemaRoot.create(empty.arrowView().getSchema(), allocator);
      this.writer = file ? new ArrowFileWriter(r, empty.dictionaries(), channel)
          : new ArrowStreamWriter(r, empty.dictionaries(), channel);
      writer.start();
    } catch (IOException | RuntimeException e) {
      if (r != null) {
        r.close();
      }
      if (empty != null) {
        empty.close();
      }
      allocator.close();
      try {
        channel.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof IOException io) {
        throw Writers.cannotWrite(name, io);
      }
      throw (RuntimeException) e;
    }
    this.layout = empty;
    this.root = r;
  }

  @Override
  public void write(Table table) {
    Writers.checkFields(schema, table);
    checkOpen();
    flushPending();
    writeBatch(table);
  }

  @Override
  public void write(Row row) {
    Writers.checkFields(schema, row);
    checkOpen();
    if (pending == null) {
      pending = Table.builder(schema, allocator);
    }
    pending.add(row);
    if (pending.rowCount() == BATCH_ROWS) {
      flushPending();
    }
  }

  @Override
  public long rowsWritten() {
    return rows + (pending == null ? 0 : pending.rowCount());
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      flushPending();
      writer.end();
    } catch (IOException e) {
      throw Writers.cannotWrite(name, e);
    } finally {
      closed = true;
      try {
        if (pending != null) {
          pending.close();
        }
        writer.close();
        root.close();
        layout.close();
      } finally {
        allocator.close();
      }
    }
  }

  private void flushPending() {
    if (pending == null) {
      return;
    }
    Table.Builder b = pending;
    pending = null;
    try (Table t = b.build()) {
      writeBatch(t);
    }
  }

  private void writeBatch(Table table) {
    VectorSchemaRoot view = table.arrowView();
    int n = table.rowCount();
    try {
      // a copy, not shared buffers: Arrow shares buffers only between allocators of one root
      for (int c = 0; c < root.getFieldVectors().size(); c++) {
        FieldVector to = root.getVector(c);
        FieldVector from = view.getVector(c);
        to.setInitialCapacity(Math.max(n, 1));
        to.allocateNew();
        for (int i = 0; i < n; i++) {
          to.copyFromSafe(i, i, from);
        }
        to.setValueCount(n);
      }
      root.setRowCount(n);
      writer.writeBatch();
      rows += n;
    } catch (IOException e) {
      throw Writers.cannotWrite(name, e);
    } finally {
      root.clear();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the writer was closed");
    }
  }
}
