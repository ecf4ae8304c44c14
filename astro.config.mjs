// The static site: Astro renders thread, list and search pages from the store named by
// $PATCHLORE_DB into $PATCHLORE_OUT (default ./site). Run it through `patchlore build`.
import { defineConfig, passthroughImageService } from 'astro/config';
import { patchloreSite } from './src/build/integration.ts';

export default defineConfig({
  output: 'static',
  outDir: process.env.PATCHLORE_OUT || './site',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', assets: '_assets' },
  image: { service: passthroughImageService() },
  devToolbar: { enabled: false },
  integrations: [patchloreSite()],
  vite: {
    ssr: { external: ['better-sqlite3'] },
    build: { assetsInlineLimit: 0 },
  },
});
