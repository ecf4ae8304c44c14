import { describe, expect, it } from 'vitest';
import { followupTrailers, patchTrailers, trailerMatchesSender, trailerPerson } from './trailers.ts';

const sender = { name: 'Followup Reviewer1', email: 'followup-reviewer1@example.com' };

describe('patchTrailers', () => {
  it('reads the last paragraph of the commit message, not the changelog below ---', () => {
    const body = `Follow-up trailer collating test.

Fixes: abcdef01234567890
Reviewed-by: Original Reviewer <original-reviewer@example.com>
Link: https://msgid.link/some@msgid.here  # initial submission
Signed-off-by: Original Submitter <original-submitter@example.com>
---
v2: Reviewed-by: Not A Trailer <x@y.z>
diff --git a/x b/x
`;
    expect(patchTrailers(body).map((t) => [t.name, t.value])).toEqual([
      ['Fixes', 'abcdef01234567890'],
      ['Reviewed-by', 'Original Reviewer <original-reviewer@example.com>'],
      ['Link', 'https://msgid.link/some@msgid.here # initial submission'],
      ['Signed-off-by', 'Original Submitter <original-submitter@example.com>'],
    ]);
  });

  it('finds the trailer block above a changelog the author left in the commit message', () => {
    // Shaped like "[PATCH v9 20/20] device/dax: Properly refcount device dax pages when mapping".
    const body = `Device DAX pages are not reference counted.

Reported-by: Someone: with a colon <not@trailer.example>
is prose, not a trailer block.

Signed-off-by: Patch Author <author@example.com>

Changes for v9:
 - Fix warnings, reported by Reviewer: thanks.
---
 drivers/dax/device.c | 15 +++++++++------
`;
    expect(patchTrailers(body).map((t) => t.value)).toEqual(['Patch Author <author@example.com>']);
    // Without a Signed-off-by, a trailing changelog paragraph has no trailer block to fall back on.
    expect(patchTrailers('Text.\n\nNote: this is prose.\n\nChanges in v2:\n- foo\n---\n')).toEqual([]);
  });

  it('joins a wrapped address and keeps names with commas and quotes', () => {
    expect(patchTrailers('x\n\nSigned-off-by: Very Long Name\n<long@example.com>\nReported-by: "Doe, Jane" <jane@example.com>\n').map((t) => [t.person, t.email])).toEqual([
      ['Very Long Name', 'long@example.com'],
      ['Doe, Jane', 'jane@example.com'],
    ]);
  });
});

describe('followupTrailers', () => {
  it('takes the reply\'s own trailers, never quoted ones or the signature', () => {
    const body = `> Reviewed-by: Someone Else <else@example.com>
>> Acked-by: Deeper <deeper@example.com>

Reviewed-by: Followup Reviewer1 <followup-reviewer1@example.com>
Subject: not a trailer <a@b.c>
Acked-by: see https://example.org/why <x@y.z>
Link: https://lore.kernel.org/r/x@y

-- 
Acked-by: In Signature <sig@example.com>
`;
    expect(followupTrailers(body, sender).map((t) => t.value)).toEqual(['Followup Reviewer1 <followup-reviewer1@example.com>', 'https://lore.kernel.org/r/x@y']);
  });

  it('reads trailers as b4 does: any one-word name with an address, Fixes without one, no links, no headers', () => {
    const body = `Thanks, this fixes the crash for me.

Tested-by: Followup Reviewer1 <followup-reviewer1@example.com> # arm64
Reported-and-tested-by: Followup Reviewer1 <followup-reviewer1@example.com>
Fixes: 0123456789ab ("foo: bar")
Link: https://lore.kernel.org/r/20240101.abc@example.org
Acked-by: see https://example.org/why <followup-reviewer1@example.com>
Cc: stable@vger.kernel.org
Date: Mon, 1 Jan 2024 00:00:00 +0000
base-commit: 0123456789abcdef0123456789abcdef01234567
Phone: +1 555 0100 <phone@example.com>
Acked-by: nobody in particular
`;
    expect(followupTrailers(body, sender).map((t) => `${t.name}: ${t.value}`)).toEqual([
      'Tested-by: Followup Reviewer1 <followup-reviewer1@example.com> # arm64',
      'Reported-and-tested-by: Followup Reviewer1 <followup-reviewer1@example.com>',
      'Fixes: 0123456789ab ("foo: bar")',
      'Link: https://lore.kernel.org/r/20240101.abc@example.org',
    ]);
    // The comment is not part of who gave it.
    expect(followupTrailers(body, sender)[0]).toMatchObject({ person: 'Followup Reviewer1', email: 'followup-reviewer1@example.com' });
  });

  it('stops at a scissors line: the patch below it has trailers of its own', () => {
    // Shaped like Dan Williams' review of "[PATCH v6 21/26] fs/dax: Properly refcount fs dax pages",
    // which ends with a patch of his own.
    const body = `As I only have cosmetic comments you can add:

Reviewed-by: Followup Reviewer1 <followup-reviewer1@example.com>

...and here is that patch:

-- 8< --
Subject: dcssblk: Mark DAX broken

Link: https://lore.kernel.org/r/x@y [1]
Signed-off-by: Followup Reviewer1 <followup-reviewer1@example.com>
`;
    expect(followupTrailers(body, sender).map((t) => t.name)).toEqual(['Reviewed-by']);
  });

  it('needs an address for a person-trailer and cleans mailto junk', () => {
    expect(followupTrailers('Acked-by: nobody\n', sender)).toEqual([]);
    expect(followupTrailers('Reviewed-by: HTML Junker <html-junker@example.com<mailto:html-junker@example.com>>\n', sender)[0]!.value).toBe(
      'HTML Junker <html-junker@example.com>',
    );
  });

  it('reads a standalone NAK as a Nacked-by from the sender', () => {
    expect(followupTrailers('> some patch\n\nNAK.\n', sender)).toEqual([
      { name: 'Nacked-by', value: 'Followup Reviewer1 <followup-reviewer1@example.com>', person: 'Followup Reviewer1', email: 'followup-reviewer1@example.com' },
    ]);
    expect(followupTrailers('I would NAK this if\n', sender)).toEqual([]);
  });

  it('names a NAK sender without an address by name alone, and one without a name by address', () => {
    expect(followupTrailers('NAK\n', { name: 'Only Name', email: '' })[0]!.value).toBe('Only Name');
    expect(followupTrailers('NAK\n', { name: '', email: 'only@example.com' })[0]!.value).toBe('only@example.com');
  });
});

describe('trailerMatchesSender', () => {
  const t = (value: string) => ({ name: 'Reviewed-by', value, ...trailerPerson(value) });
  it.each([
    ['Followup Reviewer1 <followup-reviewer1@example.com>', true],
    ['Followup Reviewer1 (corporate) <followup-reviewer1@example.com>', true],
    ['F R <FOLLOWUP-REVIEWER1+lists@EXAMPLE.com>', true],
    ['F R <followup-reviewer1@mail.example.com>', true],
    // b4 allows one level of subdomain, not more.
    ['F R <followup-reviewer1@a.b.example.com>', false],
    ['Followup Reviewer1 <other@example.org>', true],
    ['Mismatched Reviewer1 <mismatched-reviewer1@example.net>', false],
  ])('%s -> %s', (value, expected) => {
    expect(trailerMatchesSender(t(value), sender)).toBe(expected);
  });
});
