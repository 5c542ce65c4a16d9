package dev.mlsys.models.artifact;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.mlsys.api.CorruptArtifactException;
import dev.mlsys.api.json.Json;
import dev.mlsys.api.json.JsonObject;
import dev.mlsys.models.BaselineModel;
import dev.mlsys.models.BaselineStrategy;
import dev.mlsys.models.Combiner;
import dev.mlsys.models.EnsembleModel;
import dev.mlsys.models.OutOfBagEstimate;
import dev.mlsys.models.StackingModel;
import dev.mlsys.models.Task;
import dev.mlsys.models.TrainedModel;
import dev.mlsys.models.TribuoModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.protos.core.ModelProto;

/**
 * The model file of an artifact ({@code "format": "mlsys.model", "formatVersion": 1}): the tree
 * of {@link TrainedModel} kinds as JSON, with every Tribuo model in its own file in Tribuo's
 * protobuf format ({@code tribuo/<n>.pb}). Nothing is read with Java deserialization; a Tribuo
 * file may only name a class under {@code org.tribuo.}.
 */
final class ModelJson {
  static final String FORMAT = "mlsys.model";
  static final int VERSION = 1;
  static final String TRIBUO_DIR = "tribuo/";

  private ModelJson() {}

  /** Writes the model tree; Tribuo models are added to {@code files}. */
  static String write(TrainedModel model, Map<String, byte[]> files) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("formatVersion", VERSION);
    root.put("model", node(model, files));
    return Json.pretty(root);
  }

  private static Map<String, Object> node(TrainedModel model, Map<String, byte[]> files) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task", model.task().name());
    m.put("featureNames", model.featureNames());
    m.put("classes", model.classes());
    if (model instanceof TribuoModel t) {
        String file = TRIBUO_DIR + files.size() + ".pb";
        files.put(file, t.tribuoModel().serialize().toByteArray());
        m.put("kind", "tribuo");
        m.put("name", t.name());
        m.put("file", file);
    } else if (model instanceof BaselineModel b) {
        m.put("kind", "baseline");
        m.put("strategy", b.strategy().name());
        m.put("distribution", b.distribution());
        m.put("value", Double.isNaN(b.value()) ? null : b.value());
        m.put("seed", b.seed());
    } else if (model instanceof EnsembleModel e) {
        m.put("kind", "ensemble");
        m.put("ensembleKind", e.kind());
        m.put("combiner", e.combiner().name());
        m.put("weights", e.weights());
        e.outOfBag().ifPresent(o -> m.put("outOfBag", Map.of("score", o.score(), "covered", o.covered(),
            "total", o.total())));
        List<Object> members = new ArrayList<>();
        for (TrainedModel member : e.members()) {
          members.add(node(member, files));
        }
        m.put("members", members);
    } else if (model instanceof StackingModel s) {
        m.put("kind", "stacking");
        m.put("passthrough", s.passthrough());
        m.put("stackedMeans", s.stackedMeans());
        List<Object> bases = new ArrayList<>();
        for (TrainedModel b : s.bases()) {
          bases.add(node(b, files));
        }
        m.put("bases", bases);
        m.put("meta", node(s.meta(), files));
    }
    return m;
  }

  static TrainedModel read(String text, Map<String, byte[]> files, String where) {
    JsonObject root = JsonObject.parse(text, where);
    root.requireFormat(FORMAT, VERSION);
    return node(root.getObject("model"), files);
  }

  private static TrainedModel node(JsonObject m, Map<String, byte[]> files) {
    List<String> features = m.getStrings("featureNames");
    List<String> classes = m.getStrings("classes");
    try {
      return switch (m.getString("kind")) {
        case "tribuo" -> TribuoModel.of(tribuo(m.getString("file"), files), features, classes, m.getString("name"));
        case "baseline" -> {
          BaselineStrategy strategy = BaselineStrategy.valueOf(m.getString("strategy"));
          yield Task.valueOf(m.getString("task")) == Task.REGRESSION
              ? BaselineModel.regression(strategy, features, m.getDouble("value"))
              : BaselineModel.classification(strategy, features, classes, m.getDoubles("distribution"), m.getLong("seed"));
        }
        case "ensemble" -> {
          List<TrainedModel> members = new ArrayList<>();
          for (JsonObject o : m.getObjects("members")) {
            members.add(node(o, files));
          }
          OutOfBagEstimate oob = null;
          if (m.has("outOfBag")) {
            JsonObject o = m.getObject("outOfBag");
            oob = new OutOfBagEstimate(o.getDouble("score"), o.getInt("covered"), o.getInt("total"));
          }
          yield EnsembleModel.of(m.getString("ensembleKind"), members, m.getDoubles("weights"),
              Combiner.valueOf(m.getString("combiner")), oob);
        }
        case "stacking" -> {
          List<TrainedModel> bases = new ArrayList<>();
          for (JsonObject o : m.getObjects("bases")) {
            bases.add(node(o, files));
          }
          yield StackingModel.of(bases, node(m.getObject("meta"), files), m.getBoolean("passthrough"),
              m.getDoubles("stackedMeans"));
        }
        default -> throw new CorruptArtifactException("model kind '" + m.getString("kind")
            + "' is unknown; expected tribuo, baseline, ensemble or stacking");
      };
    } catch (IllegalArgumentException e) {
      throw new CorruptArtifactException("model.json: " + e.getMessage(), e);
    }
  }

  private static Model<?> tribuo(String file, Map<String, byte[]> files) {
    byte[] bytes = files.get(file);
    if (bytes == null) {
      throw new CorruptArtifactException("model.json names Tribuo model file '" + file + "' but the artifact has none");
    }
    ModelProto proto;
    try {
      proto = ModelProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new CorruptArtifactException(file + ": not a Tribuo model protobuf: " + e.getMessage(), e);
    }
    if (!proto.getClassName().startsWith("org.tribuo.")) {
      throw new CorruptArtifactException(file + ": refusing to load class '" + proto.getClassName()
          + "'; only Tribuo model classes (org.tribuo.*) are allowed");
    }
    try {
      return Model.deserialize(proto);
    } catch (RuntimeException e) {
      throw new CorruptArtifactException(file + ": Tribuo could not read the model: " + e.getMessage(), e);
    }
  }
}
