import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/mail-builder.ts';
import { resolveRequestPath, serveSite, type RunningServer } from './serve-site-fs.ts';

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
