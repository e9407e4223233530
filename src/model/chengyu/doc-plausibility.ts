// The documentation's plausibility section: the counting basis and ceiling of technology-contract
// turnover, and what the 2035 projections of turnover, R&D intensity and enterprises rest on,
// with the numbers measured from the baseline and paper-package runs (so they never go stale).
import type { RunResult } from '../engine/types.ts';
import { valueAt } from './experiments.ts';
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
  const ceiling = PARAMETER_INDEX.get('tech_turnover_ceiling')!.value as number;
  const share = (r: RunResult, region: string, y: number) => (100 * valueAt(r, `tech_contracts_${region}`, y)) / valueAt(r, `gdp_${region}`, y);

  p('## Technology-contract turnover: counting basis and ceiling', '');
  p(
    "**Counting basis.** `tech_contracts` is the turnover of technology contracts registered at the seller's node (技术合同成交额,",
    'the figure the paper reports per city), including contracts sold outside the circle. The paper gives Chengdu 1355.07 and',
    "Chongqing 266.23 亿元 for 2018 and a circle total of 1621.3 亿元, which is exactly their sum: the paper's circle counts the two",
    "cities' registries. The model's `tech_contracts_circle` is the sum over all nodes, and the calibration fits it to 1621.3",
    "(Section 5.4), so the rest of Sichuan's registered turnover is the small remainder the data leave room for",
    '(`conversion_sichuan_other_factor`). Read the circle series as "Chengdu + Chongqing + a small rest of Sichuan", on the',
    "paper's basis; it is not a province-wide statistical total.",
    '',
    '**Ceiling.** The gravity term (conversion × knowledge × market access) is the *potential* turnover. Knowledge and market',
    'size both grow with the economy, so the potential grows about twice as fast as GDP (≈ 20 %/yr; national turnover grew',
    '≈ 26 %/yr from ≈ 0.98 to ≈ 6.15 trillion CNY in 2015–2023, public statistics not in the paper) and would reach absurd shares',
    'of GDP if extrapolated. Realised turnover therefore saturates per province: turnover = ceiling × GDP × P / (ceiling × GDP + P)',
    `for potential P, with ceiling = ${f1(100 * ceiling)} % of GDP (\`tech_turnover_ceiling\`). That is Beijing's ratio in 2022 (≈ 7,947 亿元`,
    'of ≈ 41,611 亿元 GDP), the national extreme; the national ratio was ≈ 5 % in 2023 (public statistics, not in the paper).',
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
  const cdShare = (y: number) => f0((100 * valueAt(base, 'hte_chengdu_city', y)) / valueAt(base, 'hte_sichuan', y));
  p(
    '**R&D intensity** rests on two parts. R&D outside certified firms is a calibrated constant share of GDP per province;',
    "the certified firms' R&D grows with their number (diluted: new firms are smaller, `firm_size_dilution`) and with a slow",
    'per-firm nominal growth, while GDP grows with its exogenous trend. The intensity therefore rises only as fast as',
    'enterprises outgrow GDP. The provincial baselines rise by about half a point to 2035, which is at the conservative end:',
    'Sichuan reported ≈ 2.1 % and Chongqing ≈ 2.4 % for 2022, and the national figure was ≈ 2.65 % in 2023 (public',
    'statistics, not in the paper and not used in the calibration), so the baseline lags the recent record by a few years',
    'rather than overshooting it. Chengdu city is higher because the certified firms, which carry the R&D, concentrate there.',
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
    '**Enterprises** rest on the calibrated 2015–2020 dynamics of the pipeline (formation per S&T talent, certification rate,',
    'lapse of non-renewed certificates) and on talent growing at its base rate, with formation rising less than',
    'proportionally with innovation and absorbed technology. Growth slows after 2020 as the knowledge and talent feedbacks',
    'run at their trend rates, not at the pace of the 2016 certification-rule change. For scale: the national count grew',
    'from ≈ 79,000 (2015) to ≈ 460,000 (2023), ≈ 25 %/yr (public statistics, not in the paper), faster than the model\'s circle',
    'after 2018, so the baseline is not an exuberant extrapolation; it is closer to a continuation of the',
    "circle's own 2018–2020 pace decelerating. Recent provincial reports (≈ 16,000 certified firms in Sichuan and ≈ 7,600 in",
    "Chongqing for 2023; public statistics recalled, not in the paper and not verified in this repository) lie above the model's",
    "2023 values, so the near-term baseline is, if anything, low. Chengdu city's share of Sichuan's firms rises from",
    `${cdShare(2018)} % (2018) to ${cdShare(2035)} % (2035): formation follows talent and knowledge, both concentrated in Chengdu. Nothing in`,
    'the model caps the count; a researcher who expects certification to saturate (e.g. a fixed share of all firms) should',
    'read the 2035 counts as an upper path.',
    '',
  );
  return L;
}
