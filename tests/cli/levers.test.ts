import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { LEVERS } from '../../src/model/scenario/levers.ts';
import { cli } from './run-cli.ts';

// Each test spawns the command (seconds each on a loaded machine).
vi.setConfig({ testTimeout: 300_000 });

describe('chengyu-sim levers', () => {
  it('prints every lever field with range and default (en)', () => {
    const r = cli(['levers']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const l of LEVERS) for (const f of l.fields) expect(r.stdout).toContain(`${l.id}.${f.field}`);
    expect(r.stdout).toMatch(/science_city\.investment\s+Western Science City, jointly built: Joint investment per year\s+100 million CNY\/yr\s+0–200\s+0\s+5\s+6\.2/);
    expect(r.stdout).toMatch(/parks\.count\s+.*0–20 \(integer\)\s+0\s+1/);
  });
  it('prints Chinese labels with --lang zh and paragraphs with --docs', () => {
    const r = cli(['levers', '--lang', 'zh', '--docs']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('合作共建西部科学城：年度联合投资');
    expect(r.stdout).toContain('亿元/年');
    expect(r.stdout).toContain(LEVERS[0].doc.zh);
  });
  it('prints JSON that round-trips the lever table', () => {
    const r = cli(['levers', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).levers).toEqual(JSON.parse(JSON.stringify(LEVERS)));
  });
  it('rejects a bad --format in one line, non-zero, leaving --out untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cy-levers-'));
    const out = join(dir, 'levers.txt');
    writeFileSync(out, 'keep me');
    const r = cli(['levers', '--format', 'xml', '--out', out]);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain("'xml' is invalid");
    expect(readFileSync(out, 'utf8')).toBe('keep me');
  });
});
