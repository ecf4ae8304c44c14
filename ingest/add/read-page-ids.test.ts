import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mail, mbox } from '../test-support/mail-builder.ts';
import { readPageIds } from './read-page-ids.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../archive/fixtures', name));

describe('readPageIds', () => {
  it('reads the Message-ID a hypermail page gives whole', () => {
    expect(readPageIds(fixture('hypermail-2.1.7-reply.html'), 'https://lkml.iu.edu/x.html', 'page')).toMatchObject({
      messageIds: ['20240411122530.GQ5383@nvidia.com'],
      via: 'page',
      messages: 1,
      unusable: 0,
    });
  });

  it('names nothing by a damaged ID, and says the page holds a message without one', () => {
    expect(readPageIds(fixture('hypermail-2.4.1-cut-message-id.html'), 'f', 'page')).toMatchObject({ messageIds: [], messages: 1, unusable: 1 });
  });

  it('takes every message of a thread page, and what a Patchwork page links to after what it shows', () => {
    const thread = readPageIds(fixture('public-inbox-thread-flat.html'), 'f', 'page');
    expect(thread.messageIds.slice(0, 2)).toEqual([
      'cover.fe275e9819458a4bbb9451b888cafb88af8867d4.1712796818.git-series.apopple@nvidia.com',
      'e4a877d1f77d778a2e820b9df66f6b7422bf2276.1712796818.git-series.apopple@nvidia.com',
    ]);
    const patch = readPageIds(fixture('patchwork-patch.html'), 'f', 'page');
    // The patch, then the series it links to; its comment shows no Message-ID.
    expect(patch.messageIds[0]).toBe('b5b3b567ce2d1df7186ad79bcda7cec6e82f2a1f.1736299058.git-series.apopple@nvidia.com');
    expect(patch.messageIds).toContain('cover.2f7ba31d2b1d5b2fa0a0ea1a4c1d8c97e4b43c6f.1736299058.git-series.apopple@nvidia.com');
    expect(patch).toMatchObject({ messages: 2, unusable: 1 });
    expect(readPageIds(fixture('patchwork-list.html'), 'f', 'page')).toMatchObject({ messageIds: ['20220420155310.9712-2-joao.m.martins@oracle.com', '20220420155310.9712-3-joao.m.martins@oracle.com'], messages: 0 });
  });

  it('reads mail: a raw message, an mbox, and header lines shown on a page', () => {
    const one = Buffer.from(mail({ id: 'a@b' }));
    expect(readPageIds(one, 'u', 'mail')).toMatchObject({ messageIds: ['a@b'], via: 'headers', recognition: { kind: 'mail' } });
    expect(readPageIds(Buffer.from(mbox([mail({ id: 'a@b' }), mail({ id: 'c@d' })])), 'u', 'mail').messageIds).toEqual(['a@b', 'c@d']);
    const shown = Buffer.from('<html><body><pre>From: Jason Gunthorpe &lt;jgg@nvidia.com&gt;\nMessage-ID: &lt;20211014230606.GZ2744544@nvidia.com&gt;\n</pre></body></html>');
    expect(readPageIds(shown, 'u', 'headers').messageIds).toEqual(['20211014230606.GZ2744544@nvidia.com']);
    // A page no archive reader knows, but showing the headers, names its message too.
    expect(readPageIds(shown, 'u', 'page')).toMatchObject({ messageIds: ['20211014230606.GZ2744544@nvidia.com'], via: 'headers', recognition: { kind: 'foreign' } });
  });

  it('says what foreign HTML is, and names nothing', () => {
    const r = readPageIds(fixture('foreign.html'), 'f', 'page');
    expect(r.messageIds).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['page/foreign']);
  });
});
