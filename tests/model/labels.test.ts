// Every variable, parameter and lever of the regional model has a name for readers in both
// languages: non-empty, and the Chinese one without Latin letters (ids are shown as code).
import { describe, expect, it } from 'vitest';
import { buildChengyuSpec } from '../../src/model/chengyu/equations.ts';
import { PARAMETERS } from '../../src/model/chengyu/parameters.ts';
import { LEVERS } from '../../src/model/scenario/levers.ts';
import type { HumanName } from '../../src/model/engine/types.ts';

/** Problems with one name, or [] when it is fine. */
function problems(id: string, label: HumanName | undefined): string[] {
  if (!label) return [`${id}: no name`];
  const out: string[] = [];
  if (!label.en.trim()) out.push(`${id}: empty English name`);
  if (!label.zh.trim()) out.push(`${id}: empty Chinese name`);
  if (/[A-Za-z]/.test(label.zh)) out.push(`${id}: Latin letters in "${label.zh}"`);
  if (/[\u3400-\u9fff]/.test(label.en)) out.push(`${id}: Chinese in "${label.en}"`);
  return out;
}

describe('names for readers', () => {
  const spec = buildChengyuSpec();

  it('every variable of the model spec has both names', () => {
    expect(spec.variables.length).toBeGreaterThan(200);
    expect(spec.variables.flatMap((v) => problems(v.name, v.label))).toEqual([]);
  });

  it('every registry parameter has both names, and the spec carries the same ones', () => {
    expect(PARAMETERS.flatMap((p) => problems(p.id, p.label))).toEqual([]);
    for (const p of PARAMETERS) expect(spec.variables.find((v) => v.name === p.id)?.label).toEqual(p.label);
  });

  it('every lever and lever field has both names', () => {
    const all = LEVERS.flatMap((l) => [problems(l.id, l.label), ...l.fields.map((f) => problems(`${l.id}.${f.field}`, f.label))]).flat();
    expect(all).toEqual([]);
  });

  it('names are distinct where the variables differ, and official terms are used', () => {
    const byZh = new Map<string, string[]>();
    for (const v of spec.variables) byZh.set(v.label!.zh, [...(byZh.get(v.label!.zh) ?? []), v.name]);
    // Two ids with the same words would be indistinguishable in a picker or a diagram.
    const shared = [...byZh.values()].filter((ids) => ids.length > 1);
    expect(shared).toEqual([]);
    const zh = (id: string) => spec.variables.find((v) => v.name === id)?.label?.zh;
    expect(zh('hte')).toBe('高新技术企业数');
    expect(zh('rd_intensity_sichuan')).toBe('研发经费投入强度（四川省）');
    expect(zh('tech_contracts_circle')).toBe('技术合同成交额（成渝地区双城经济圈）');
    expect(zh('lever_corridor_integration')).toBe('成渝科技创新大走廊：走廊一体化程度');
  });
});
