// The Astro adapter of `patchlore build`: Astro compiles the pages once per source version into a
// server bundle (ingest/publish/site-bundle-fs.ts), and the build renders, in its own workers,
// exactly the pages it needs (src/build/render-worker.ts). The bundle's entry
// (render-entry.ts) hands over Astro's manifest and an App; this file only declares it. It does
// not serve anything: no server is started from the bundle.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export const RENDER_ADAPTER = 'patchlore-render';

export function renderAdapter(): AstroIntegration {
  return {
    name: RENDER_ADAPTER,
    hooks: {
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: RENDER_ADAPTER,
          serverEntrypoint: fileURLToPath(new URL('./render-entry.ts', import.meta.url)),
          exports: ['site'],
          supportedAstroFeatures: { serverOutput: 'stable', staticOutput: 'stable', hybridOutput: 'stable' },
        });
      },
    },
  };
}
