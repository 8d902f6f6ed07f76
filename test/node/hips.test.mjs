// The emulator's synthetic HiPS survey: HEALPix NESTED maths, the PNG encoder, tile rendering and the HTTP routes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { inflateSync } from 'node:zlib';
import {
  MAX_ORDER,
  TILE_WIDTH,
  ang2pixNest,
  crc32,
  encodePng,
  handleHips,
  nestToXyf,
  pix2angNest,
  renderTile,
  tilePixelFor,
  xyfToAng,
} from '../../emulator/hips.mjs';
import { readStarCatalogue } from '../../scripts/generate-sky-data.mjs';

const DEG = Math.PI / 180;

/** Great-circle distance in degrees. */
function separation(a, b) {
  const s =
    Math.sin(a.dec * DEG) * Math.sin(b.dec * DEG) + Math.cos(a.dec * DEG) * Math.cos(b.dec * DEG) * Math.cos((a.ra - b.ra) * DEG);
  return Math.acos(Math.max(-1, Math.min(1, s))) / DEG;
}

/** Deterministic uniform points on the sphere. */
function* spherePoints(n, seed = 1) {
  let s = seed >>> 0;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  for (let i = 0; i < n; i++) yield { ra: rnd() * 360, dec: Math.asin(2 * rnd() - 1) / DEG };
}

test('the 12 base cells have their known centres (nside 1: NESTED index = face)', () => {
  const z = Math.asin(2 / 3) / DEG;
  const expected = [
    [45, z], [135, z], [225, z], [315, z],
    [0, 0], [90, 0], [180, 0], [270, 0],
    [45, -z], [135, -z], [225, -z], [315, -z],
  ];
  expected.forEach(([ra, dec], face) => {
    const c = pix2angNest(1, face);
    assert.ok(Math.abs(c.ra - ra) < 1e-9 && Math.abs(c.dec - dec) < 1e-9, `face ${face}: ${JSON.stringify(c)}`);
    assert.equal(ang2pixNest(1, ra, dec), face);
  });
});

test('ang2pix inverts pix2ang for every cell at nside 8, and points land within a cell of their centre', () => {
  const nside = 8;
  for (let i = 0; i < 12 * nside * nside; i++) {
    const c = pix2angNest(nside, i);
    assert.equal(ang2pixNest(nside, c.ra, c.dec), i, `cell ${i}`);
  }
  const cell = Math.sqrt((4 * Math.PI) / (12 * 64 * 64)) / DEG;
  for (const p of spherePoints(2000)) {
    const centre = pix2angNest(64, ang2pixNest(64, p.ra, p.dec));
    // A HEALPix cell is at most ~1.5 nominal sizes across (polar cells are stretched).
    assert.ok(separation(p, centre) < 1.5 * cell, `${JSON.stringify(p)} is ${separation(p, centre)}° from its cell centre`);
  }
});

test('cells have equal area: uniform points fill the 48 cells of nside 2 evenly', () => {
  const counts = new Array(48).fill(0);
  const n = 48_000;
  for (const p of spherePoints(n, 7)) counts[ang2pixNest(2, p.ra, p.dec)]++;
  for (const c of counts) assert.ok(Math.abs(c - 1000) < 150, `cell count ${c}, expected about 1000`);
});

