package dev.mlsys.data.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mlsys.api.CorruptArtifactException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ByteFormatTest {
  @Test
  void unknownVersionsAndOtherFormatsAreRejectedWithExpectedAndActual() {
    ReservoirSampler<Long> r = Samplers.<Long>reservoir(3).build();
    r.add(1L);
    byte[] bytes = r.toBytes(ItemSerializer.longs());
    // the version follows the format name (2-byte length + "mlsys.sampling.reservoir")
    int at = 2 + "mlsys.sampling.reservoir".length();
    ByteBuffer.wrap(bytes).putInt(at, 2);
    assertEquals("mlsys.sampling.reservoir: expected format version 1 but found 2",
        assertThrows(CorruptArtifactException.class, () -> ReservoirSampler.fromBytes(bytes, ItemSerializer.longs()))
            .getMessage());
    byte[] weighted = Samplers.<Long>weightedReservoir(3).build().toBytes(ItemSerializer.longs());
    assertEquals("sampler bytes: expected format 'mlsys.sampling.reservoir' but found 'mlsys.sampling.weighted-reservoir'",
        assertThrows(CorruptArtifactException.class, () -> ReservoirSampler.fromBytes(weighted, ItemSerializer.longs()))
            .getMessage());
  }
}
