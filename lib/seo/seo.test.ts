import { describe, expect, it } from 'vitest';
import { everyLocale, pageMetadata } from './seo';

describe('pageMetadata', () => {
  it('links both locales with hreflang (and x-default) when the page exists in both', () => {
    const meta = pageMetadata('en', everyLocale((l) => `/${l}/glossary/`), { title: 'Glossary', description: 'd' });
    expect(meta.alternates?.canonical).toBe('/en/glossary/');
    expect(meta.alternates?.languages).toEqual({ 'zh-CN': '/zh/glossary/', en: '/en/glossary/', 'x-default': '/zh/glossary/' });
    expect(meta.openGraph).toMatchObject({ title: 'Glossary · MQ Lab', locale: 'en_US', alternateLocale: ['zh_CN'] });
  });

  it('writes no hreflang for a page that exists in one locale only', () => {
    const meta = pageMetadata('zh', { zh: '/zh/learn/kafka/acks/' }, { title: 't', description: 'd' });
    expect(meta.alternates?.languages).toEqual({});
  });

  it('refuses a page without a path in its own locale', () => {
    expect(() => pageMetadata('en', { zh: '/zh/' }, { title: 't', description: 'd' })).toThrow();
  });
});
