import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/mail-builder.ts';
import { MIN_GZIP_BYTES, acceptsGzip, resolveRequestPath, serveSite, type RunningServer } from './serve-site-fs.ts';

/** GET with exactly these headers (fetch would ask for gzip and undo it itself). */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((ok, fail) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    })
      .on('error', fail)
      .end();
  });
}

describe('serveSite', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: RunningServer;
  beforeAll(async () => {
    tmp = tempDir();
    mkdirSync(join(tmp.dir, 'site', 'm', 'a', 'b+c@x'), { recursive: true });
    writeFileSync(join(tmp.dir, 'site', 'index.html'), '<p>home</p>');
    writeFileSync(join(tmp.dir, 'site', 'm', 'a', 'b+c@x', 'index.html'), '<p>message</p>');
    writeFileSync(join(tmp.dir, 'secret.txt'), 'secret');
    server = await serveSite(join(tmp.dir, 'site'));
  });
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  it('listens on the loopback interface', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves pages with the Content-Security-Policy header', async () => {
    const r = await fetch(server.url);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('decodes percent-encoded paths to find a Message-ID directory', async () => {
    const r = await fetch(`${server.url}m/a%2Fb%2Bc%40x/`);
    expect(await r.text()).toBe('<p>message</p>');
    const plain = await fetch(`${server.url}m/a/b+c@x/`);
    expect(plain.status).toBe(200);
  });

  it('redirects a directory without a slash and 404s what is missing', async () => {
    const r = await fetch(`${server.url}m/a/b+c@x`, { redirect: 'manual' });
    expect(r.status).toBe(301);
    expect(r.headers.get('location')).toBe('/m/a/b+c@x/');
    expect((await fetch(`${server.url}nope/`)).status).toBe(404);
  });

  it('never serves files outside the site', async () => {
    expect(resolveRequestPath('/srv/site', '/../secret.txt')).toBeNull();
    expect(resolveRequestPath('/srv/site', '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveRequestPath('/srv/site', '/m/a%2F..%2F..%2F..%2Fx')).toBeNull();
    expect(resolveRequestPath('/srv/site', '/m/x@y/')).toBe('/srv/site/m/x@y');
    expect(resolveRequestPath('/srv/site', '/a%00b')).toBeNull();
    expect(resolveRequestPath('/srv/site', '/%E0%A4%A')).toBeNull();
    expect((await fetch(`${server.url}%2e%2e/secret.txt`)).status).toBe(404);
    expect((await fetch(`${server.url}m/..%2F..%2Fsecret.txt`)).status).toBe(400);
  });
});

describe('serveSite compression', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: RunningServer;
  const shard = JSON.stringify(Array.from({ length: 400 }, (_, i) => ['word' + i, '', 'abcabc'])) + '\n';
  beforeAll(async () => {
    tmp = tempDir();
    mkdirSync(join(tmp.dir, 'site', 'search', 'text'), { recursive: true });
    writeFileSync(join(tmp.dir, 'site', 'search', 'text', '0.json'), shard);
    writeFileSync(join(tmp.dir, 'site', 'search', 'index.json'), '{"docs":1}');
    writeFileSync(join(tmp.dir, 'site', 'page.html'), '<p>' + 'x'.repeat(4000) + '</p>');
    writeFileSync(join(tmp.dir, 'site', 'app.js'), 'let a = 1;\n'.repeat(500));
    writeFileSync(join(tmp.dir, 'site', 'pre.json'), '[' + '1,'.repeat(2000) + '1]');
    // A precompressed sibling, deliberately different, to show which one is sent.
    writeFileSync(join(tmp.dir, 'site', 'pre.json.gz'), gzipSync('["from the .gz file"]'));
    writeFileSync(join(tmp.dir, 'site', 'image.png'), Buffer.alloc(5000, 7));
    server = await serveSite(join(tmp.dir, 'site'));
  });
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  it('reads Accept-Encoding as RFC 9110 does', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('GZIP')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0, *')).toBe(false);
    expect(acceptsGzip('*;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('deflate, br')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('')).toBe(false);
  });

  it('sends index shards, pages and scripts gzip-compressed to a client that accepts it', async () => {
    for (const [path, type, original] of [
      ['search/text/0.json', 'application/json', shard],
      ['page.html', 'text/html; charset=utf-8', '<p>' + 'x'.repeat(4000) + '</p>'],
      ['app.js', 'text/javascript; charset=utf-8', 'let a = 1;\n'.repeat(500)],
    ] as const) {
      const r = await get(server.url + path, { 'Accept-Encoding': 'gzip, deflate, br' });
      expect([path, r.status, r.headers['content-encoding'], r.headers['content-type'], r.headers.vary]).toEqual([path, 200, 'gzip', type, 'Accept-Encoding']);
      expect(Number(r.headers['content-length'])).toBe(r.body.length);
      expect(r.body.length).toBeLessThan(Buffer.byteLength(original));
      expect(gunzipSync(r.body).toString()).toBe(original);
      expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    }
  });

  it('sends the same bytes uncompressed to a client that does not accept gzip', async () => {
    for (const enc of [undefined, 'identity', 'gzip;q=0']) {
      const r = await get(server.url + 'search/text/0.json', enc ? { 'Accept-Encoding': enc } : {});
      expect([enc, r.headers['content-encoding'], r.body.toString()]).toEqual([enc, undefined, shard]);
      expect(r.headers.vary).toBe('Accept-Encoding');
    }
  });

  it('leaves small files and images as they are', async () => {
    const small = await get(server.url + 'search/index.json', { 'Accept-Encoding': 'gzip' });
    expect(Buffer.byteLength('{"docs":1}')).toBeLessThan(MIN_GZIP_BYTES);
    expect([small.headers['content-encoding'], small.body.toString()]).toEqual([undefined, '{"docs":1}']);
    const png = await get(server.url + 'image.png', { 'Accept-Encoding': 'gzip' });
    expect([png.headers['content-encoding'], png.body.length]).toEqual([undefined, 5000]);
  });

  it('sends a precompressed FILE.gz when there is one, and answers HEAD without a body', async () => {
    const r = await get(server.url + 'pre.json', { 'Accept-Encoding': 'gzip' });
    expect([r.headers['content-encoding'], gunzipSync(r.body).toString()]).toEqual(['gzip', '["from the .gz file"]']);
    const head = await new Promise<{ headers: Record<string, unknown>; length: number }>((ok, fail) => {
      request(server.url + 'search/text/0.json', { method: 'HEAD', headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
        let length = 0;
        res.on('data', (c: Buffer) => (length += c.length));
        res.on('end', () => ok({ headers: res.headers, length }));
      })
        .on('error', fail)
        .end();
    });
    expect([head.headers['content-encoding'], head.length]).toEqual(['gzip', 0]);
  });

  it('compresses a file again once it changed', async () => {
    const file = join(tmp.dir, 'site', 'search', 'text', '1.json');
    writeFileSync(file, '["first"]'.repeat(200));
    const first = await get(server.url + 'search/text/1.json', { 'Accept-Encoding': 'gzip' });
    expect(gunzipSync(first.body).toString()).toBe('["first"]'.repeat(200));
    writeFileSync(file, '["second"]'.repeat(200));
    // A new time as well as a new size, whatever the file system's clock resolution.
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const second = await get(server.url + 'search/text/1.json', { 'Accept-Encoding': 'gzip' });
    expect(gunzipSync(second.body).toString()).toBe('["second"]'.repeat(200));
  });
});
