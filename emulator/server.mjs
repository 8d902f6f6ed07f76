// @ts-check
// The emulator: one HTTP server for the API routes, /v1/forecast, /hips/ and the control API,
// with the live activity WebSocket on the same port.
import { createServer } from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';
import { createActivities } from './activities.mjs';
import { countRequest, createControlState, defaultDetail, handleControl, MALFORMED_BODY, takeFault, wrap } from './control.mjs';
import { loadData } from './data.mjs';
import { forecast, ForecastError } from './forecast.mjs';
import { handleHips } from './hips.mjs';
import { CORS_HEADERS, HttpError, PREFLIGHT_HEADERS, send, sendJson } from './http.mjs';
import { randomFor } from './prng.mjs';
import { resolveRoute } from './router.mjs';

const LIVE_PATHS = new Set(['/activities/live', '/activities/live/']);
const CONTROL_PREFIX = '/__emulator/';
const DEFAULT_FEED_RATE = 0.2;
const API_HEADERS = { Allow: 'GET, HEAD, OPTIONS', Vary: 'Accept' };

/**
 * @typedef {object} EmulatorOptions
 * @property {number} [port]  0 picks a free port
 * @property {string} [host]
 * @property {number} [seed]  same seed and `now` give byte-identical answers
 * @property {number} [rate]  new live activities per second (0 = feed stopped)
 * @property {Date|string|number} [now] start instant (fixes the generated history); default the real clock
 *
 * @typedef {object} Emulator
 * @property {string} url   e.g. http://127.0.0.1:54321 (no trailing slash)
 * @property {number} port
 * @property {() => Promise<void>} close
 * @property {EmulatorState} state
 *
 * @typedef {object} EmulatorState live internals, for in-process tests
 * @property {import('./control.mjs').ControlState} control
 * @property {import('./activities.mjs').ActivityStore} activities
 * @property {import('./data.mjs').EmulatorData} data
 * @property {{running: boolean, rate: number}} feed
 * @property {number} seed
 * @property {number} startMs
 * @property {() => number} clock  the emulator's current instant (ms), running on from `now`
 */

/**
 * Start an emulator.
 * @param {EmulatorOptions} [options]
 * @returns {Promise<Emulator>}
 */
