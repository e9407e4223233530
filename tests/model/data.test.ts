import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { NODES, NODE_IDS, REGIONS, GROUPS, distanceMatrix } from '../../src/model/chengyu/nodes.ts';
import { PUBLISHED_DISTANCES_KM } from '../../src/model/chengyu/data/geography.ts';
import { ZONES } from '../../src/model/chengyu/data/zones.ts';
import { OBSERVATIONS, OFFICIAL_FIGURES, CALIBRATION_TARGETS } from '../../src/model/chengyu/observations.ts';
import { PAPER_FIGURES, ZONE_ROWS } from '../../src/model/chengyu/data/tables.ts';

const SHARED = new URL('../../../shared/data/', import.meta.url);

describe('nodes and regions', () => {
  it('has the 12 zones (ids of zones.csv) plus three hinterland nodes', () => {
    expect(NODE_IDS.slice(0, 12)).toEqual(ZONES.map((z) => z.id));
    expect(NODE_IDS.slice(12)).toEqual(['rest_of_chengdu', 'rest_of_sichuan', 'rest_of_chongqing']);
  });

  it('builds every observed total as a sum of nodes', () => {
    const r = Object.fromEntries(REGIONS.map((x) => [x.id, x.nodes]));
    expect(r.sichuan.sort()).toEqual(
      ['chengdu', 'deyang', 'mianyang', 'leshan', 'zigong', 'panzhihua', 'luzhou', 'neijiang', 'rest_of_chengdu', 'rest_of_sichuan'].sort(),
    );
    expect(r.chengdu_city).toEqual(['chengdu', 'rest_of_chengdu']);
    expect(r.chongqing.sort()).toEqual(['chongqing_zone', 'yongchuan', 'bishan', 'rongchang', 'rest_of_chongqing'].sort());
    expect(r.zones12).toHaveLength(12);
    expect(r.circle).toHaveLength(15);
    // The three Table-2 groups partition the circle.
    const all = [...GROUPS.chengdu_city, ...GROUPS.sichuan_other, ...GROUPS.chongqing].sort();
    expect(all).toEqual([...NODE_IDS].sort());
  });

  it('reproduces the published distances of data/README.md to the kilometre', () => {
    const d = distanceMatrix();
    for (const [id, toChengdu, toChongqing] of PUBLISHED_DISTANCES_KM) {
      expect(Math.abs(d[id].chengdu - toChengdu)).toBeLessThanOrEqual(1);
      expect(Math.abs(d[id].chongqing_zone - toChongqing)).toBeLessThanOrEqual(1);
    }
    for (const a of NODE_IDS) for (const b of NODE_IDS) expect(d[a][b]).toBe(d[b][a]);
  });

  it('keeps region, city and zone ids distinct (the Chongqing zone is chongqing_zone, the municipality chongqing)', () => {
    const ids = [...REGIONS.map((r) => r.id), ...NODE_IDS];
    expect(new Set(ids).size).toBe(ids.length);
    expect(NODE_IDS).toContain('chongqing_zone');
    expect(REGIONS.find((r) => r.id === 'chongqing')!.nodes).toContain('chongqing_zone');
  });

  it('types the zones exactly as the project\'s zones.csv lists them', () => {
    expect(ZONE_ROWS.map((z) => z.id)).toEqual(ZONES.map((z) => z.id));
    ZONE_ROWS.forEach((z, i) => {
      expect(ZONES[i].name_zh).toBe(z.name_zh);
      expect(ZONES[i].lon).toBe(Number(z.lon));
      expect(ZONES[i].lat).toBe(Number(z.lat));
    });
  });

  it('puts Zigong, Luzhou and Panzhihua off the trunk rail lines', () => {
    const off = NODES.filter((n) => !n.onRail).map((n) => n.id);
    expect(off).toEqual(expect.arrayContaining(['zigong', 'luzhou', 'panzhihua']));
    expect(NODES.find((n) => n.id === 'neijiang')!.onRail).toBe(true);
  });
});

