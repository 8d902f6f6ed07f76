// @ts-check
// Small HTTP helpers shared by the router, the forecast and the control API.

/** Headers on every answer, errors and faults included, so browsers can read them cross-origin. */
export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Retry-After',
};

export const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  'Access-Control-Allow-Methods': 'GET, HEAD, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Accept, Content-Type, X-Arcsecond-API-Authorization',
  'Access-Control-Max-Age': '600',
};

/** An error answered with a status and a DRF-style body. */
export class HttpError extends Error {
  /**
   * @param {number} status
   * @param {string} detail
   * @param {Record<string, unknown>} [extra] more body fields
   * @param {Record<string, string>} [headers]
   */
  constructor(status, detail, extra = {}, headers = {}) {
    super(detail);
    this.status = status;
    this.body = { detail, ...extra };
    this.headers = headers;
  }
}

/**
 * Answer JSON (compact, as DRF renders it).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
export function sendJson(req, res, status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  send(req, res, status, text, { 'Content-Type': 'application/json', ...headers });
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} text
 * @param {Record<string, string>} headers
 */
export function send(req, res, status, text, headers) {
  if (res.headersSent || res.destroyed) return;
  const payload = Buffer.from(text, 'utf8');
  res.writeHead(status, { ...CORS_HEADERS, 'Content-Length': String(payload.length), ...headers });
  res.end(req.method === 'HEAD' ? undefined : payload);
}

/**
 * Read a JSON request body (control API). Empty body -> {}.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} [limit] bytes
 * @returns {Promise<any>}
 */
export async function readJsonBody(req, limit = 2_000_000) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `Request body larger than ${limit} bytes.`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `JSON parse error - ${/** @type {Error} */ (error).message}`);
  }
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * DRF PageNumberPagination: `page` (1-based) and `page_size` (default 20, max 100);
 * `next`/`previous` are absolute URLs on the request's own host; a page out of range is a 404.
 * @template T
 * @param {readonly T[]} items
 * @param {URL} url the request URL (absolute, with the request's Host)
 */
export function paginate(items, url) {
  const sizeText = url.searchParams.get('page_size');
  let pageSize = DEFAULT_PAGE_SIZE;
  if (sizeText !== null && /^\d+$/.test(sizeText) && Number(sizeText) > 0) {
    pageSize = Math.min(Number(sizeText), MAX_PAGE_SIZE);
  }
  const pageText = url.searchParams.get('page') ?? '1';
  const lastPage = Math.max(1, Math.ceil(items.length / pageSize));
  const page = pageText === 'last' ? lastPage : /^\d+$/.test(pageText) ? Number(pageText) : NaN;
  if (!Number.isInteger(page) || page < 1 || page > lastPage) throw new HttpError(404, 'Invalid page.');
  /** @param {number} n */
  const pageUrl = (n) => {
    const target = new URL(url.href);
    if (n === 1) target.searchParams.delete('page');
    else target.searchParams.set('page', String(n));
    target.searchParams.sort(); // DRF's replace_query_param sorts the query by key
    return target.href;
  };
  return {
    count: items.length,
    next: page < lastPage ? pageUrl(page + 1) : null,
    previous: page > 1 ? pageUrl(page - 1) : null,
    results: items.slice((page - 1) * pageSize, page * pageSize),
  };
}