test('in-face axes: ix runs South→East and iy South→West (face 4, centred on RA 0)', () => {
  const nside = 16;
  const at = (ix, iy) => {
    const { z, phi } = xyfToAng(nside, 4, ix, iy);
    return { ra: ((phi / DEG) % 360 + 360) % 360, dec: Math.asin(z) / DEG };
  };
  const south = at(0, 0);
  const east = at(nside - 1, 0);
  const west = at(0, nside - 1);
  const north = at(nside - 1, nside - 1);
  assert.ok(south.dec < -38 && Math.abs(south.ra) < 1e-9, `south vertex cell ${JSON.stringify(south)}`);
  assert.ok(north.dec > 38, `north vertex cell ${JSON.stringify(north)}`);
  assert.ok(east.ra > 40 && east.ra < 45 && Math.abs(east.dec) < 3, `east vertex cell ${JSON.stringify(east)}`);
  assert.ok(west.ra > 315 && west.ra < 320 && Math.abs(west.dec) < 3, `west vertex cell ${JSON.stringify(west)}`);
  assert.deepEqual(nestToXyf(nside, 4 * nside * nside + 1), { face: 4, ix: 1, iy: 0 });
  assert.deepEqual(nestToXyf(nside, 4 * nside * nside + 2), { face: 4, ix: 0, iy: 1 });
});

test('tiles nest: the tile of order K+1 containing a point is a child (4N…4N+3) of its tile at order K', () => {
  for (const p of spherePoints(500, 3)) {
    for (let k = 0; k < MAX_ORDER; k++) {
      const parent = tilePixelFor(k, p.ra, p.dec);
      const child = tilePixelFor(k + 1, p.ra, p.dec);
      assert.equal(Math.floor(child.npix / 4), parent.npix);
      // The same point sits at half the pixel coordinates in the parent (±1 for the quadrant offset).
      assert.ok(Math.abs(((child.column + (child.npix & 2 ? TILE_WIDTH : 0)) >> 1) - parent.column) <= 1);
      assert.ok(Math.abs(((child.row + (child.npix & 1 ? TILE_WIDTH : 0)) >> 1) - parent.row) <= 1);
    }
  }
});

/** Minimal PNG reader for the test: chunks with CRC check, IHDR, inflated scanlines (filter 0 only). */
function readPng(buf) {
  assert.deepEqual([...buf.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let off = 8;
  const chunks = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    assert.equal(buf.readUInt32BE(off + 8 + len), crc32(buf.subarray(off + 4, off + 8 + len)), `CRC of ${type}`);
    chunks.push({ type, data });
    off += 12 + len;
  }
  assert.deepEqual(chunks.map((c) => c.type), ['IHDR', 'IDAT', 'IEND']);
  const ihdr = chunks[0].data;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  assert.deepEqual([...ihdr.subarray(8)], [8, 2, 0, 0, 0]);
  const raw = inflateSync(chunks[1].data);
  assert.equal(raw.length, height * (width * 3 + 1));
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    assert.equal(raw[y * (width * 3 + 1)], 0);
    rgb.set(raw.subarray(y * (width * 3 + 1) + 1, (y + 1) * (width * 3 + 1)), y * width * 3);
  }
  return { width, height, rgb };
}

test('PNG encoder: valid chunks and CRCs, pixels survive a round trip, bad input is refused', () => {
  assert.equal(crc32(Buffer.from('IEND', 'latin1')), 0xae426082);
  const w = 5;
  const h = 3;
  const rgb = Uint8Array.from({ length: w * h * 3 }, (_, i) => (i * 37) % 256);
  const png = encodePng(w, h, rgb);
  const back = readPng(png);
  assert.equal(back.width, w);
  assert.equal(back.height, h);
  assert.deepEqual([...back.rgb], [...rgb]);
  assert.throws(() => encodePng(2, 2, new Uint8Array(5)), /expected 12 RGB bytes/);
  assert.throws(() => encodePng(0, 2, new Uint8Array(0)), /bad PNG size/);
});

