// @ts-check
// HiPS imagery under /hips/ (IVOA HiPS tiles). Not implemented yet: a later change fills this in
// (the parameters are the request, the response and the parsed URL).

/**
 * Answer a request under `/hips/` if this module serves it.
 * @param {import('node:http').IncomingMessage} _req
 * @param {import('node:http').ServerResponse} _res
 * @param {URL} _url
 * @returns {Promise<boolean>} true when the request was answered here; false lets the router answer 404
 */
export async function handleHips(_req, _res, _url) {
  return false;
}
