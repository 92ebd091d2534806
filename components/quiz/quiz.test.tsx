import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { en } from '@/lib/i18n/en';
import { Predict } from './items';
import { lessonFromPath } from './record';

describe('lessonFromPath', () => {
  it('reads the lesson key from a lesson URL only', () => {
    expect(lessonFromPath('/zh/learn/kafka/isr-and-hw/')).toBe('kafka/isr-and-hw');
    expect(lessonFromPath('/en/learn/basics/what-is-mq')).toBe('basics/what-is-mq');
    expect(lessonFromPath('/en/learn/basics/')).toBeNull();
    expect(lessonFromPath('/en/practice/')).toBeNull();
  });
});

describe('Predict', () => {
  it('prerenders the prompt and yes / no choices, with no verdict before checking', () => {
    const html = renderToStaticMarkup(
      <Predict
        item={{ id: 'p', kind: 'predict', prompt: 'Will m3 be lost?', scenario: 's', check: { message: 'm3', fate: 'lost' }, explanation: 'Because.', difficulty: 2 }}
        strings={en.quiz}
        expected
      />,
    );
    expect(html).toContain('Will m3 be lost?');
    expect(html).toContain('>Yes<');
    expect(html).toContain('>No<');
    expect(html).not.toContain('data-result');
  });
});
