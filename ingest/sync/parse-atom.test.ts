import { describe, expect, it } from 'vitest';
import { parseAtom } from './parse-atom.ts';

// The shape public-inbox 1.9 writes (new.atom), shortened.
const FEED = `<?xml version="1.0" encoding="us-ascii"?>
<feed
xmlns="http://www.w3.org/2005/Atom"
xmlns:thr="http://purl.org/syndication/thread/1.0"><title>public inbox for nvdimm@lists.linux.dev</title><link
rel="alternate"
type="text/html"
href="http://127.0.0.1:18080/nvdimm/"/><updated>2022-02-14T16:36:12Z</updated><entry><author><name>Jonathan Cameron</name><email>Jonathan.Cameron@Huawei.com</email></author><title>Re: [PATCH v3 08/14] cxl/region: HB port &amp; config</title><updated>2022-02-14T16:36:12Z</updated><link
href="http://127.0.0.1:18080/nvdimm/20220214162037.0000104b@Huawei.com/"/><id>urn:uuid:effdeeed-21b0-b316-abbd-318d849e87d1</id><thr:in-reply-to
ref="urn:uuid:e4a64305-b377-d940-69c1-9fcbb02d34c1"
href="http://127.0.0.1:18080/nvdimm/20220128002707.391076-9-ben.widawsky@intel.com/"/><content
type="xhtml"><div>x</div></content></entry><entry><title>odd</title><updated>2022-02-14T10:00:00Z</updated><link
href="http://127.0.0.1:18080/nvdimm/a%2Fb&amp;c@x/"/></entry><entry><title>no link</title></entry></feed>`;

describe('parseAtom', () => {
  it('takes each entry\'s Message-ID from its link, decoded', () => {
    const r = parseAtom(FEED);
    expect(r.ok).toBe(true);
    expect(r.entries).toEqual([
      { messageId: '20220214162037.0000104b@Huawei.com', title: 'Re: [PATCH v3 08/14] cxl/region: HB port & config', updated: '2022-02-14T16:36:12Z' },
      { messageId: 'a/b&c@x', title: 'odd', updated: '2022-02-14T10:00:00Z' },
    ]);
    expect(r.problems.map((p) => p.message)).toEqual(['an entry without a message link (title "no link")']);
  });

  it('is not ok for something else', () => {
    expect(parseAtom('<html><body>bot check</body></html>')).toMatchObject({ ok: false, entries: [] });
  });
});
