import type { MetadataRoute } from 'next';
import { SITE_URL } from '@/lib/seo/seo';

// Static export: emitted once as out/robots.txt.
export const dynamic = 'force-static';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/zh/blank/', '/en/blank/'] },
    sitemap: `${SITE_URL}/sitemap.xml`,
  };
}
