// The engine and the XMILE reader run unchanged in browsers: no Node-only APIs in them.
// (src/model/engine/node/ is the Node side, chosen by the "#mathjs" import condition; the
// browser build takes src/model/engine/mathjs-browser.ts instead.)
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

describe('portability', () => {
  it('keeps the Node-only code of the engine in engine/node/, reached only through the #mathjs condition', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.imports['#mathjs']).toEqual({ node: './src/model/engine/node/mathjs.ts', default: './src/model/engine/mathjs-browser.ts' });
    expect(readdirSync(join(ROOT, 'src/model/engine/node')).sort()).toEqual(['mathjs.ts', 'runner-cache.ts']);
    const { parse } = await import('#mathjs');
    expect((parse('a + 1') as unknown as { type: string }).type).toBe('OperatorNode');
  });

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