describe('observations', () => {
  it('keeps every row of the paper', () => {
    expect(OBSERVATIONS).toHaveLength(132);
  });

  it('marks conflicting rows and keeps them all', () => {
    const cd2018 = OBSERVATIONS.filter((o) => o.indicator === 'hte_count' && o.region === 'chengdu' && o.year === 2018);
    expect(cd2018.map((o) => o.value).sort()).toEqual([2405, 3053, 3113]);
    expect(cd2018.every((o) => o.conflict)).toBe(true);
    const cd2016 = OBSERVATIONS.find((o) => o.indicator === 'hte_count' && o.region === 'chengdu' && o.year === 2016)!;
    expect(cd2016.conflict).toBe(false);
  });

  it('trusts a disputed or derived point less than an undisputed one of the same series', () => {
    const w = (output: string, year: number) => CALIBRATION_TARGETS.find((t) => t.output === output && t.year === year)!.weight;
    expect(w('hte_chongqing', 2015)).toBeLessThan(w('hte_chongqing', 2017));
    expect(w('hte_chengdu_city', 2022)).toBeLessThan(w('hte_chengdu_city', 2017) / 3);
    expect(w('hte_sichuan', 2020)).toBeLessThan(w('hte_sichuan', 2017));
  });

  it('uses Table 2 for 2015–2018 and the official year-end counts after, the paper\'s "2020" counts re-dated to 2019', () => {
    const hte = CALIBRATION_TARGETS.filter((t) => t.output === 'hte_sichuan');
    expect(hte.map((t) => t.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022]);
    expect(hte.slice(0, 4).map((t) => t.observed)).toEqual([2614, 3047, 3480, 4250]);
    expect(hte.slice(0, 4).every((t) => t.where === 'paper Table 2')).toBe(true);
    expect(hte.find((t) => t.year === 2019)!.observed).toBe(5594);
    expect(hte.find((t) => t.year === 2022)!.observed).toBe(14500);
    // Interim counts and sources marked DO NOT USE never become targets.
    expect(CALIBRATION_TARGETS.some((t) => t.observed === 12379 || t.observed === 12000)).toBe(false);
  });

  it('writes down a decision and an observation error for every target, and fits nothing after 2022', () => {
    for (const t of CALIBRATION_TARGETS) {
      expect(t.decision.length, `${t.output} ${t.year}`).toBeGreaterThan(5);
      expect(t.sigma).toBeGreaterThan(0);
      expect(t.year).toBeLessThanOrEqual(2022);
      expect(['point', 'lower']).toContain(t.bound);
    }
  });

  it('keeps every official figure with its reliability and URL', () => {
    expect(OFFICIAL_FIGURES.length).toBe(128);
    for (const f of OFFICIAL_FIGURES) {
      expect(['high', 'medium', 'low']).toContain(f.reliability);
      expect(f.url).toMatch(/^https?:\/\//);
    }
  });

  it('embeds every CSV file of the data folder as generated (scripts/gen-data-modules.ts)', async () => {
    const { csvFiles, generatedPath, generatedSource } = await import('../../scripts/gen-data-modules.ts');
    expect(csvFiles()).toHaveLength(5);
    for (const f of csvFiles()) expect(readFileSync(generatedPath(f), 'utf8'), f).toBe(generatedSource(f));
  });

  it.runIf(existsSync(SHARED))('matches ../shared/data when it is present', () => {
    const csv = readFileSync(new URL('seed-observations.csv', SHARED), 'utf8').trim().split('\n').slice(1);
    expect(PAPER_FIGURES).toHaveLength(csv.length);
    const later = readFileSync(new URL('later-observations.csv', SHARED), 'utf8').trim().split('\n').slice(1);
    expect(OFFICIAL_FIGURES).toHaveLength(later.length);
    const zones = readFileSync(new URL('zones.csv', SHARED), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    zones.forEach((z, i) => {
      // The project renames the Chongqing zone so that zone and municipality ids stay distinct.
      expect(ZONES[i].id).toBe(z[0] === 'chongqing' ? 'chongqing_zone' : z[0]);
      expect(ZONES[i].lon).toBeCloseTo(Number(z[5]), 4);
      expect(ZONES[i].lat).toBeCloseTo(Number(z[6]), 4);
    });
  });
});
