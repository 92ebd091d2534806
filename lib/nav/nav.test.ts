import { describe, expect, it } from 'vitest';
import type { LessonFrontmatter } from '@/lib/content/schema';
import { locate, type NavNode } from './nav';
import { buildNavTree } from './site-nav';

const tree: NavNode = {
  title: 'Home',
  href: '/en/',
  children: [
    { title: 'A', href: '/en/a/', children: [{ title: 'A1', href: '/en/a/1/' }, { title: 'A2', href: '/en/a/2/' }] },
    { title: 'B', href: '/en/b/', children: [] },
    { title: 'C', href: '/en/c/', children: [{ title: 'C1', href: '/en/c/1/' }] },
  ],
};

describe('locate', () => {
  it('gives breadcrumbs from the root and neighbours inside a section', () => {
    expect(locate(tree, '/en/a/1/')).toEqual({
      breadcrumbs: [
        { title: 'Home', href: '/en/' },
        { title: 'A', href: '/en/a/' },
        { title: 'A1', href: '/en/a/1/' },
      ],
      prev: null,
      next: { title: 'A2', href: '/en/a/2/' },
    });
  });

  it('crosses sections and skips empty ones', () => {
    const pos = locate(tree, '/en/a/2/');
    expect(pos.prev?.href).toBe('/en/a/1/');
    expect(pos.next?.href).toBe('/en/c/1/');
    expect(locate(tree, '/en/c/1/')).toMatchObject({ prev: { href: '/en/a/2/' }, next: null });
  });

  it('gives sections breadcrumbs but no prev/next', () => {
    expect(locate(tree, '/en/b/')).toEqual({
      breadcrumbs: [{ title: 'Home', href: '/en/' }, { title: 'B', href: '/en/b/' }],
      prev: null,
      next: null,
    });
    expect(locate(tree, '/en/')).toMatchObject({ breadcrumbs: [{ href: '/en/' }], prev: null, next: null });
  });

  it('returns an empty position for an unknown href', () => {
    expect(locate(tree, '/en/nope/')).toEqual({ breadcrumbs: [], prev: null, next: null });
  });
});

describe('buildNavTree', () => {
  const fm = (title: string, track: LessonFrontmatter['track'], order: number) => ({ title, track, order }) as LessonFrontmatter;
  const lessons = [
    { locale: 'en' as const, track: 'kafka' as const, slug: 'k2', frontmatter: fm('K2', 'kafka', 2) },
    { locale: 'en' as const, track: 'kafka' as const, slug: 'k1', frontmatter: fm('K1', 'kafka', 1) },
    { locale: 'en' as const, track: 'basics' as const, slug: 'b1', frontmatter: fm('B1', 'basics', 1) },
    { locale: 'zh' as const, track: 'basics' as const, slug: 'b1', frontmatter: fm('乙一', 'basics', 1) },
  ];

  it('orders tracks as TRACKS and lessons by order, per locale', () => {
    const root = buildNavTree('en', lessons);
    expect(root.children?.map((t) => [t.href, t.children?.map((l) => l.title)])).toEqual([
      ['/en/learn/basics/', ['B1']],
      ['/en/learn/rabbitmq/', []],
      ['/en/learn/kafka/', ['K1', 'K2']],
      ['/en/learn/rocketmq/', []],
    ]);
    expect(locate(root, '/en/learn/basics/b1/').next).toEqual({ title: 'K1', href: '/en/learn/kafka/k1/' });
    expect(buildNavTree('zh', lessons).children?.[0].children).toEqual([{ title: '乙一', href: '/zh/learn/basics/b1/' }]);
  });
});
