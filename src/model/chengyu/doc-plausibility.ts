// The documentation's plausibility section: the counting basis and ceiling of technology-contract
// turnover, and what the 2035 projections of turnover, R&D intensity and enterprises rest on,
// with the numbers measured from the baseline and paper-package runs (so they never go stale).
import type { RunResult } from '../engine/types.ts';
import { valueAt } from './experiments.ts';
import { CALIBRATED_VALUES } from './equations.ts';
import { PARAMETER_INDEX } from './parameters.ts';

const YEARS = [2015, 2018, 2020, 2025, 2030, 2035];
const f0 = (x: number) => x.toFixed(0);
const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);
/** Compound yearly growth (percent) between two years of an output. */
const cagr = (r: RunResult, o: string, a: number, b: number) => 100 * ((valueAt(r, o, b) / valueAt(r, o, a)) ** (1 / (b - a)) - 1);

/** Markdown lines of the plausibility section for a baseline and a paper-package run. */
export function plausibilitySection(base: RunResult, pkg: RunResult): string[] {
  const L: string[] = [];
  const p = (...lines: string[]) => L.push(...lines);
  const ceiling = CALIBRATED_VALUES.tech_turnover_ceiling ?? (PARAMETER_INDEX.get('tech_turnover_ceiling')!.value as number);
  const share = (r: RunResult, region: string, y: number) => (100 * valueAt(r, `tech_contracts_${region}`, y)) / valueAt(r, `gdp_${region}`, y);

  p('## Technology-contract turnover: counting basis and ceiling', '');
  p(
    "**Counting basis.** `tech_contracts` is the turnover of technology contracts registered at the seller's node (技术合同成交额),",
    "including contracts sold outside the circle. The calibration fits it to the registered series of the provinces (Sichuan",
    '2018–2021, Chongqing 2018 and 2022, Chengdu 2019 as a lower bound; `calibration-targets.csv`). The paper\'s Chengdu figure',
    "for 2018 (1 355.07 亿元) exceeds all of Sichuan's registered turnover that year (1 004.18), so it and the paper's circle total",
    '(1 621.3 = Chengdu + Chongqing) are on another basis and are not fitted.',
    '',
    '**Ceiling.** The gravity term (conversion × knowledge × market access) is the *potential* turnover. Knowledge and market',
    'size both grow with the economy, so the potential grows faster than GDP and would reach absurd shares of GDP if',
    'extrapolated. Realised turnover therefore saturates per province: turnover = ceiling × GDP × P / (ceiling × GDP + P)',
    `for potential P, with ceiling = ${f1(100 * ceiling)} % of GDP (\`tech_turnover_ceiling\`, calibrated around a prior at Beijing's 2022 ratio, ≈ 7,947 亿元`,
    'of ≈ 41,611 亿元 GDP, the national extreme; recalled public statistics, not in the paper).',
    'The share approaches the ceiling only asymptotically and is half of it when the potential equals it. The same saturation',
    'scales the technology other nodes absorb, so it also damps the feedback of traded technology on enterprise formation.',
    '',
  );
  p('| year | circle turnover (亿元/yr) | % of circle GDP | Sichuan % of GDP | Chongqing % of GDP | yearly growth since previous row | package turnover | package % of GDP |');
  p('|---|---|---|---|---|---|---|---|');
  YEARS.forEach((y, i) => {
    const g = i === 0 ? '' : `${f1(cagr(base, 'tech_contracts_circle', YEARS[i - 1], y))} %`;
    p(
      `| ${y} | ${f0(valueAt(base, 'tech_contracts_circle', y))} | ${f2(share(base, 'circle', y))} | ${f2(share(base, 'sichuan', y))} | ${f2(share(base, 'chongqing', y))} | ${g} | ${f0(valueAt(pkg, 'tech_contracts_circle', y))} | ${f2(share(pkg, 'circle', y))} |`,
    );
  });
  p('');

  p('## What the 2035 projections rest on', '');
  const rdRegions = ['sichuan', 'chongqing', 'chengdu_city', 'zones12', 'circle'];
  p('R&D intensity (percent of GDP):', '', `| region | ${[2018, 2025, 2035].join(' | ')} | package 2035 |`, '|---|---|---|---|---|');
  for (const r of rdRegions) {
    p(`| ${r} | ${[2018, 2025, 2035].map((y) => f2(valueAt(base, `rd_intensity_${r}`, y))).join(' | ')} | ${f2(valueAt(pkg, `rd_intensity_${r}`, 2035))} |`);
  }
  p('');
  const zoneHte = (100 * valueAt(base, 'hte_zones12', 2018)) / valueAt(base, 'hte_circle', 2018);
  const zoneGdp = (100 * valueAt(base, 'gdp_zones12', 2018)) / valueAt(base, 'gdp_circle', 2018);
  const push = (y: number) => f1(valueAt(base, 'certification_incentive', y));
  const cdShare = (y: number) => f0((100 * valueAt(base, 'hte_chengdu_city', y)) / valueAt(base, 'hte_sichuan', y));
  p(
    '**R&D intensity** rests on two parts. R&D outside certified firms is a calibrated constant share of GDP per province;',
    "the certified firms' R&D grows with their number (diluted: firms certified under the incentives are smaller and carry",
    'little R&D, `firm_size_dilution`, calibrated on the 2022 surge of the counts with flat R&D in Sichuan) and with a slow',
    'per-firm nominal growth, while GDP grows with its exogenous trend. The intensity therefore rises only as fast as',
    'diluted enterprise R&D outgrows GDP, and flattens once the surge of the counts ends.',
    'Chengdu city is higher because the certified firms, which carry the R&D, concentrate there.',
    `The 12 zones' intensity is R&D over the zones' own GDP: in 2018 they hold ${f0(zoneHte)} % of the circle's certified firms (Table 4)`,
    `but ${f0(zoneGdp)} % of its GDP (the \`gdp_share\` assumption), and those firms carry most R&D, so the ratio is high by construction.`,
    'The model has no intensity ceiling: R&D support adds its share of GDP one for one, the one lever whose size the user',
    'sets directly.',
    '',
  );
  const hteRegions = ['sichuan', 'chengdu_city', 'chongqing', 'zones12', 'circle'];
  p('High-tech enterprises:', '', '| region | 2018 | 2025 | 2035 | growth 2018–2025 %/yr | growth 2025–2035 %/yr | package 2035 |', '|---|---|---|---|---|---|---|');
  for (const r of hteRegions) {
    const o = `hte_${r}`;
    p(`| ${r} | ${f0(valueAt(base, o, 2018))} | ${f0(valueAt(base, o, 2025))} | ${f0(valueAt(base, o, 2035))} | ${f1(cagr(base, o, 2018, 2025))} | ${f1(cagr(base, o, 2025, 2035))} | ${f0(valueAt(pkg, o, 2035))} |`);
  }
  p('');
  p(
    '**Enterprises** rest on the 2015–2022 fit of the pipeline: S&T SMEs formed from talent and knowledge enter the registry',
    'while the qualifying pool has room (`qualifying_firms_per_gdp`), are certified at a rate pushed by the R&D',
    'super-deduction (50 % → 75 % in 2018 → 100 % for manufacturers in 2021 and small tech firms in 2022; the elasticity also',
    'absorbs the provincial campaigns that ran alongside), and lose the certificate after three years unless renewed. The',
    '2019–2022 surge is that push. The tax path holds its last value after 2022, but firms respond to it with a lag',
    `(\`policy_response_time\`, ${f1(CALIBRATED_VALUES.policy_response_time)} years), so the push still grows after 2022: the incentive factor is ${push(2022)} in 2022,`,
    `${push(2024)} in 2024 and ${push(2026)} in 2026, and levels off near ${push(2035)} (${push(2028)} in 2028). The surge ends because that response completes and the`,
    'registry the certifications draw on is finite, so growth returns to the pace of formation. No figure after 2022 is used',
    "anywhere in the model or these documents: later years are kept to judge the forecasts. Chengdu city's share of Sichuan's",
    `firms goes from ${cdShare(2018)} % (2018) to ${cdShare(2035)} % (2035): formation follows talent and knowledge, both concentrated in Chengdu.`,
    '',
  );
  return L;
}
