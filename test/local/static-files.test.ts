/** The workspace serves static files like a CDN: ETag and 304, immutable hashed chunks, brotli/gzip by Accept-Encoding. */
import { createServer, request, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseEncoding, isHashedName, sendStaticFile } from '../../local/server/static-files';

let dir: string;
let server: Server;
let base: string;
const body = `console.log(${JSON.stringify('x'.repeat(5000))});`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rt-static-'));
  writeFileSync(join(dir, 'main-ABCDEFGH.js'), body);
  writeFileSync(join(dir, 'index.html'), '<html><head></head><body>' + 'y'.repeat(3000) + '</body></html>');
  server = createServer((req, res) => {
    const name = (req.url ?? '/').slice(1);
    sendStaticFile(req, res, join(dir, name), name === 'index.html' && req.headers['x-transform'] ? (h) => h.replace('<head>', '<head><meta name="t">') : undefined).catch(() => res.writeHead(404).end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

test('a hashed chunk is immutable, has an ETag and answers 304 to If-None-Match', async () => {
  const first = await get('/main-ABCDEFGH.js');
  expect(first.status).toBe(200);
  expect(first.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(first.body.toString()).toBe(body);
  const etag = String(first.headers['etag']);
  expect(etag).toMatch(/^".+"$/);
  const again = await get('/main-ABCDEFGH.js', { 'if-none-match': etag });
  expect(again.status).toBe(304);
  expect(again.body.length).toBe(0);
  await expect(get('/main-ABCDEFGH.js', { 'if-none-match': '"stale"' })).resolves.toMatchObject({ status: 200 });
});

test('brotli when accepted, else gzip, else identity; the bytes decode to the file', async () => {
  const br = await get('/main-ABCDEFGH.js', { 'accept-encoding': 'gzip, deflate, br' });
  expect(br.headers['content-encoding']).toBe('br');
  expect(br.headers['vary']).toBe('Accept-Encoding');
  expect(brotliDecompressSync(br.body).toString()).toBe(body);
  expect(br.body.length).toBeLessThan(body.length / 10);
  const gz = await get('/main-ABCDEFGH.js', { 'accept-encoding': 'gzip' });
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(gz.body).toString()).toBe(body);
  const plain = await get('/main-ABCDEFGH.js', { 'accept-encoding': 'br;q=0, gzip;q=0' });
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.toString()).toBe(body);
});

test('an unhashed page revalidates (no-cache); a generated page (per-start token) is never stored', async () => {
  const page = await get('/index.html');
  expect(page.headers['cache-control']).toBe('no-cache');
  const generated = await get('/index.html', { 'x-transform': '1', 'accept-encoding': 'gzip' });
  expect(generated.headers['cache-control']).toBe('no-store');
  expect(generated.headers['etag']).toBeUndefined();
  expect(gunzipSync(generated.body).toString()).toContain('<meta name="t">');
  await expect(get('/missing.js')).resolves.toMatchObject({ status: 404 });
});

test('helpers: hashed names and Accept-Encoding', () => {
  expect(isHashedName('/x/chunks/chunk-EPNZ4OP4.js')).toBe(true);
  expect(isHashedName('/x/main.js')).toBe(false);
  expect(isHashedName('/x/apply-theme.js')).toBe(false);
  expect(chooseEncoding(undefined)).toBe('identity');
  expect(chooseEncoding('*')).toBe('br');
  expect(chooseEncoding('gzip;q=0.5, br;q=0')).toBe('gzip');
});
