// Counts the robustness cases (each fast-check run, each pathological input, each server scenario)
// so the suite can end with "robustness: N cases tried, N passed".
let tried = 0;
let passed = 0;

/** Wraps a check: counts it as tried, and as passed when it returns without throwing (or resolves). */
export function counted<A extends unknown[], R>(check: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    tried++;
    const r = check(...args);
    if (r instanceof Promise) return r.then((v) => (passed++, v)) as R;
    if (r !== false) passed++;
    return r;
  };
}

export function summary(): string {
  return `robustness: ${tried} cases tried, ${passed} passed`;
}
