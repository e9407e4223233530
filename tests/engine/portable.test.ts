// The engine and the XMILE reader run unchanged in browsers: no Node-only APIs in them.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

describe('portability', () => {
  for (const dir of ['src/model/engine', 'src/model/xmile']) {
    it(`${dir} uses no Node-only APIs`, () => {
      for (const f of readdirSync(join(ROOT, dir)).filter((n) => n.endsWith('.ts'))) {
        const text = readFileSync(join(ROOT, dir, f), 'utf8');
        expect(text, f).not.toMatch(/from ['"](node:|fs|path|os|crypto|child_process|worker_threads)['"/]/);
        expect(text, f).not.toMatch(/\b(process|Buffer|require|__dirname)\s*[.(]/);
      }
    });
  }
});