test('a tile shows a bright catalogue star at the pixel HEALPix puts it, in its colour', () => {
  const betelgeuse = readStarCatalogue().find((s) => s.hip === 27989);
  assert.ok(betelgeuse && betelgeuse.mag < 1, 'Betelgeuse is in the catalogue');
  for (const order of [1, 3]) {
    const at = tilePixelFor(order, betelgeuse.ra, betelgeuse.dec);
    const rgb = renderTile(order, at.npix);
    const lum = (c, r) => rgb[(r * TILE_WIDTH + c) * 3] + rgb[(r * TILE_WIDTH + c) * 3 + 1] + rgb[(r * TILE_WIDTH + c) * 3 + 2];
    // Brightest pixel within 6 px of the expected one.
    let best = { c: -1, r: -1, v: -1 };
    for (let r = Math.max(0, at.row - 6); r <= Math.min(TILE_WIDTH - 1, at.row + 6); r++)
      for (let c = Math.max(0, at.column - 6); c <= Math.min(TILE_WIDTH - 1, at.column + 6); c++)
        if (lum(c, r) > best.v) best = { c, r, v: lum(c, r) };
    assert.ok(Math.abs(best.c - at.column) <= 1 && Math.abs(best.r - at.row) <= 1, `order ${order}: peak at ${best.c},${best.r}, star at ${at.column},${at.row}`);
    const k = (at.row * TILE_WIDTH + at.column) * 3;
    assert.ok(rgb[k] > 200, 'bright');
    assert.ok(rgb[k] > rgb[k + 2] + 40, `red supergiant looks red: ${rgb[k]},${rgb[k + 1]},${rgb[k + 2]}`);
  }
  // Near the south celestial pole in Octans, away from any V ≤ 6 star: plain background.
  const empty = tilePixelFor(3, 0, -89.2);
  const rgb = renderTile(3, empty.npix);
  const k = (empty.row * TILE_WIDTH + empty.column) * 3;
  assert.ok(rgb[k] + rgb[k + 1] + rgb[k + 2] < 40, 'dark sky away from stars');
});

async function withServer(fn) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname.startsWith('/hips/')) handleHips(req, res, url);
    else res.writeHead(404).end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    await fn(base);
  } finally {
    await new Promise((r) => server.close(r));
  }
}

test('HTTP: properties, tiles by NorderK/DirD/NpixN.png, clear 404s for everything else', async () => {
  await withServer(async (base) => {
    const props = await fetch(`${base}/hips/dss-synthetic/properties`);
    assert.equal(props.status, 200);
    assert.equal(props.headers.get('access-control-allow-origin'), '*');
    const text = await props.text();
    const kv = Object.fromEntries(text.trim().split('\n').map((l) => l.split(/\s*=\s*/)));
    assert.equal(kv.hips_order, String(MAX_ORDER));
    assert.equal(kv.hips_tile_width, String(TILE_WIDTH));
    assert.equal(kv.hips_tile_format, 'png');
    assert.equal(kv.hips_frame, 'equatorial');
    assert.match(kv.obs_copyright, /synthetic/i);

    const tile = await fetch(`${base}/hips/dss-synthetic/Norder3/Dir0/Npix300.png`);
    assert.equal(tile.status, 200);
    assert.equal(tile.headers.get('content-type'), 'image/png');
    assert.equal(tile.headers.get('access-control-allow-origin'), '*');
    const png = readPng(Buffer.from(await tile.arrayBuffer()));
    assert.equal(png.width, TILE_WIDTH);
    assert.deepEqual([...png.rgb], [...renderTile(3, 300)]);

    for (const path of [
      'dss-synthetic/Norder4/Dir0/Npix1.png', // beyond hips_order
      'dss-synthetic/Norder0/Dir0/Npix12.png', // only 12 cells at order 0
      'dss-synthetic/Norder3/Dir10000/Npix300.png', // wrong directory
      'dss-synthetic/Norder3/Dir0/Npix300.jpg', // format not offered
      'dss-synthetic/Norder3/Allsky.png',
      'other-survey/properties',
    ]) {
      const r = await fetch(`${base}/hips/${path}`);
      assert.equal(r.status, 404, path);
      assert.ok((await r.text()).length > 10, `${path}: says why`);
    }
    const post = await fetch(`${base}/hips/dss-synthetic/properties`, { method: 'POST' });
    assert.equal(post.status, 405);
  });
});
