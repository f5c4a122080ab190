// The feature names a model file must carry, in order: checked when a model is loaded so a
// model trained against other features is refused instead of silently mis-scoring.
import { CONFIDENCE_FEATURES } from "./confidence.ts";
import { TEXT_CONTEXT_FEATURES } from "./context.ts";
import { DENSE_FEATURES } from "./features.ts";
import { loadModel, type Model, type ModelFile } from "./model.ts";
import { TITLE_FEATURES } from "./title.ts";

export const FEATURE_SCHEMA = {
  dense: DENSE_FEATURES,
  context: TEXT_CONTEXT_FEATURES,
  title: TITLE_FEATURES,
  confidence: CONFIDENCE_FEATURES,
} as const;

export function loadModelFile(file: ModelFile): Model {
  return loadModel(file, FEATURE_SCHEMA);
}
