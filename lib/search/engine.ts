/**
 * A small static search engine, shared by the build (index) and the browser (query). Client-safe: no imports.
 *
 * Tokens: Chinese has no spaces, so every run of Han characters is indexed as overlapping character bigrams
 * ("死信队列" → 死信 信队 队列; a lone character stays a unigram). Latin text keeps technical terms whole
 * ("acks=all", "x-dead-letter-exchange", "__consumer_offsets", "min.insync.replicas") AND adds their parts
 * (acks, all, dead, letter …), so both the exact key and a word inside it match. Queries are tokenized the same
 * way and every query token must match (AND); the last Latin token also matches as a prefix (typing "idempot").
 */

export type SearchKind = 'lesson' | 'question' | 'quiz' | 'term' | 'scenario';

export interface SearchDoc {
  /** Kind of result (labels and grouping in the UI). */
  k: SearchKind;
  /** Title shown as the result's link text. */
  t: string;
  /** URL (site-relative). */
  u: string;
  /** Short context line under the title. */
  s?: string;
  /** BCP 47 language of the doc when it differs from the page (untranslated lessons). */
  l?: string;
}

/** Text of one field of a doc, with its weight in the score. */
export interface SearchField {
  text: string;
  weight: number;
}

export interface SearchIndex {
  docs: SearchDoc[];
  /** token → flat [docIndex, score, docIndex, score, …], docIndex ascending. Flat arrays keep the JSON small. */
  postings: Record<string, number[]>;
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** Runs of Han characters, or Latin/digit words that may contain the joiners of config keys (. = - _ %). */
const CHUNK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9_%][a-z0-9_.=%-]*/g;

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const [chunk] of text.toLowerCase().normalize('NFKC').matchAll(CHUNK)) {
    if (HAN.test(chunk[0])) {
      if (chunk.length === 1) tokens.push(chunk);
      for (let i = 0; i + 1 < chunk.length; i++) tokens.push(chunk.slice(i, i + 2));
      continue;
    }
    // Trailing joiners come from prose punctuation ("offset." "acks=") and are not part of the term.
    const word = chunk.replace(/[.=-]+$/, '');
    if (!word) continue;
    tokens.push(word);
    const parts = word.split(/[.=_%-]+/).filter(Boolean);
    if (parts.length > 1) tokens.push(...parts);
  }
  return tokens;
}

/** Builds the index; a doc's score for a token is the sum of the weights of the fields containing it (each once). */
export function buildIndex(entries: { doc: SearchDoc; fields: SearchField[] }[]): SearchIndex {
  const postings: Record<string, number[]> = {};
  entries.forEach(({ fields }, docIndex) => {
    const scores = new Map<string, number>();
    for (const { text, weight } of fields) {
      for (const token of new Set(tokenize(text))) scores.set(token, (scores.get(token) ?? 0) + weight);
    }
    for (const [token, score] of scores) (postings[token] ??= []).push(docIndex, score);
  });
  return { docs: entries.map((e) => e.doc), postings };
}

/** A queryable index: the vocabulary sorted once for prefix lookups. */
export interface LoadedIndex extends SearchIndex {
  vocabulary: string[];
}

export function loadIndex(index: SearchIndex): LoadedIndex {
  return { ...index, vocabulary: Object.keys(index.postings).sort() };
}

/** Scores per doc of one token, or of every vocabulary word starting with it (the best score per doc). */
function lookup(index: LoadedIndex, token: string, prefix: boolean): Map<number, number> {
  const out = new Map<number, number>();
  const add = (list: number[] | undefined) => {
    if (!list) return;
    for (let i = 0; i < list.length; i += 2) out.set(list[i], Math.max(out.get(list[i]) ?? 0, list[i + 1]));
  };
  if (!prefix) {
    add(index.postings[token]);
    return out;
  }
  const { vocabulary } = index;
  let lo = 0;
  let hi = vocabulary.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (vocabulary[mid] < token) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < vocabulary.length && vocabulary[i].startsWith(token); i++) add(index.postings[vocabulary[i]]);
  return out;
}

export function search(index: LoadedIndex, query: string, limit = 30): SearchHit[] {
  const tokens = [...new Set(tokenize(query))];
  if (tokens.length === 0) return [];
  const last = tokens[tokens.length - 1];
  let scores: Map<number, number> | null = null;
  for (const token of tokens) {
    const prefix = token === last && !HAN.test(token[0]);
    const found = lookup(index, token, prefix);
    if (scores === null) {
      scores = found;
      continue;
    }
    const next = new Map<number, number>();
    for (const [doc, score] of scores) {
      const s = found.get(doc);
      if (s !== undefined) next.set(doc, score + s);
    }
    scores = next;
    if (scores.size === 0) break;
  }
  return [...(scores ?? new Map<number, number>())]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([doc, score]) => ({ doc: index.docs[doc], score }));
}

/** Hits of one kind, for display under that kind's heading. */
export interface HitGroup {
  kind: SearchKind;
  hits: SearchHit[];
}

/**
 * Groups ranked hits by kind for display (the search page and the Ctrl/⌘+K dialog alike): a group stands where its
 * best hit ranked, and keeps its hits in rank order, so the best result overall is still the first one shown.
 */
export function groupByKind(hits: SearchHit[]): HitGroup[] {
  const groups = new Map<SearchKind, SearchHit[]>();
  for (const hit of hits) {
    const list = groups.get(hit.doc.k);
    if (list) list.push(hit);
    else groups.set(hit.doc.k, [hit]);
  }
  return [...groups].map(([kind, list]) => ({ kind, hits: list }));
}
