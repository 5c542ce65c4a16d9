package dev.mlsys.eval.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mlsys.api.CorruptArtifactException;
import org.junit.jupiter.api.Test;

class CalibratorJsonTest {

  @Test
  void unknownVersionsAndFormatsAreRejectedWithExpectedVersusActual() {
    CorruptArtifactException version = assertThrows(CorruptArtifactException.class, () -> Calibrators.fromJson(
        "{\"format\":\"mlsys.calibrator\",\"formatVersion\":2,\"method\":\"platt\",\"a\":-1.0,\"b\":0.0}"));
    assertEquals("calibrator: format 'mlsys.calibrator' version 2 is not readable by this build, which reads versions 1 to 1",
        version.getMessage());
    CorruptArtifactException format = assertThrows(CorruptArtifactException.class,
        () -> Calibrators.fromJson("{\"format\":\"mlsys.schema\",\"formatVersion\":1}"));
    assertEquals("calibrator: expected format 'mlsys.calibrator' but found 'mlsys.schema'", format.getMessage());
    CorruptArtifactException method = assertThrows(CorruptArtifactException.class, () -> Calibrators.fromJson(
        "{\"format\":\"mlsys.calibrator\",\"formatVersion\":1,\"method\":\"temperature\",\"temperature\":1.5}"));
    assertEquals("calibrator: unknown binary method 'temperature'; expected one of platt, isotonic, histogram, beta",
        method.getMessage());
    CorruptArtifactException missing = assertThrows(CorruptArtifactException.class, () -> Calibrators.fromJson(
        "{\"format\":\"mlsys.calibrator\",\"formatVersion\":1,\"method\":\"platt\",\"a\":-1.0}"));
    assertEquals("calibrator: member 'b' is missing; expected a number", missing.getMessage());
    CorruptArtifactException notJson = assertThrows(CorruptArtifactException.class, () -> Calibrators.fromJson("{"));
    assertEquals(CorruptArtifactException.class, notJson.getClass());
  }

  @Test
  void invalidParametersBecomeCorruptArtifacts() {
    CorruptArtifactException e = assertThrows(CorruptArtifactException.class, () -> Calibrators.multiclassFromJson(
        "{\"format\":\"mlsys.calibrator\",\"formatVersion\":1,\"method\":\"temperature\",\"temperature\":-1.0,"
            + "\"classes\":3}"));
    assertEquals("calibrator (temperature): temperature must be finite and > 0 but was: -1.0", e.getMessage());
  }
}
