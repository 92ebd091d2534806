import { describe, expect, it } from 'vitest';
import { countQuizTags, extractHeadings, extractSimulations } from './headings';

describe('extractHeadings', () => {
  it('reads ## and ### with explicit ids and strips inline markers from the text', () => {
    const { headings, problems } = extractHeadings('# Title\n\n## The `acks` setting {/*acks*/}\n\n### **Bold** {/*bold*/}\n#### Minor\n');
    expect(problems).toEqual([]);
    expect(headings).toEqual([
      { depth: 2, id: 'acks', text: 'The acks setting', line: 3 },
      { depth: 3, id: 'bold', text: 'Bold', line: 5 },
    ]);
  });

  it('ignores headings inside fenced code, including nested fence markers of another kind', () => {
    const source = '```md\n## Not a heading\n~~~\n## Still code\n```\n\n~~~\n## Code too\n~~~\n## Real {/*real*/}\n';
    expect(extractHeadings(source).headings.map((h) => h.id)).toEqual(['real']);
  });

  it('reports missing, malformed, duplicate and reserved ids with line numbers', () => {
    const { problems } = extractHeadings('## A\n## B {/*b*/}\n## C {/*b*/}\n## D {/*Bad Id*/}\n## E {/*quiz*/}\n');
    expect(problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '1: expected an explicit id, e.g. "## Title {/*stable-id*/}"',
      '3: duplicate id "b" (first used on line 2)',
      '4: id "Bad Id" must be lowercase words joined by "-"',
      '5: id "quiz" is reserved for the page itself',
    ]);
  });
});

describe('body scanners', () => {
  it('finds <Simulation scenario> ids and counts <Quiz> tags outside code', () => {
    const source = '<Simulation scenario="kafka-acks" />\n\n```mdx\n<Simulation scenario="in-code" />\n<Quiz />\n```\n\n<Quiz />\n';
    expect(extractSimulations(source)).toEqual(['kafka-acks']);
    expect(countQuizTags(source)).toBe(1);
  });
});
