// Which model cleans which page in `npm run eval`. By default each page is cleaned by the fold
// model that was trained without its site (written by `npm run train` to src/model/cv/), so the
// figures are cross-validated by site; `--model bundled` uses the shipped model on every page
// (optimistic on this corpus: it was trained on it), `--model FILE` a model file of your own.
import fs from "node:fs";
import path from "node:path";
import { loadHtmlModel, type HtmlModel, type HtmlModelFile } from "../core/html-model.ts";
import type { Model, ModelFile } from "../core/model.ts";
import { loadModelFile } from "../core/schema.ts";
import type { HtmlEngine } from "../core/options.ts";
import { defaultFastHtmlModel, defaultHtmlModel, defaultModel } from "../model/index.ts";
import { FOLDS, foldOf } from "../train/train.ts";
import { REPO_ROOT } from "./corpus.ts";

export const CV_DIR = path.join(REPO_ROOT, "src", "model", "cv");

export interface ModelChoice {
  describe: string;
  forSite(site: string): Model;
}

export function chooseModels(spec: string): ModelChoice {
  if (spec === "bundled") {
    const m = defaultModel();
    return { describe: `bundled model ${m.version} on every page (trained on this corpus: optimistic)`, forSite: () => m };
  }
  if (spec === "cv") {
    const folds: Model[] = [];
    for (let k = 0; k < FOLDS; k++) {
      const file = path.join(CV_DIR, `fold-${k}.json`);
      if (!fs.existsSync(file)) throw new Error(`missing ${file}: run \`npm run train\` to write the fold models`);
      folds.push(loadModelFile(JSON.parse(fs.readFileSync(file, "utf8")) as ModelFile));
    }
    return {
      describe: `cross-validated by site: ${FOLDS} fold models (${folds[0].version.replace(/-fold.*/, "")}), each page cleaned by the one that never saw its site`,
      forSite: (site) => folds[foldOf(site)],
    };
  }
  const m = loadModelFile(JSON.parse(fs.readFileSync(spec, "utf8")) as ModelFile);
  return { describe: `model file ${spec} (${m.version}) on every page`, forSite: () => m };
}

export interface HtmlModelChoice {
  describe: string;
  forSite(site: string): { model: Model; htmlModel: HtmlModel };
}

/** The same choice for HTML mode: text model + HTML model, per fold for cross-validation. */
export function chooseHtmlModels(spec: string, engine: HtmlEngine = "readability"): HtmlModelChoice {
  const prefix = engine === "fast" ? "html-fast" : "html";
  if (spec === "cv") {
    const text = chooseModels("cv");
    const folds: HtmlModel[] = [];
    for (let k = 0; k < FOLDS; k++) {
      const file = path.join(CV_DIR, `${prefix}-fold-${k}.json`);
      if (!fs.existsSync(file)) throw new Error(`missing ${file}: run \`npm run train:html${engine === "fast" ? " -- --engine fast" : ""}\` to write the HTML fold models`);
      folds.push(loadHtmlModel(JSON.parse(fs.readFileSync(file, "utf8")) as HtmlModelFile));
    }
    return {
      describe: `cross-validated by site: ${FOLDS} HTML fold models (${folds[0].version.replace(/-fold.*/, "")}) on the text fold models`,
      forSite: (site) => ({ model: text.forSite(site), htmlModel: folds[foldOf(site)] }),
    };
  }
  const model = spec === "bundled" ? defaultModel() : chooseModels(spec).forSite("");
  const htmlModel = engine === "fast" ? defaultFastHtmlModel() : defaultHtmlModel();
  return { describe: `bundled HTML model ${htmlModel.version} on every page`, forSite: () => ({ model, htmlModel }) };
}
