// The HTML pass's model: a block pass (logistic regression over HTML_FEATURES plus hashed class/id
// tokens) and a context pass (boosted trees over the text model's context features recomputed on
// the block pass, beside the block's own HTML features), stacked on the text model (whose version it records: a retrained text model needs a retrained
// HTML model, and loading refuses a mismatch), with its own thresholds and confidence calibration.
import { CONFIDENCE_FEATURES } from "./confidence.ts";
import { HTML_CONTEXT_FEATURES, HTML_FEATURES } from "./html-features.ts";
import { decodeBase64, ModelError, type DenseWeights, type HashedWeights } from "./model.ts";
import { loadRegionScorer, type RegionScorer } from "./region-model.ts";
import { compileForest, type CompiledForest, type Forest } from "./trees.ts";

export interface HtmlModelFile {
  format: 2;
  kind: "html";
  version: string;
  /** Version of the text model whose probabilities this model was trained on. */
  textModel: string;
  created: string;
  trainingDataHash: string;
  hashBits: number;
  block: DenseWeights & { hashed: { scale: number; int8: string } };
  /** Second pass: the text model's context features recomputed over the block pass's output, and the block's HTML features. */
  context: Forest;
  confidence: DenseWeights;
  thresholds: { balanced: number; precision: number; recall: number };
  /** The fast engine's region scorer (src/core/region-model.ts); absent in the Readability engine's model. */
  region?: HashedWeights;
  metrics?: Record<string, unknown>;
}

export interface HtmlModel {
  file: HtmlModelFile;
  version: string;
  hashBits: number;
  dense: Float32Array;
  hashed: Float32Array;
  context: CompiledForest;
  confidence: Float32Array;
  region?: RegionScorer;
}

function sameNames(part: string, got: string[], want: readonly string[]) {
  if (got.length !== want.length || got.some((n, i) => n !== want[i])) {
    throw new ModelError(`HTML model ${part} features do not match this code's; retrain with npm run train:html`);
  }
}

export function loadHtmlModel(file: HtmlModelFile, textModelVersion?: string): HtmlModel {
  if (!file || file.format !== 2 || file.kind !== "html") throw new ModelError("unsupported HTML model file; retrain with npm run train:html");
  if (textModelVersion !== undefined && file.textModel !== textModelVersion) {
    throw new ModelError(`HTML model ${file.version} was trained on text model ${file.textModel}, not ${textModelVersion}; retrain with npm run train:html`);
  }
  sameNames("block", file.block.features, HTML_FEATURES);
  sameNames("context", file.context.features, HTML_CONTEXT_FEATURES);
  sameNames("confidence", file.confidence.features, CONFIDENCE_FEATURES);
  const bytes = decodeBase64(file.block.hashed.int8);
  if (bytes.length !== 1 << file.hashBits) throw new ModelError("HTML model hashed table has the wrong size");
  const int8 = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  return {
    file,
    version: file.version,
    hashBits: file.hashBits,
    dense: Float32Array.from(file.block.weights),
    hashed: Float32Array.from(int8, (x) => x * file.block.hashed.scale),
    context: compileForest(file.context),
    confidence: Float32Array.from(file.confidence.weights),
    region: file.region && loadRegionScorer(file.region, file.hashBits),
  };
}
