// Memoisation by argument identity, so a derived value (chart series, table rows) keeps
// its identity while its inputs do, and components that receive it skip re-rendering.

/** Wraps `fn` so that it recomputes only when one of its arguments changes (by ===). */
export function memoByIdentity<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: A | undefined;
  let value: R;
  return (...args: A) => {
    if (!last || last.length !== args.length || args.some((a, i) => a !== (last as A)[i])) {
      value = fn(...args);
      last = args;
    }
    return value;
  };
}
