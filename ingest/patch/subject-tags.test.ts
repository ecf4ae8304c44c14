import { describe, expect, it } from 'vitest';
import type { SubjectTags } from '../types.ts';
import { parseSubject } from './subject-tags.ts';

type Expect = Partial<SubjectTags>;

describe('parseSubject', () => {
  it.each<[string, Expect]>([
    ['[RFC PATCH v3 05/10] mm: foo', { patch: true, rfc: true, version: '3', index: 5, total: 10, title: 'mm: foo', prefixes: [] }],
    ['[PATCHv3 1/5] net: bar', { patch: true, version: '3', index: 1, total: 5, title: 'net: bar' }],
    ['[PATCH v5.1 10/12] fsdax: baz', { version: '5.1', index: 10, total: 12 }],
    ['[PATCH 1 of 3] hg: patchbomb', { index: 1, total: 3, title: 'hg: patchbomb' }],
    ['[net-next PATCH v2 3/7] tcp: x', { version: '2', index: 3, total: 7, prefixes: ['net-next'] }],
    ['[ndctl PATCH] ndctl: Update nvdimm mailing list address', { patch: true, version: null, index: null, prefixes: ['ndctl'] }],
    ['[PATCH RESEND v6 0/9] fsdax: introduce fs query to support reflink', { resend: true, version: '6', index: 0, total: 9 }],
    ['[RESEND PATCH v8 0/9] fsdax: introduce fs query to support reflink', { resend: true, version: '8', index: 0, total: 9 }],
    ['[mm-unstable PATCH] mm/memremap: fix pgmap_request_folio() stub', { patch: true, prefixes: ['mm-unstable'] }],
    ['[PATCH v7 0/8] [PATCH v7 0/8] fsdax: introduce fs query to support reflink', { version: '7', index: 0, total: 8, title: 'fsdax: introduce fs query to support reflink' }],
    ['PATCH v7 0/8] [PATCH v7 0/8] fsdax: introduce fs query', { version: '7', index: 0, total: 8, title: 'fsdax: introduce fs query' }],
    ['[PATCHSETS] v14 fsdax-rmap + v11 fsdax-reflink', { patch: true, version: '14', title: 'fsdax-rmap + v11 fsdax-reflink' }],
    ['[PATCHSETS v2] v14 fsdax-rmap + v11 fsdax-reflink', { version: '2', title: 'v14 fsdax-rmap + v11 fsdax-reflink' }],
    ['[Nouveau] [PATCH 2/3] drm/nouveau: fix', { index: 2, total: 3, prefixes: ['Nouveau'] }],
    ['Re: [PATCH v2 01/14] memory-failure: fetch', { reply: true, version: '2', index: 1, total: 14 }],
    ['RE: [PATCH v6.1 6/7] fs/xfs: Handle CoW', { reply: true, version: '6.1', index: 6, total: 7 }],
    ['Aw: [PATCH] x', { reply: true, patch: true, title: 'x' }],
    ['Fwd: [regression] ndctl destroy-namespace operation hang', { forward: true, patch: false, prefixes: ['regression'] }],
    ['[Nouveau] Re: [PATCH] drm: y', { reply: true, patch: true, prefixes: ['Nouveau'], title: 'drm: y' }],
    ['Re: Re: [PATCH] twice', { reply: true, title: 'twice' }],
    ['[PATCH] dax: fix something (v2)', { version: '2', title: 'dax: fix something' }],
    ['[RFC 00/10] fs/dax: Fix FS DAX page reference counts', { patch: true, rfc: true, index: 0, total: 10, version: null }],
    ['[RESEND-PATCH v2] powerpc/papr_scm: Add support', { resend: true, patch: true, version: '2' }],
    ['[ndctl PATCH 1/2 v2 RESEND] libndctl/msft: Cleanup the code', { resend: true, version: '2', index: 1, total: 2, prefixes: ['ndctl'] }],
    ['[RESEND v2] ACPI: NFIT: limit string attribute write', { resend: true, patch: true, version: '2' }],
    ['[PATCH -next] dax: z', { patch: true, prefixes: ['-next'] }],
    ['[GIT PULL] libnvdimm for v5.16', { patch: false, kind: 'GIT PULL', title: 'libnvdimm for v5.16' }],
    ['[PATCH v1 1/1] one', { version: '1', index: 1, total: 1 }],
    ['start sorting out the ZONE_DEVICE refcount mess', { patch: false, title: 'start sorting out the ZONE_DEVICE refcount mess' }],
    ['start sorting out the ZONE_DEVICE refcount mess v2', { version: '2', title: 'start sorting out the ZONE_DEVICE refcount mess' }],
    ['Re: decouple DAX from block devices V3', { reply: true, version: '3', title: 'decouple DAX from block devices' }],
    ['[PATCH v4] fix for CXL v2', { version: '4', title: 'fix for CXL v2' }],
    ['[PATCH] cxl: fixes for v6', { version: null, title: 'cxl: fixes for v6' }],
    ['dax: v2', { version: null, title: 'dax: v2' }],
    ['RFC: switch iomap to an iterator model', { rfc: true, patch: true, title: 'switch iomap to an iterator model' }],
    ['Subject: [PATCH 0/8] dax/kmem: add runtime hotplug state control', { patch: true, index: 0, total: 8, title: 'dax/kmem: add runtime hotplug state control' }],
    ['Re: Subject: [PATCH 3/8] dax/kmem: x', { reply: true, index: 3, total: 8, title: 'dax/kmem: x' }],
    ['', { patch: false, title: '' }],
  ])('%s', (subject, expected) => {
    expect(parseSubject(subject)).toMatchObject(expected);
  });

  it('does not loop on pathological subjects', () => {
    const s = 'Re: '.repeat(5000) + '[x]'.repeat(5000) + ' t';
    expect(parseSubject(s).reply).toBe(true);
  });
});
