// Splits text into runs of Chinese and of other script, so that Chinese names quoted inside
// English-only notes (四川在线, 市科技局) can be marked lang="zh" on an English page.
import { splitMatches } from './split-matches.ts';

/** A run of text and whether it is Chinese. */
export interface ScriptSpan {
  text: string;
  zh: boolean;
}

// Han characters with the CJK punctuation and full-width forms that go with them.
const HAN = /[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]+/g;

/** `text` split into Chinese and other runs, in order. */
export function scriptSpans(text: string): ScriptSpan[] {
  return splitMatches(text, HAN).map((p) => ({ text: p.text, zh: p.match !== undefined }));
}
