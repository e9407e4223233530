import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { generateModelDoc, modelSections, parameterRegistry } from '../../src/model/chengyu/index.ts';
import { LEVERS } from '../../src/model/scenario/levers.ts';

const doc = generateModelDoc();

describe('generated model documentation', () => {
  it('documents every variable with its equation and unit', () => {
    for (const v of modelSections().flatMap((s) => s.variables)) {
      const name = v.dims ? `${v.name}[${v.dims.join(', ')}]` : v.name;
      expect(doc, v.name).toContain(`| \`${name}\` | ${v.kind} | ${v.units} |`);
      if (typeof v.equation === 'string') expect(doc, v.name).toContain(`\`${v.equation}\``);
    }
  });

  it('lists every parameter with its provenance', () => {
    for (const p of parameterRegistry) {
      const line = doc.split('\n').find((l) => l.startsWith(`| \`${p.id}\` |`));
      expect(line, p.id).toBeDefined();
      expect(line!, p.id).toMatch(p.provenance.kind === 'calibrated' ? /calibrated against/ : new RegExp(`${p.provenance.kind}:`));
    }
  });

  it('explains every lever and the package interaction', () => {
    for (const l of LEVERS) expect(doc).toContain(`(\`${l.id}\``);
    expect(doc).toContain('Why the package is not the sum of its parts');
    expect(doc).toMatch(/\| `tech_contracts_circle` \|.*\| -?\d/);
  });

  it('is committed as docs/model.md, up to date', () => {
    const committed = readFileSync(new URL('../../docs/model.md', import.meta.url), 'utf8');
    expect(committed).toBe(doc);
  });
});
