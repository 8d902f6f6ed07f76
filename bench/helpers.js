// Small helpers every bench page uses (browser ES module; the runner sets window.__ARC_EMULATOR__ first).

/** The emulator this bench run talks to. */
export const API = window.__ARC_EMULATOR__;

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const roundTo = (value, digits) => Math.round(value * 10 ** digits) / 10 ** digits;
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The emulator's control API (`/__emulator/<route>`): GET without a body, POST with one. */
export async function control(route, body) {
  const res = await fetch(`${API}/__emulator/${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator ${route}: HTTP ${res.status}`);
  return res.json();
}
