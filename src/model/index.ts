// The bundled model: the JSON written by `npm run train`, parsed and checked once, on first use,
// by the Node server, the CLI and the Worker alike.
import type { Model, ModelFile } from "../core/model.ts";
import { loadModelFile } from "../core/schema.ts";
import file from "./model.json" with { type: "json" };

let cached: Model | undefined;

export function defaultModel(): Model {
  return (cached ??= loadModelFile(file as unknown as ModelFile));
}
