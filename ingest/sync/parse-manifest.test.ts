import { describe, expect, it } from 'vitest';
import { parseManifest } from './parse-manifest.ts';

// As public-inbox 1.9's ManifestJsGz writes it for a two-epoch inbox.
const REAL = JSON.stringify({
  '/nvdimm/git/1.git': { description: 'public inbox for nvdimm@lists.linux.dev [epoch 1]', fingerprint: '47b77cf55f159a373f99e89e8f0220142cf0a782', modified: 1621576867, reference: null, owner: null },
  '/nvdimm/git/0.git': { reference: null, modified: 1644858112, fingerprint: '195a8ffc3c7b84cccd37c7b7420275a2e11570c7', description: 'public inbox for nvdimm@lists.linux.dev [epoch 0]', owner: null },
});

describe('parseManifest', () => {
  it('reads every epoch of the list in number order', () => {
    expect(parseManifest(REAL, 'nvdimm')).toEqual({
      ok: true,
      problems: [],
      epochs: [
        { n: 0, fingerprint: '195a8ffc3c7b84cccd37c7b7420275a2e11570c7', modified: 1644858112 },
        { n: 1, fingerprint: '47b77cf55f159a373f99e89e8f0220142cf0a782', modified: 1621576867 },
      ],
    });
  });

  it('ignores other inboxes and other repositories', () => {
    const m = JSON.stringify({ '/nvdimm2/git/0.git': { fingerprint: 'a'.repeat(40) }, '/other/git/0.git': {}, '/nvdimm/all.git': {}, '/x/nvdimm/git/3.git': { fingerprint: 'b'.repeat(40), modified: 5 } });
    expect(parseManifest(m, 'nvdimm').epochs).toEqual([{ n: 3, fingerprint: 'b'.repeat(40), modified: 5 }]);
  });

  it('keeps an epoch with a bad fingerprint, as changed, and says so', () => {
    const r = parseManifest(JSON.stringify({ '/nvdimm/git/0.git': { fingerprint: 'nope', modified: 'yesterday' } }), 'nvdimm');
    expect(r.epochs).toEqual([{ n: 0, fingerprint: null, modified: null }]);
    expect(r.problems.map((p) => p.message)).toEqual([
      '/nvdimm/git/0.git: no valid "fingerprint" (expected 40 hex digits; found "nope"); the epoch is fetched to be sure',
      '/nvdimm/git/0.git: "modified" is not a number (found "yesterday")',
    ]);
  });

  it('is not ok for text that is not a manifest', () => {
    const messages = (r: ReturnType<typeof parseManifest>) => ({ ...r, problems: r.problems.map((p) => p.message) });
    expect(messages(parseManifest('<html>oops</html>', 'nvdimm'))).toMatchObject({ ok: false, epochs: [], problems: [expect.stringContaining('not JSON')] });
    expect(messages(parseManifest('[1,2]', 'nvdimm'))).toMatchObject({ ok: false, problems: [expect.stringContaining('expected a JSON object')] });
    expect(parseManifest('{}', 'nvdimm')).toEqual({ ok: true, epochs: [], problems: [] });
  });
});
