// How the site's Astro integration names its steps in Astro's log, so that `patchlore build` can
// show them as progress (ingest/publish/build-site-fs.ts reads the log). Pure.

/** Marks a step line: "[patchlore-site] step: writing message pages". */
export const INTEGRATION_STEP = 'step:';
