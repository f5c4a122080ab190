// A progress line on stderr, drawn only when stderr is a terminal (never in logs or pipes).
export interface ProgressState {
  done: number;
  failed: number;
  bytesRead: number;
  /** Input size when known (a file), for a percentage. */
  totalBytes?: number;
}

// 100 ms: ten redraws a second looks live without costing the batch measurable time.
const REDRAW_MS = 100;
const BAR_WIDTH = 30;

export function renderProgress(s: ProgressState, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (s.done * 1000) / elapsedMs : 0;
  const counts = `${s.done} pages, ${s.failed} failed, ${rate.toFixed(0)} pages/s`;
  if (!s.totalBytes) return counts;
  const frac = Math.min(1, s.bytesRead / s.totalBytes);
  const filled = Math.round(frac * BAR_WIDTH);
  return `[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}] ${(frac * 100).toFixed(0).padStart(3)}% ${counts}`;
}

export function startProgress(stream: NodeJS.WriteStream, state: ProgressState): { stop(): void } {
  if (!stream.isTTY) return { stop() {} };
  const t0 = Date.now();
  const draw = () => stream.write(`\r${renderProgress(state, Date.now() - t0)}\x1b[K`);
  const timer = setInterval(draw, REDRAW_MS);
  return {
    stop() {
      clearInterval(timer);
      draw();
      stream.write("\n");
    },
  };
}