export async function startEmulator({ port = 0, host = '127.0.0.1', seed = 1, rate = DEFAULT_FEED_RATE, now } = {}) {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`startEmulator: port must be an integer 0-65535, got ${port}`);
  if (!Number.isInteger(seed)) throw new TypeError(`startEmulator: seed must be an integer, got ${seed}`);
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0) throw new TypeError(`startEmulator: rate must be a number >= 0, got ${rate}`);
  const startMs = now === undefined ? Date.now() : instantOf(now);
  const realStart = Date.now();
  const clock = () => startMs + (Date.now() - realStart);

  const data = loadData();
  const activities = createActivities({ data, seed, startMs });
  const control = createControlState();
  const knownPlaces = data.sites.map((s) => ({
    latitude: s.coordinates.latitude,
    longitude: s.coordinates.longitude,
    height: s.coordinates.height,
    timeZone: s.address.time_zone_id,
  }));
  const routeContext = { data, activities, seed, clock };
  let boundPort = port;

  // --- live feed and sockets ---
  const wss = new WebSocketServer({ noServer: true });
  const openClients = () => [...wss.clients].filter((c) => c.readyState === WebSocket.OPEN);
  /** @param {string} text */
  const broadcast = (text) => {
    const clients = openClients();
    for (const client of clients) client.send(text);
    return clients.length;
  };
  /** @type {{running: boolean, rate: number, timer: NodeJS.Timeout | undefined}} */
  const feed = { running: false, rate, timer: undefined };
  const feedRandom = randomFor(seed, 'feed-timing');
  const scheduleLive = () => {
    // Evenly spread around the mean interval (never long silences that would make tests flaky).
    const delay = Math.min((1000 / feed.rate) * (0.5 + feedRandom.next()), 2 ** 31 - 1);
    feed.timer = setTimeout(() => {
      broadcast(JSON.stringify(wrap(activities.createLive(clock()))));
      scheduleLive();
    }, delay).unref();
  };
  /** @param {boolean} running @param {number} [newRate] */
  const setFeed = (running, newRate) => {
    clearTimeout(feed.timer);
    if (newRate !== undefined) feed.rate = newRate;
    else if (running && feed.rate === 0) feed.rate = DEFAULT_FEED_RATE;
    feed.running = running && feed.rate > 0;
    if (feed.running) scheduleLive();
    return { running: feed.running, rate: feed.rate };
  };
  /** @type {import('./control.mjs').ControlHooks} */
  const hooks = {
    openSockets: () => openClients().length,
    dropSockets() {
      const clients = [...wss.clients];
      for (const client of clients) client.terminate(); // no close handshake
      return clients.length;
    },
    broadcast,
    setFeed,
    push: (fields) => activities.push(fields, clock()),
  };

  // --- HTTP ---
  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function handleRequest(req, res) {
    const url = requestUrl(req, `${host}:${boundPort}`);
    if (!url) return sendJson(req, res, 400, { detail: 'Malformed request target.' });
    const path = url.pathname;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, PREFLIGHT_HEADERS);
      return res.end();
    }
    if (path.startsWith(CONTROL_PREFIX)) {
      return handleControl(req, res, path.slice(CONTROL_PREFIX.length).replace(/\/$/, ''), control, hooks);
    }
    const pathAndQuery = req.url ?? path;
    countRequest(control, pathAndQuery, path);
    const fault = takeFault(control, path, pathAndQuery);
    const delay = fault?.latency ?? control.latencyMs;
    if (delay > 0) await sleep(delay);
    // A fault with only `latency` slows the normal answer instead of replacing it.
    const latencyOnly =
      fault?.latency !== undefined && !fault.hang && !fault.malformed && fault.status === undefined && fault.body === undefined && !fault.headers;
    const replaces = fault && !latencyOnly;
    if (fault && replaces) return answerFault(req, res, fault);

    if (path.startsWith('/hips/')) {
      if (await handleHips(req, res, url)) return;
      return sendJson(req, res, 404, { detail: 'Not found.' });
    }
    if (path === '/v1/forecast' || path === '/v1/forecast/') return answerForecast(req, res, url);

    const handler = resolveRoute(path, routeContext);
    const method = req.method ?? 'GET';
    const readOnly = method === 'GET' || method === 'HEAD';
    if (!handler) {
      // Django's APPEND_SLASH: a GET without the trailing slash is redirected when the slashed path exists.
      if (readOnly && !path.endsWith('/') && resolveRoute(`${path}/`, routeContext)) {
        return send(req, res, 301, '', { Location: `${path}/${url.search}` });
      }
      return sendJson(req, res, 404, { detail: 'Not found.' });
    }
    if (!readOnly) return sendJson(req, res, 405, { detail: `Method "${method}" not allowed.` }, API_HEADERS);
    sendJson(req, res, 200, handler(url), API_HEADERS);
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {import('./control.mjs').ActiveFault} fault
   */
  function answerFault(req, res, fault) {
    if (fault.hang) return; // never answered; the connection stays open until the client gives up or we close
    const headers = fault.headers ?? {};
    if (fault.malformed) {
      return send(req, res, fault.status ?? 200, MALFORMED_BODY, { 'Content-Type': 'application/json', ...headers });
    }
    const status = fault.status ?? 500;
    if (status === 204 || status === 304) return send(req, res, status, '', headers);
    if (typeof fault.body === 'string') return send(req, res, status, fault.body, { 'Content-Type': 'application/json', ...headers });
    sendJson(req, res, status, fault.body ?? { detail: defaultDetail(status, headers) }, headers);
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {URL} url
   */
  function answerForecast(req, res, url) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendJson(req, res, 405, { error: true, reason: `Method ${req.method} not allowed` });
    }
    try {
      sendJson(req, res, 200, forecast(url.searchParams, { seed, now: clock(), places: knownPlaces }));
    } catch (error) {
      if (!(error instanceof ForecastError)) throw error;
      sendJson(req, res, 400, { error: true, reason: error.message });
    }
  }

  const server = createServer((req, res) => {
    handleRequest(req, res).catch((error) => {
      if (error instanceof HttpError) return sendJson(req, res, error.status, error.body, error.headers);
      console.error('emulator: unexpected error', error);
      sendJson(req, res, 500, { detail: 'A server error occurred.' });
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const url = requestUrl(req, `${host}:${boundPort}`);
    const path = url?.pathname ?? '';
    if (!url || path.startsWith(CONTROL_PREFIX)) return refuseUpgrade(socket, 404, 'Not Found');
    countRequest(control, req.url ?? path, path);
    if (!LIVE_PATHS.has(path)) return refuseUpgrade(socket, 404, 'Not Found');
    if (control.refuseSockets) {
      control.stats.refused += 1;
      return refuseUpgrade(socket, 503, 'Service Unavailable');
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      control.stats.opened += 1;
      ws.on('error', () => ws.terminate());
      // The real route is read-only: client frames are ignored.
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = server.address();
  if (typeof address === 'object' && address) boundPort = address.port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  if (rate > 0) setFeed(true);

  let closing = /** @type {Promise<void> | null} */ (null);
  return {
    url: `http://${urlHost}:${boundPort}`,
    port: boundPort,
    state: {
      control,
      activities,
      data,
      feed: {
        get running() { return feed.running; },
        get rate() { return feed.rate; },
      },
      seed,
      startMs,
      clock,
    },
    close() {
      closing ??= new Promise((resolve) => {
        clearTimeout(feed.timer);
        feed.running = false;
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections(); // hanging (faulted) requests and keep-alive sockets
      });
      return closing;
    },
  };
}

/** @param {Date|string|number} value */
function instantOf(value) {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new TypeError(`startEmulator: now must be a Date, an ISO date string or epoch milliseconds, got ${String(value)}`);
  return ms;
}

/**
 * Absolute request URL on the Host the client used (so pagination links point back to it).
 * @param {import('node:http').IncomingMessage} req @param {string} fallbackHost
 */
function requestUrl(req, fallbackHost) {
  const target = req.url ?? '/';
  if (!target.startsWith('/')) return null;
  try {
    return new URL(`http://${req.headers.host || fallbackHost}${target}`);
  } catch {
    try {
      return new URL(`http://${fallbackHost}${target}`);
    } catch {
      return null;
    }
  }
}

/** @param {import('node:stream').Duplex} socket @param {number} status @param {string} text */
function refuseUpgrade(socket, status, text) {
  const body = JSON.stringify({ detail: text });
  const headers = Object.entries({ ...CORS_HEADERS, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' })
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n');
  socket.end(`HTTP/1.1 ${status} ${text}\r\n${headers}\r\n\r\n${body}`, () => socket.destroy());
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
