/**
 * Static files served the way a CDN serves a Forge app's resources: a strong ETag on every file (304 on a match),
 * `immutable` for content-hashed names (chunks and hashed entries never change under the same name), `no-cache`
 * (revalidate) for the rest, and brotli or gzip by `Accept-Encoding` for text. Compressed bodies are kept in memory,
 * keyed by the file's ETag, so each file is compressed once per build.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
  '.json': 'application/json',
};

/** esbuild's `[name]-[hash]` names: a dash and 8 base32 characters before the extension. */
export const isHashedName = (path: string): boolean => /-[A-Z0-9]{8}\.(js|css|map|svg|png|woff2?)$/.test(path);

const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;
const MIN_COMPRESS_BYTES = 1024;

type Encoding = 'br' | 'gzip' | 'identity';

export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

type Cached = { mtimeMs: number; size: number; etag: string; body: Buffer; encoded: Map<Encoding, Buffer> };
const cache = new Map<string, Cached>();
const MAX_CACHED = 2000;

async function load(file: string): Promise<Cached> {
  const info = await stat(file);
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return hit;
  const body = await readFile(file);
  const entry: Cached = { mtimeMs: info.mtimeMs, size: info.size, etag: `"${createHash('sha1').update(body).digest('base64url')}"`, body, encoded: new Map() };
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(file, entry);
  return entry;
}

function encode(body: Buffer, encoding: Encoding): Buffer {
  if (encoding === 'br') return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  if (encoding === 'gzip') return gzipSync(body, { level: 9 });
  return body;
}

/**
 * Writes `file` to `res`. With `transform` (HTML that carries per-start or per-frame values) the page is
 * generated per request: compressed, but `no-store` and without an ETag.
 */
export async function sendStaticFile(req: IncomingMessage, res: ServerResponse, file: string, transform?: (text: string) => string): Promise<void> {
  const entry = await load(file); // throws ENOENT for a missing file: the caller answers 404
  const type = contentTypes[extname(file)] ?? 'application/octet-stream';
  const compressible = COMPRESSIBLE.test(type);
  const wanted = compressible ? chooseEncoding(req.headers['accept-encoding']) : 'identity';
  const headers: Record<string, string> = { 'content-type': type, 'x-content-type-options': 'nosniff' };
  if (compressible) headers['vary'] = 'Accept-Encoding';

  if (transform && type.startsWith('text/html')) {
    const raw = Buffer.from(transform(entry.body.toString('utf8')));
    const encoding = raw.length >= MIN_COMPRESS_BYTES ? wanted : 'identity';
    const body = encode(raw, encoding);
    res.writeHead(200, { ...headers, 'cache-control': 'no-store', ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }), 'content-length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }

  headers['etag'] = entry.etag;
  headers['cache-control'] = isHashedName(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
  const match = req.headers['if-none-match'];
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === entry.etag)) {
    res.writeHead(304, headers).end();
    return;
  }
  const encoding = entry.body.length >= MIN_COMPRESS_BYTES ? wanted : 'identity';
  let body = entry.encoded.get(encoding);
  if (!body) {
    body = encode(entry.body, encoding);
    if (encoding !== 'identity') entry.encoded.set(encoding, body);
  }
  res.writeHead(200, { ...headers, ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }), 'content-length': String(body.length) });
  res.end(req.method === 'HEAD' ? undefined : body);
}
