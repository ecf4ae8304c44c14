import { describe, expect, it } from 'vitest';
import { isAttributionLine, joinWrappedAttribution, parseAttribution } from './attribution-line.ts';

describe('parseAttribution', () => {
  it.each([
    ['Jason Gunthorpe wrote:', 'Jason Gunthorpe', ''],
    ['On Thu, Apr 11, 2024 at 10:57:28AM +1000, Alistair Popple wrote:', 'Alistair Popple', ''],
    ['On Fri, Apr 12, 2024 at 04:55:31PM +1000, Alistair Popple wrote:', 'Alistair Popple', ''],
    ['On Mon, Feb 7, 2022 at 2:42 PM Christoph Hellwig <hch@lst.de> wrote:', 'Christoph Hellwig', 'hch@lst.de'],
    ['On 11.04.24 02:57, Alistair Popple wrote:', 'Alistair Popple', ''],
    ['On 2022-02-06 11:32 p.m., Christoph Hellwig wrote:', 'Christoph Hellwig', ''],
    ['On Thursday, 10 February 2022 4:48:36 AM AEDT Christoph Hellwig wrote:', 'Christoph Hellwig', ''],
    ['Dan Williams <dan.j.williams@intel.com> writes:', 'Dan Williams', 'dan.j.williams@intel.com'],
    ['* Jason Gunthorpe <jgg@nvidia.com> [240412 10:00]:', 'Jason Gunthorpe', 'jgg@nvidia.com'],
    ['Quoting Dan Williams (2024-04-12 09:00:00)', 'Dan Williams', ''],
    ['Am 12.04.24 um 10:00 schrieb David Hildenbrand:', 'David Hildenbrand', ''],
    ['On Wed, Feb 09, 2022 at 08:29:56AM -0400, Jason Gunthorpe wrote:', 'Jason Gunthorpe', ''],
    ['"Darrick J. Wong" <djwong@kernel.org> wrote:', 'Darrick J. Wong', 'djwong@kernel.org'],
    ['On Tue, 2024-04-16 at 10:00 +0200, jgg@nvidia.com wrote:', '', 'jgg@nvidia.com'],
    // An archive page that hides addresses (lkml.iu.edu): the name without the remains.
    ['On Thu, Oct 1, 2020 at 11:17 AM Ralph Campbell <rcampbell@xxxxxxxxxx> wrote:', 'Ralph Campbell', ''],
  ])('%s', (line, name, email) => {
    expect(parseAttribution(line)).toEqual({ name, email });
  });

  it('is not fooled by sentences that end in "said:" or "wrote:"', () => {
    expect(isAttributionLine('As I explained in the thread about the page refcount rework last year, Dan wrote:')).toBe(false);
    expect(parseAttribution('The changelog says:')).toBeNull();
  });

  it('joins an attribution a mail client wrapped', () => {
    const joined = joinWrappedAttribution('On Thu, Apr 11, 2024 at 10:57:28AM +1000, Alistair', 'Popple wrote:');
    expect(joined && parseAttribution(joined)).toEqual({ name: 'Alistair Popple', email: '' });
    expect(joinWrappedAttribution('Some text', 'Popple wrote:')).toBeNull();
  });
});
