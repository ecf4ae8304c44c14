// Series of the wish1 threads the Patchwork rig's triage decides on (its rig/wish1-triage.json),
// by the Message-ID that names them there (the cover letter, else patch 1), and the thread files
// of the corpus that hold two of them. Shared by the Patchwork tests.
export const FSDAX_V9 = 'cover.8068ad144a7eea4a813670301f4d2a86a8e68ec4.1740713401.git-series.apopple@nvidia.com';
export const FSDAX_V8 = 'cover.a782e309b1328f961da88abddbbc48e5b4579021.1739850794.git-series.apopple@nvidia.com';
export const FSDAX_RFC = 'cover.fe275e9819458a4bbb9451b888cafb88af8867d4.1712796818.git-series.apopple@nvidia.com';
export const DAXGUP_V3 = '166579181584.2236710.17813547487183983273.stgit@dwillia2-xfh.jf.intel.com';
export const VM_NORMAL_V3 = '20250811112631.759341-1-david@redhat.com';
export const FSDAX_2026_V2 = '20260511214020.208939-1-souvik@amlalabs.com';
export const SPARSE_V9 = '20220420155310.9712-1-joao.m.martins@oracle.com';

/** Thread files (nvdimm/threads/wish1/) of fs/dax v9 and sparse-vmemmap v9. */
export const FSDAX_V9_FILE = '2025-02-28_patch-v9-00-20-fs-dax-fix-zone-device-page-reference-counts.mbox.gz';
export const SPARSE_V9_FILE = '2022-04-20_patch-v9-0-5-sparse-vmemmap-memory-savings-for-compound-devmaps-device-dax.mbox.gz';
