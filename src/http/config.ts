// Configuration from environment-style variables (process.env under Node, bindings in the
// Worker), merged with the defaults in this one place.
import { DEFAULT_MAX_BODY_BYTES } from "./app.ts";

export interface ServiceEnv {
  BOILERSTRIP_MAX_BODY_BYTES?: string;
}

export function maxBodyBytesFrom(env: ServiceEnv): number {
  const v = env.BOILERSTRIP_MAX_BODY_BYTES;
  if (v === undefined || v === "") return DEFAULT_MAX_BODY_BYTES;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`BOILERSTRIP_MAX_BODY_BYTES must be a positive integer, not ${v}`);
  return n;
}
