// @ts-check
// The control API under /__emulator/ (what test/helpers/emulator.ts calls): request statistics,
// injected faults, global latency, socket drop and refusal, the live feed, and pushed activities.
import { HttpError, readJsonBody, sendJson } from './http.mjs';

/**
 * @typedef {object} FaultSpec
 * @property {string} match          path prefix, or `re:<regex>` tested on path + query
 * @property {number} [status]
 * @property {unknown} [body]
 * @property {Record<string, string>} [headers]
 * @property {boolean} [malformed]
 * @property {boolean} [hang]
 * @property {number} [latency]      ms
 * @property {number} [times]        then the fault removes itself
 *
 * @typedef {FaultSpec & {id: number, test: (path: string, pathAndQuery: string) => boolean}} ActiveFault
 */

/** Mutable state of one emulator, visible to in-process tests as `emulator.state`. */
export function createControlState() {
  return {
    /** @type {ActiveFault[]} */
    faults: [],
    nextFaultId: 1,
    latencyMs: 0,
    refuseSockets: false,
    stats: {
      /** @type {Record<string, number>} */
      requests: {},
      /** @type {Record<string, number>} */
      paths: {},
      total: 0,
      opened: 0,
      refused: 0,
    },
  };
}

/** @typedef {ReturnType<typeof createControlState>} ControlState */

/**
 * Count one request (API, forecast, HiPS or WebSocket upgrade; never control routes or preflights).
 * @param {ControlState} state @param {string} pathAndQuery as received @param {string} path
 */
export function countRequest(state, pathAndQuery, path) {
  state.stats.requests[pathAndQuery] = (state.stats.requests[pathAndQuery] ?? 0) + 1;
  state.stats.paths[path] = (state.stats.paths[path] ?? 0) + 1;
  state.stats.total += 1;
}

/**
 * The first active fault matching this request, consuming one of its `times`.
 * @param {ControlState} state @param {string} path @param {string} pathAndQuery
 * @returns {ActiveFault | null}
 */
export function takeFault(state, path, pathAndQuery) {
  const index = state.faults.findIndex((f) => f.test(path, pathAndQuery));
  if (index < 0) return null;
  const fault = state.faults[index];
  if (fault.times !== undefined) {
    fault.times -= 1;
    if (fault.times <= 0) state.faults.splice(index, 1);
  }
  return fault;
}

/** A truncated DRF page: starts like JSON, never ends. */
export const MALFORMED_BODY = '{"count": 3, "next": null, "previous": null, "results": [{"id": 1, "title": "Trunc';

/** DRF's wording for the statuses tests inject most. @param {number} status @param {Record<string, string>} headers */
export function defaultDetail(status, headers) {
  const retryAfter = Object.entries(headers).find(([k]) => k.toLowerCase() === 'retry-after')?.[1];
  switch (status) {
    case 400: return 'Bad request.';
    case 401:
    case 403: return 'Authentication credentials were not provided.';
    case 404: return 'Not found.';
    case 429: return `Request was throttled. Expected available in ${retryAfter ?? '60'} seconds.`;
    case 502: return 'Bad gateway.';
    case 503: return 'Service temporarily unavailable, try again later.';
    case 504: return 'Gateway timeout.';
    default: return status >= 500 ? 'A server error occurred.' : `Error ${status}.`;
  }
}

/**
 * @typedef {object} ControlHooks what the control API drives in the server
 * @property {() => number} dropSockets         terminate every open socket; returns how many
 * @property {() => number} openSockets
 * @property {(text: string) => number} broadcast send a text frame to every open socket; returns how many
 * @property {(running: boolean, rate?: number) => {running: boolean, rate: number}} setFeed
 * @property {(fields: Record<string, unknown>) => Record<string, unknown>} push  build and store an activity
 */

/**
 * Answer a request under /__emulator/.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} route the path after /__emulator/, without a trailing slash
 * @param {ControlState} state
 * @param {ControlHooks} hooks
 */
