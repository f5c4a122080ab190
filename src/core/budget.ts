// A per-request time budget: a deadline the pipeline checks between its stages, so runaway work
// ends with a typed error instead of holding a worker. Runtime-free: it only needs a clock.
//
// In workerd the clock does not advance while a request computes (timers are coarsened against
// side channels), so there the platform's own CPU limit is the budget; under Node it is this one.

/** Thrown by `Budget.check` once the deadline has passed; the HTTP layer maps it to a 422. */
export class BudgetExceededError extends Error {
  constructor(
    readonly budgetMs: number,
    readonly stage: string,
  ) {
    super(`the input took longer than the time budget of ${budgetMs} ms (stopped after ${stage})`);
  }
}

export interface Budget {
  /** Throws BudgetExceededError when the deadline has passed; `stage` is the stage just done. */
  check(stage: string): void;
}

/** No deadline: what `clean` uses when the caller gives none (training, eval, the CLI). */
export const NO_BUDGET: Budget = Object.freeze({ check() {} });

/** A deadline `ms` milliseconds from now; `ms` of 0 or Infinity means none. */
export function deadline(ms: number, now: () => number = () => performance.now()): Budget {
  if (!(ms > 0) || ms === Infinity) return NO_BUDGET;
  const end = now() + ms;
  return {
    check(stage: string) {
      if (now() > end) throw new BudgetExceededError(ms, stage);
    },
  };
}
