// The site's pages, compiled by Astro into a server bundle (the render adapter,
// src/build/render-adapter.ts) in $PATCHLORE_BUNDLE_OUT. `patchlore build` compiles it once per
// source version (ingest/publish/site-bundle-fs.ts) and renders from it the pages a build needs,
// from the store named by $PATCHLORE_DB. Run it through `patchlore build`.
import { defineConfig, passthroughImageService } from 'astro/config';
import { renderAdapter } from './src/build/render-adapter.ts';

export default defineConfig({
  output: 'server',
  adapter: renderAdapter(),
  outDir: process.env.PATCHLORE_BUNDLE_OUT || './.cache/site-bundle/dev',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', assets: '_assets' },
  image: { service: passthroughImageService() },
  devToolbar: { enabled: false },
  vite: {
    ssr: { external: ['better-sqlite3'] },
    build: { assetsInlineLimit: 0 },
  },
});