export async function handleControl(req, res, route, state, hooks) {
  const method = req.method ?? 'GET';
  /** @param {unknown} body */
  const ok = (body) => sendJson(req, res, 200, body);
  const key = `${method} ${route}`;
  switch (key) {
    case 'GET stats':
      return ok({
        requests: state.stats.requests,
        paths: state.stats.paths,
        total: state.stats.total,
        sockets: { open: hooks.openSockets(), opened: state.stats.opened, refused: state.stats.refused },
      });
    case 'POST reset':
      state.faults = [];
      state.latencyMs = 0;
      state.refuseSockets = false;
      state.stats = { requests: {}, paths: {}, total: 0, opened: 0, refused: 0 };
      hooks.setFeed(false, 0);
      return ok({ reset: true });
    case 'POST faults': {
      const fault = parseFault(await readJsonBody(req), state.nextFaultId++);
      state.faults.push(fault);
      const { test: _test, ...shown } = fault;
      return ok(shown);
    }
    case 'DELETE faults': {
      const cleared = state.faults.length;
      state.faults = [];
      return ok({ cleared });
    }
    case 'GET faults':
      return ok(state.faults.map(({ test: _test, ...shown }) => shown));
    case 'POST latency': {
      const body = await readJsonBody(req);
      if (typeof body.ms !== 'number' || !Number.isFinite(body.ms) || body.ms < 0) {
        throw new HttpError(400, 'Body must be {"ms": <number of milliseconds, >= 0>}.');
      }
      state.latencyMs = body.ms;
      return ok({ ms: state.latencyMs });
    }
    case 'POST sockets/drop':
      return ok({ dropped: hooks.dropSockets() });
    case 'POST sockets/refuse': {
      const body = await readJsonBody(req);
      if (typeof body.refuse !== 'boolean') throw new HttpError(400, 'Body must be {"refuse": true|false}.');
      state.refuseSockets = body.refuse;
      return ok({ refuse: state.refuseSockets });
    }
    case 'POST feed': {
      const body = await readJsonBody(req);
      if (typeof body.running !== 'boolean') throw new HttpError(400, 'Body must be {"running": true|false, "rate"?: <per second>}.');
      if (body.rate !== undefined && (typeof body.rate !== 'number' || !Number.isFinite(body.rate) || body.rate < 0 || body.rate > 100)) {
        throw new HttpError(400, '"rate" must be a number of activities per second between 0 and 100.');
      }
      return ok(hooks.setFeed(body.running, body.rate));
    }
    case 'POST push': {
      const body = await readJsonBody(req);
      const fields = body.activity ?? {};
      if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
        throw new HttpError(400, '"activity" must be an object of Activity fields.');
      }
      const envelope = body.envelope ?? 'wrapped';
      if (envelope !== 'wrapped' && envelope !== 'bare') throw new HttpError(400, '"envelope" must be "wrapped" or "bare".');
      const activity = hooks.push(fields);
      hooks.broadcast(JSON.stringify(envelope === 'bare' ? activity : wrap(activity)));
      return ok({ activity });
    }
    case 'POST push-raw': {
      const body = await readJsonBody(req);
      if (typeof body.text !== 'string') throw new HttpError(400, 'Body must be {"text": <string>}.');
      return ok({ sent: hooks.broadcast(body.text) });
    }
    default:
      throw new HttpError(404, `No control route "${method} /__emulator/${route}".`);
  }
}

/** The djangochannelsrestframework envelope of a created record. @param {unknown} activity */
export function wrap(activity) {
  return { action: 'create', data: activity, errors: [], response_status: 201 };
}

/**
 * Validate a fault specification.
 * @param {any} spec @param {number} id
 * @returns {ActiveFault}
 */
function parseFault(spec, id) {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) throw new HttpError(400, 'A fault must be a JSON object.');
  const { match, status, headers, times, latency } = spec;
  if (typeof match !== 'string' || match === '' || match === 're:') {
    throw new HttpError(400, '"match" must be a path prefix such as "/activities/" or "re:<regular expression>".');
  }
  /** @type {ActiveFault['test']} */
  let test;
  if (match.startsWith('re:')) {
    let pattern;
    try {
      pattern = new RegExp(match.slice(3));
    } catch (error) {
      throw new HttpError(400, `Invalid regular expression in "match": ${/** @type {Error} */ (error).message}`);
    }
    test = (_path, pathAndQuery) => pattern.test(pathAndQuery);
  } else if (match.startsWith('/')) {
    test = (path) => path.startsWith(match);
  } else {
    throw new HttpError(400, `"match" must start with "/" (a path prefix) or "re:" (a regular expression), got "${match}".`);
  }
  if (status !== undefined && !(Number.isInteger(status) && status >= 200 && status <= 599)) {
    throw new HttpError(400, '"status" must be an HTTP status code between 200 and 599.');
  }
  if (headers !== undefined && (typeof headers !== 'object' || headers === null || Object.values(headers).some((v) => typeof v !== 'string'))) {
    throw new HttpError(400, '"headers" must be an object of string values.');
  }
  if (times !== undefined && !(Number.isInteger(times) && times > 0)) throw new HttpError(400, '"times" must be a positive integer.');
  if (latency !== undefined && !(typeof latency === 'number' && Number.isFinite(latency) && latency >= 0)) {
    throw new HttpError(400, '"latency" must be a number of milliseconds >= 0.');
  }
  for (const flag of ['malformed', 'hang']) {
    if (spec[flag] !== undefined && typeof spec[flag] !== 'boolean') throw new HttpError(400, `"${flag}" must be a boolean.`);
  }
  return {
    id,
    match,
    ...(status !== undefined && { status }),
    ...(spec.body !== undefined && { body: spec.body }),
    ...(headers !== undefined && { headers }),
    ...(spec.malformed !== undefined && { malformed: spec.malformed }),
    ...(spec.hang !== undefined && { hang: spec.hang }),
    ...(latency !== undefined && { latency }),
    ...(times !== undefined && { times }),
    test,
  };
}
