import path from 'node:path';
import type { NextConfig } from 'next';
import createMDX from '@next/mdx';
import { sourceHash } from './scripts/build-inputs.mjs';

/*
 * Static export only: no redirects, rewrites, headers, middleware or server actions can exist in this app.
 * Trap: any `webpack()` key breaks the Turbopack build, and MDX plugins must be strings (module names or absolute
 * paths) because Turbopack passes loader options across a process boundary as JSON.
 */
const withMDX = createMDX({
  extension: /\.mdx$/,
  options: {
    remarkPlugins: ['remark-frontmatter', 'remark-gfm', path.join(process.cwd(), 'lib/mdx/remark-lesson.mjs')],
  },
});

const nextConfig: NextConfig = {
  output: 'export',
  trailingSlash: true,
  images: { unoptimized: true },
  pageExtensions: ['ts', 'tsx'],
  reactStrictMode: true,
  poweredByHeader: false,
  // Reproducible export: the same sources give the same files, so the service worker's version (a hash of them,
  // scripts/gen-sw.mjs) changes only when something did. Next's default build id is random per build.
  generateBuildId: () => sourceHash(process.cwd()),
  experimental: {
    // Two root layouts (`app/(root)` for `/` and `app/[locale]`) leave no single layout for a 404 page, so the
    // 404 is `app/global-not-found.tsx`; static export writes it to out/404.html.
    globalNotFound: true,
  },
};

export default withMDX(nextConfig);
